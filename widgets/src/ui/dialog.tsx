// The widget frame: a dialog (corner popover or inline) with a close button, Escape to close, focus kept
// inside while it is a popover, focus moved to the first control whenever the step changes, and a language
// picker so a respondent can switch language while it is open.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { localeNames, type Translate } from '../i18n/index.js';

export interface FrameProps {
  t: Translate;
  locale: string;
  setLocale(locale: string): void;
  onClose(): void;
}

interface DialogProps extends FrameProps {
  title: string;
  /** Changes when the content changes, to move focus. */
  step: string;
  inline: boolean;
  theme: string;
  dir: 'ltr' | 'rtl';
  children: ComponentChildren;
}

const FOCUSABLE = 'button:not([disabled]),select,textarea,input,[tabindex="0"]';

export function Dialog(p: DialogProps) {
  const card = useRef<HTMLDivElement>(null);
  // Layout effect: focus moves in the same frame as the new step appears.
  useLayoutEffect(() => {
    const first = [...(card.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].find((e) => !e.classList.contains('hf-close'));
    first?.focus();
  }, [p.step]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      p.onClose();
    } else if (e.key === 'Tab' && !p.inline && card.current) {
      const all = [...card.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const active = (card.current.getRootNode() as ShadowRoot).activeElement;
      const i = all.indexOf(active as HTMLElement);
      const to = e.shiftKey ? (i <= 0 ? all.length - 1 : i - 1) : i === all.length - 1 ? 0 : i + 1;
      e.preventDefault();
      all[to]?.focus();
    }
  }

  return (
    <div class={`hf-root hf-${p.theme} ${p.inline ? 'hf-inline' : 'hf-popover'}`} dir={p.dir} lang={p.locale}>
      <div class="hf-card" role="dialog" aria-modal={p.inline ? undefined : 'true'} aria-labelledby="hf-title" ref={card} onKeyDown={onKeyDown}>
        <button type="button" class="hf-close" aria-label={p.t('close')} onClick={p.onClose}>
          ×
        </button>
        <h2 id="hf-title">{p.title}</h2>
        {p.children}
        <div class="hf-footer">
          <label>
            {p.t('language')}
            <select value={p.locale} onChange={(e) => p.setLocale((e.target as HTMLSelectElement).value)}>
              {Object.entries(localeNames).map(([code, name]) => (
                <option value={code} key={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
    </div>
  );
}
