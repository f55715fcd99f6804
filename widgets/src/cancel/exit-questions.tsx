// The optional exit questions: what could we have done differently, where are you going, would you
// recommend us, when would you come back.
import type { MessageKey, Translate } from '../i18n/index.js';

interface Props {
  t: Translate;
  questions: string[];
  answers: Record<string, string>;
  onChange(answers: Record<string, string>): void;
}

export function ExitQuestions({ t, questions, answers, onChange }: Props) {
  const set = (q: string, v: string) => onChange({ ...answers, [q]: v });
  return (
    <div>
      {questions.map((q) => {
        const label = t(`q_${q}` as MessageKey);
        if (q === 'recommend') {
          return (
            <div key={q} role="radiogroup" aria-label={label}>
              <label>{label}</label>
              <div class="hf-actions hf-start">
                {(['yes', 'no'] as const).map((v) => (
                  <button type="button" key={v} role="radio" aria-checked={answers[q] === v ? 'true' : 'false'} class={answers[q] === v ? 'hf-primary' : 'hf-secondary'} onClick={() => set(q, v)}>
                    {t(v)}
                  </button>
                ))}
              </div>
            </div>
          );
        }
        const Field = q === 'different' ? 'textarea' : 'input';
        return (
          <label key={q}>
            {label}
            <Field type="text" value={answers[q] ?? ''} onInput={(e: Event) => set(q, (e.target as HTMLInputElement).value)} />
          </label>
        );
      })}
    </div>
  );
}
