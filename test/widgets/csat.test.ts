// @vitest-environment happy-dom
// The CSAT widget: 1-5 as stars or faces, labelled for screen readers.
import { afterEach, describe, expect, it } from 'vitest';
import { openSurvey, tick } from '../helpers/widgets.js';

afterEach(() => document.querySelectorAll('holdfast-widget').forEach((e) => e.remove()));

describe('CSAT widget', () => {
  it('shows five stars labelled from very dissatisfied to very satisfied', async () => {
    const w = await openSurvey({ id: 'csat', type: 'csat', style: 'stars' });
    expect(w.text()).toContain('How satisfied are you with your experience?');
    expect(w.radios().map((b) => b.textContent)).toEqual(['★', '★★', '★★★', '★★★★', '★★★★★']);
    expect(w.radios().map((b) => b.getAttribute('aria-label'))).toEqual(['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied']);
  });

  it('shows faces when configured, and reports the 1-5 score', async () => {
    const w = await openSurvey({ id: 'csat-faces', type: 'csat', style: 'faces', question: 'How was the export?' });
    expect(w.text()).toContain('How was the export?');
    // Drawn faces (no emoji font needed), one per radio, labelled for screen readers.
    expect(w.radios().map((b) => b.querySelectorAll('svg').length)).toEqual([1, 1, 1, 1, 1]);
    const mouths = w.radios().map((b) => b.querySelector('path')!.getAttribute('d'));
    expect(new Set(mouths).size).toBe(5);
    w.radios()[3].click();
    await tick();
    expect(w.text()).toContain('Anything we could do better?');
    w.button('Send').click();
    expect(w.sent.at(-1)).toEqual({ event: 'Survey Responded', properties: { survey_id: 'csat-faces', survey_type: 'csat', score: 4 } });
  });
});
