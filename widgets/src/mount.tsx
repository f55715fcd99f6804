// Puts a widget on the page inside a shadow root (host CSS cannot reach in, ours cannot leak out), with the
// style element carrying the CSP nonce, and gives back a handle to close it or switch its language.
import { render, type VNode } from 'preact';
import type { WidgetContext, WidgetHandle } from '../../sdk/src/widgets-api.js';
import { isRtl, loadLocale, pickLocale, translator, type Translate } from './i18n/index.js';
import { css } from './styles.js';

export interface Shell {
  t: Translate;
  locale: string;
  setLocale(locale: string): void;
  onClose(): void;
  inline: boolean;
  theme: string;
  dir: 'ltr' | 'rtl';
}

export function mount(ctx: WidgetContext, view: (shell: Shell) => VNode, onClosed?: () => void): WidgetHandle {
  const host = document.createElement('holdfast-widget');
  (ctx.target ?? document.body).appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  if (ctx.nonce) style.setAttribute('nonce', ctx.nonce);
  style.textContent = css;
  const container = document.createElement('div');
  root.append(style, container);
  const returnFocus = document.activeElement as HTMLElement | null;
  let locale = pickLocale(ctx.locale ?? navigator.language);
  let open = true;

  const handle: WidgetHandle = {
    close() {
      if (!open) return;
      open = false;
      render(null, container);
      host.remove();
      returnFocus?.focus?.();
      ctx.onClose?.();
      onClosed?.();
    },
    setLocale(tag: string) {
      locale = pickLocale(tag);
      void loadLocale(locale, ctx.nonce).then(draw);
    },
  };

  function draw() {
    if (!open) return;
    const dir = ctx.dir ?? (isRtl(ctx.locale ?? navigator.language) ? 'rtl' : 'ltr');
    render(view({ t: translator(locale), locale, setLocale: handle.setLocale, onClose: handle.close, inline: !!ctx.target, theme: ctx.theme ?? 'auto', dir }), container);
  }
  // The widget appears once its language is there (a few hundred bytes; English needs nothing).
  void loadLocale(locale, ctx.nonce).then(draw);
  return handle;
}
