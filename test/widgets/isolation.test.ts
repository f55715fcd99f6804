// @vitest-environment happy-dom
// Shadow-root isolation, theming through custom properties and themes, and the CSP nonce.
import { afterEach, describe, expect, it } from 'vitest';
import { openSurvey } from '../helpers/widgets.js';

afterEach(() => document.querySelectorAll('holdfast-widget, style.host').forEach((e) => e.remove()));

describe('isolation and theming', () => {
  it('renders inside a shadow root that host CSS selectors do not reach', async () => {
    const hostCss = document.createElement('style');
    hostCss.className = 'host';
    hostCss.textContent = 'button { display: none !important } h2 { color: red }';
    document.head.appendChild(hostCss);
    const w = await openSurvey({ id: 'nps', type: 'nps' });
    expect(document.querySelectorAll('button[role=radio]')).toHaveLength(0); // not in the light DOM
    expect(w.radios()).toHaveLength(11);
    expect(w.root.querySelector('style')!.textContent).toContain(':host{all:initial}');
  });

  it('exposes colours, font and radius as custom properties a host can set, and a dark theme', async () => {
    const w = await openSurvey({ id: 'nps', type: 'nps' }, { theme: 'dark' });
    const css = w.root.querySelector('style')!.textContent!;
    for (const prop of ['--hf-bg', '--hf-fg', '--hf-accent', '--hf-font', '--hf-radius']) expect(css).toContain(`var(${prop}`);
    expect(w.root.querySelector('.hf-root')!.classList.contains('hf-dark')).toBe(true);
  });

  it('puts the CSP nonce on its style element', async () => {
    const w = await openSurvey({ id: 'nps', type: 'nps' }, { nonce: 'r4nd0m' });
    expect(w.root.querySelector('style')!.getAttribute('nonce')).toBe('r4nd0m');
  });
});
