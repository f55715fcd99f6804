// @vitest-environment happy-dom
// Keyboard and screen-reader use: focus on open and per step, arrow keys on scales, Escape, a Tab trap,
// focus returned to the page on close.
import { afterEach, describe, expect, it } from 'vitest';
import { names, openCancelFlow, openSurvey, tick } from '../helpers/widgets.js';

afterEach(() => document.querySelectorAll('holdfast-widget, button.page').forEach((e) => e.remove()));

describe('keyboard use', () => {
  it('focuses the scale on open and moves with arrows, Home and End', async () => {
    const w = await openSurvey({ id: 'nps', type: 'nps' });
    await tick();
    const radios = w.radios();
    expect(w.active()).toBe(radios[0]);
    expect(radios.map((r) => r.tabIndex).filter((t) => t === 0)).toHaveLength(1);
    w.key('ArrowRight');
    w.key('ArrowRight');
    expect(w.active()).toBe(radios[2]);
    w.key('End');
    expect(w.active()).toBe(radios[10]);
    w.key('ArrowLeft');
    expect(w.active()).toBe(radios[9]);
    w.key('Home');
    expect(w.active()).toBe(radios[0]);
  });

  it('mirrors left and right arrows in a right-to-left layout', async () => {
    const w = await openSurvey({ id: 'nps', type: 'nps' }, { dir: 'rtl' });
    await tick();
    expect(w.root.querySelector('.hf-root')!.getAttribute('dir')).toBe('rtl');
    w.key('ArrowLeft');
    expect(w.active()).toBe(w.radios()[1]);
  });

  it('closes on Escape (a dismissal) and gives focus back to the page', async () => {
    const opener = document.createElement('button');
    opener.className = 'page';
    document.body.appendChild(opener);
    opener.focus();
    const w = await openSurvey({ id: 'nps', type: 'nps' });
    await tick();
    w.key('Escape');
    expect(names(w)).toEqual(['Survey Shown', 'Survey Dismissed']);
    expect(document.querySelector('holdfast-widget')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the popover', async () => {
    const w = await openCancelFlow();
    await tick();
    const all = [...w.root.querySelectorAll<HTMLElement>('button,select')];
    all.at(-1)!.focus();
    w.key('Tab');
    expect(w.active()).toBe(all[0]);
    w.key('Tab', { shiftKey: true });
    expect(w.active()).toBe(all.at(-1));
  });

  it('moves focus to the new step after each choice, and labels the dialog', async () => {
    const w = await openCancelFlow();
    await tick();
    const dialog = w.root.querySelector('[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(w.root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('We are sorry to see you go');
    w.button('It is too expensive').click();
    await tick();
    await tick();
    expect(w.active()?.textContent).toBe('Apply the discount');
  });
});
