// @vitest-environment happy-dom
// The NPS widget: scale, comment, thanks, and the events of each step.
import { afterEach, describe, expect, it } from 'vitest';
import { names, openSurvey, tick } from '../helpers/widgets.js';

afterEach(() => document.querySelectorAll('holdfast-widget').forEach((e) => e.remove()));

describe('NPS widget', () => {
  const def = { id: 'nps-q4', type: 'nps' as const };

  it('shows the standard question and a 0-10 scale with its end labels, and reports it was shown', async () => {
    const w = await openSurvey(def);
    expect(w.text()).toContain('How likely are you to recommend us to a friend or colleague?');
    expect(w.radios().map((b) => b.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(w.radios()[9].getAttribute('aria-label')).toBe('Score 9');
    expect(w.text()).toContain('Not at all likely');
    expect(w.text()).toContain('Extremely likely');
    expect(w.root.querySelector('[role=radiogroup]')).not.toBeNull();
    expect(w.sent).toEqual([{ event: 'Survey Shown', properties: { survey_id: 'nps-q4', survey_type: 'nps' } }]);
  });

  it('asks for the reason after a score and sends both', async () => {
    const w = await openSurvey(def);
    w.radios()[9].click();
    await tick();
    expect(w.text()).toContain('What is the main reason for your score?');
    const area = w.root.querySelector('textarea')!;
    area.value = '  Great exports  ';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    w.button('Send').click();
    await tick();
    expect(w.text()).toContain('Thank you for your feedback!');
    expect(w.sent.at(-1)).toEqual({ event: 'Survey Responded', properties: { survey_id: 'nps-q4', survey_type: 'nps', score: 9, comment: 'Great exports' } });
  });

  it('records the score without a comment on skip', async () => {
    const w = await openSurvey(def);
    w.radios()[3].click();
    await tick();
    w.button('Skip').click();
    await tick();
    expect(w.sent.at(-1)).toEqual({ event: 'Survey Responded', properties: { survey_id: 'nps-q4', survey_type: 'nps', score: 3 } });
  });

  it('is dismissed by its close button before a score, and keeps a given score if closed after', async () => {
    const a = await openSurvey(def);
    a.button('Close').click();
    await tick();
    expect(names(a)).toEqual(['Survey Shown', 'Survey Dismissed']);
    expect(document.querySelector('holdfast-widget')).toBeNull();

    const b = await openSurvey(def);
    b.radios()[10].click();
    await tick();
    b.button('Close').click();
    expect(names(b)).toEqual(['Survey Shown', 'Survey Responded']);
    expect(b.sent[1].properties.score).toBe(10);
  });

  it('uses a custom question when the survey defines one', async () => {
    const w = await openSurvey({ ...def, question: 'Would you recommend Acme Reports?' });
    expect(w.text()).toContain('Would you recommend Acme Reports?');
  });

  it('renders inline into a given element instead of a popover', async () => {
    const slot = document.createElement('section');
    document.body.appendChild(slot);
    const w = await openSurvey(def, { target: slot });
    expect(w.host.parentElement).toBe(slot);
    expect(w.root.querySelector('.hf-inline')).not.toBeNull();
    expect(w.root.querySelector('[role=dialog]')!.getAttribute('aria-modal')).toBeNull();
  });
});
