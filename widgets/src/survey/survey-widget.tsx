// NPS (0-10) and CSAT (1-5, stars or faces): score, then an optional comment, then thanks.
// Events: Survey Shown on open; Survey Responded with the score (and comment) once answered;
// Survey Dismissed if closed before a score.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../sdk/src/widgets-api.js';
import type { MessageKey } from '../i18n/index.js';
import { Face } from '../ui/face.js';
import { Scale, type ScaleItem } from '../ui/scale.js';
import type { FrameProps } from '../ui/dialog.js';
import { Dialog } from '../ui/dialog.js';

interface Props extends FrameProps {
  def: SurveyDefinition;
  send(event: string, properties: Record<string, unknown>): void;
  inline: boolean;
  theme: string;
  dir: 'ltr' | 'rtl';
}


export function SurveyWidget(p: Props) {
  const { def, t } = p;
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const base = { survey_id: def.id, survey_type: def.type };
  const nps = def.type === 'nps';

  // Layout effect: reported as soon as it is on screen, even if closed at once.
  useLayoutEffect(() => p.send('Survey Shown', base), []);
  // The thank-you note closes itself.
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(p.onClose, 4000);
    return () => clearTimeout(timer);
  }, [done]);

  const respond = (withComment: boolean) => {
    p.send('Survey Responded', { ...base, score, ...(withComment && comment.trim() ? { comment: comment.trim() } : {}) });
    setDone(true);
  };
  // Closing after a score still records the score; closing before one is a dismissal.
  const close = () => {
    if (!done) score === null ? p.send('Survey Dismissed', base) : respond(false);
    p.onClose();
  };

  const items: ScaleItem[] = nps
    ? Array.from({ length: 11 }, (_, i) => ({ value: i, content: String(i), label: t('score_label', { score: i }) }))
    : [1, 2, 3, 4, 5].map((v) => ({ value: v, content: def.style === 'faces' ? <Face level={v as 1 | 2 | 3 | 4 | 5} /> : '★'.repeat(v), label: t(`csat_${v}` as MessageKey) }));
  const question = def.question ?? t(nps ? 'nps_question' : 'csat_question');
  const frame = { ...p, onClose: close };

  if (done) return <Dialog {...frame} title={t('thanks')} step="thanks">{null}</Dialog>;
  if (score === null) {
    return (
      <Dialog {...frame} title={question} step="score">
        <Scale items={items} label={question} icons={!nps} onSelect={setScore} />
        {nps && (
          <div class="hf-ends" aria-hidden="true">
            <span>{t('nps_low')}</span>
            <span>{t('nps_high')}</span>
          </div>
        )}
      </Dialog>
    );
  }
  const prompt = t(nps ? 'nps_comment' : 'csat_comment');
  return (
    <Dialog {...frame} title={prompt} step="comment">
      <label>
        <span class="hf-sr">{t('optional')}</span>
        <textarea aria-label={prompt} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
      </label>
      <div class="hf-actions">
        <button type="button" class="hf-link" onClick={() => respond(false)}>
          {t('skip')}
        </button>
        <button type="button" class="hf-primary" onClick={() => respond(true)}>
          {t('send')}
        </button>
      </div>
    </Dialog>
  );
}
