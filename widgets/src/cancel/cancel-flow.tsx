// The cancellation flow: reason -> save offer for that reason (unless in the holdout) -> optional exit
// questions -> confirm. "Cancel anyway" finishes the cancellation in one click from every step.
import { useLayoutEffect, useState } from 'preact/hooks';
import type { CancelAnswers, CancelFlowCallbacks, CancelFlowDefinition, Offer } from '../../../sdk/src/widgets-api.js';
import type { FrameProps } from '../ui/dialog.js';
import { Dialog } from '../ui/dialog.js';
import { OfferCard } from './offer-card.js';
import { ExitQuestions } from './exit-questions.js';
import type { MessageKey } from '../i18n/index.js';

interface Props extends FrameProps, Omit<CancelFlowCallbacks, 'onClose'> {
  def: CancelFlowDefinition;
  send(event: string, properties: Record<string, unknown>): void;
  inline: boolean;
  theme: string;
  dir: 'ltr' | 'rtl';
}

type Step = 'reason' | 'offer' | 'questions' | 'confirm' | 'saved' | 'cancelled';

export function CancelFlow(p: Props) {
  const { def, t } = p;
  const [step, setStep] = useState<Step>('reason');
  const [reason, setReason] = useState<string>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const holdout = def.holdout;
  const offersFor = (r?: string) => (holdout ? [] : (def.reasons.find((x) => x.id === r)?.offers ?? []).filter((o) => def.offers[o]));

  useLayoutEffect(() => p.send('Cancellation Started', { holdout }), []);

  function choose(r: string) {
    setReason(r);
    p.send('Cancellation Reason Selected', { reason: r, holdout });
    const offers = offersFor(r);
    for (const id of offers) p.send('Save Offer Shown', { offer: id, offer_kind: def.offers[id].kind, reason: r });
    setStep(offers.length ? 'offer' : def.exitQuestions.length ? 'questions' : 'confirm');
  }

  function accept(id: string) {
    const offer = def.offers[id] as Offer;
    p.send('Save Offer Accepted', { offer: id, offer_kind: offer.kind, reason });
    setStep('saved');
    p.onSaved?.({ ...offer, id });
  }

  function decline() {
    p.send('Save Offer Declined', { offers: offersFor(reason), reason });
    setStep(def.exitQuestions.length ? 'questions' : 'confirm');
  }

  function complete(via: 'confirm' | 'cancel_anyway') {
    const result: CancelAnswers = { reason, ...answers };
    p.send('Cancellation Completed', { ...result, holdout, via });
    setStep('cancelled');
    p.onCancel?.(result);
  }

  const close = () => {
    if (step !== 'saved' && step !== 'cancelled') p.send('Cancellation Abandoned', { step, reason, holdout });
    p.onClose();
  };
  const frame = { ...p, onClose: close, step };
  const anyway = (
    <button type="button" class="hf-link" onClick={() => complete('cancel_anyway')}>
      {t('cancel_anyway')}
    </button>
  );
  const reasonLabel = (r: { id: string; label?: string }) => r.label ?? t(`reason_${r.id}` as MessageKey);

  switch (step) {
    case 'reason':
      return (
        <Dialog {...frame} title={t('cancel_title')}>
          <p id="hf-q">{t('cancel_reason')}</p>
          <div class="hf-list" role="group" aria-labelledby="hf-q">
            {def.reasons.map((r) => (
              <button type="button" class="hf-option" key={r.id} onClick={() => choose(r.id)}>
                {reasonLabel(r)}
              </button>
            ))}
          </div>
          <div class="hf-actions">{anyway}</div>
        </Dialog>
      );
    case 'offer':
      return (
        <Dialog {...frame} title={t('offer_intro')}>
          {offersFor(reason).map((id) => (
            <OfferCard key={id} offer={def.offers[id] as Offer} t={t} onAccept={() => accept(id)} />
          ))}
          <div class="hf-actions">
            {anyway}
            <button type="button" class="hf-secondary" onClick={decline}>
              {t('offer_decline')}
            </button>
          </div>
        </Dialog>
      );
    case 'questions':
      return (
        <Dialog {...frame} title={t('questions_title')}>
          <ExitQuestions t={t} questions={def.exitQuestions} answers={answers} onChange={setAnswers} />
          <div class="hf-actions">
            {anyway}
            <button type="button" class="hf-primary" onClick={() => setStep('confirm')}>
              {t('send')}
            </button>
          </div>
        </Dialog>
      );
    case 'confirm':
      return (
        <Dialog {...frame} title={t('confirm_title')}>
          <p>{t('confirm_body')}</p>
          <div class="hf-actions">
            <button type="button" class="hf-primary" onClick={() => complete('confirm')}>
              {t('confirm')}
            </button>
          </div>
        </Dialog>
      );
    case 'saved':
      return (
        <Dialog {...frame} title={t('saved_title')}>
          <p>{t('saved_body')}</p>
        </Dialog>
      );
    case 'cancelled':
      return (
        <Dialog {...frame} title={t('cancelled_title')}>
          <p>{t('cancelled_body')}</p>
        </Dialog>
      );
  }
}
