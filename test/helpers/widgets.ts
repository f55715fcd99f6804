// Opens real widgets in happy-dom and reads them back through their shadow roots. Locale tables are
// registered from source, as the on-demand chunks would register them in a browser.
import type { CancelFlowCallbacks, CancelFlowDefinition, SurveyDefinition, WidgetContext, WidgetHandle } from '../../sdk/src/widgets-api.js';
import { locales } from '../../widgets/src/i18n/index.js';
import { fi } from '../../widgets/src/i18n/fi.js';
import { pl } from '../../widgets/src/i18n/pl.js';
import { sv } from '../../widgets/src/i18n/sv.js';
import { zh } from '../../widgets/src/i18n/zh.js';
import { widgets } from '../../widgets/src/index.js';

Object.assign(locales, { fi, sv, pl, zh });

export interface Opened {
  handle: WidgetHandle;
  host: HTMLElement;
  root: ShadowRoot;
  sent: { event: string; properties: Record<string, any> }[];
  text(): string;
  button(label: string | RegExp): HTMLButtonElement;
  buttons(): HTMLButtonElement[];
  radios(): HTMLButtonElement[];
  key(key: string, init?: KeyboardEventInit): void;
  active(): Element | null;
}

export const tick = () => new Promise((r) => setTimeout(r, 0));

function wrap(handle: WidgetHandle, sent: Opened['sent']): Opened {
  const hosts = document.querySelectorAll('holdfast-widget');
  const host = hosts[hosts.length - 1] as HTMLElement;
  const root = host.shadowRoot!;
  const buttons = () => [...root.querySelectorAll('button')] as HTMLButtonElement[];
  return {
    handle,
    host,
    root,
    sent,
    text: () => root.textContent ?? '',
    buttons,
    radios: () => buttons().filter((b) => b.getAttribute('role') === 'radio'),
    button(label) {
      const b = buttons().find((x) => (typeof label === 'string' ? x.textContent?.trim() === label || x.getAttribute('aria-label') === label : label.test(x.textContent ?? '')));
      if (!b) throw new Error(`no button ${label} in: ${buttons().map((x) => x.textContent).join(' | ')}`);
      return b;
    },
    key(key, init = {}) {
      const target = (root.activeElement ?? root.querySelector('[role=dialog]')) as HTMLElement;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
    },
    active: () => root.activeElement,
  };
}

export async function openSurvey(def: SurveyDefinition, ctx: Partial<WidgetContext> = {}): Promise<Opened> {
  const sent: Opened['sent'] = [];
  const handle = widgets.survey(def, { send: (event, properties) => sent.push({ event, properties }), locale: 'en', theme: 'light', ...ctx });
  await tick();
  return wrap(handle, sent);
}

export async function openCancelFlow(def: Partial<CancelFlowDefinition> = {}, callbacks: CancelFlowCallbacks = {}, ctx: Partial<WidgetContext> = {}): Promise<Opened> {
  const sent: Opened['sent'] = [];
  const full: CancelFlowDefinition = {
    reasons: [
      { id: 'price', offers: ['discount', 'pause'] },
      { id: 'value', offers: ['success_plan'] },
      { id: 'competitor', offers: ['executive_call'] },
      { id: 'other', offers: [] },
    ],
    offers: { discount: { kind: 'discount', percent: 25, months: 3 }, pause: { kind: 'pause', months: 2 }, success_plan: { kind: 'success_plan' }, executive_call: { kind: 'executive_call' } },
    holdout: false,
    exitQuestions: ['different', 'destination', 'recommend', 'return'],
    ...def,
  };
  const handle = widgets.cancelFlow(full, { send: (event, properties) => sent.push({ event, properties }), locale: 'en', theme: 'light', ...ctx }, callbacks);
  await tick();
  return wrap(handle, sent);
}

export const names = (o: Opened) => o.sent.map((s) => s.event);
