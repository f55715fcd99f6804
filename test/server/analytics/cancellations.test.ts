// Cancel-flow outcomes: funnel, save rate by reason and offer (a save only counts if no cancellation follows
// within 30 days), saved MRR, pending flows, and the lift over the holdout with its interval.
import { describe, expect, it } from 'vitest';
import { lift } from '../../../server/analytics/save-rate.js';
import { api, buildTestApp, dateAgo, daysAgo, ingest } from '../../helpers/server.js';

function flow(user: string, startAgo: number, holdout: boolean, steps: [number, string, Record<string, unknown>?][]) {
  const ctx = { groupId: `acct-${user}` };
  return [
    { userId: user, event: 'Cancellation Started', timestamp: daysAgo(startAgo), properties: { holdout }, context: ctx },
    ...steps.map(([after, event, props]) => ({ userId: user, event, timestamp: daysAgo(startAgo - after), properties: props ?? {}, context: ctx })),
  ];
}

describe('cancellations report', () => {
  it('counts saves, save rates, saved MRR and the holdout lift', async () => {
    const t = await buildTestApp();
    const m = 0.001; // minutes, in days
    await ingest(t, [
      ...flow('a', 60, false, [[m, 'Cancellation Reason Selected', { reason: 'price' }], [2 * m, 'Save Offer Shown', { offer: 'discount' }], [3 * m, 'Save Offer Accepted', { offer: 'discount' }]]),
      ...flow('b', 59, false, [[m, 'Cancellation Reason Selected', { reason: 'price' }], [2 * m, 'Save Offer Shown', { offer: 'discount' }], [3 * m, 'Save Offer Declined'], [4 * m, 'Cancellation Completed', { reason: 'price' }]]),
      ...flow('c', 58, false, [[m, 'Cancellation Reason Selected', { reason: 'value' }], [2 * m, 'Save Offer Shown', { offer: 'success_plan' }], [3 * m, 'Save Offer Accepted', { offer: 'success_plan' }], [10, 'Cancellation Completed']]),
      ...flow('d', 57, false, [[m, 'Cancellation Reason Selected', { reason: 'competitor' }], [2 * m, 'Save Offer Shown', { offer: 'executive_call' }], [3 * m, 'Save Offer Accepted', { offer: 'executive_call' }], [40, 'Cancellation Completed']]),
      ...flow('e', 56, true, [[m, 'Cancellation Reason Selected', { reason: 'price' }], [2 * m, 'Cancellation Completed']]),
      ...flow('f', 55, true, [[m, 'Cancellation Reason Selected', { reason: 'other' }], [2 * m, 'Cancellation Abandoned']]),
      ...flow('g', 5, false, [[m, 'Cancellation Reason Selected', { reason: 'price' }]]),
    ]);
    await t.app.inject({
      method: 'POST',
      url: `/v1/projects/${t.project.id}/subscriptions`,
      headers: { authorization: `Bearer ${t.project.secretKey}` },
      payload: { changes: [{ account_id: 'acct-a', mrr: 100, status: 'active', effective_at: daysAgo(300) }, { account_id: 'acct-d', mrr: 300, status: 'active', effective_at: daysAgo(300) }] },
    });
    const r = await api(t, `/metrics/cancellations?from=${dateAgo(90)}&to=${dateAgo(0)}`);
    expect(r.funnel).toEqual({ started: 7, reason_selected: 7, offer_shown: 4, accepted: 3, declined: 1, completed: 4 });
    expect(r).toMatchObject({ matured_flows: 6, pending_flows: 1, saves: 2, save_rate: 0.5, saved_mrr: 400 });
    expect(r.by_reason).toEqual(
      expect.arrayContaining([
        { reason: 'price', flows: 2, saves: 1, save_rate: 0.5 },
        { reason: 'value', flows: 1, saves: 0, save_rate: 0 },
        { reason: 'competitor', flows: 1, saves: 1, save_rate: 1 },
      ]),
    );
    expect(r.by_offer).toEqual(
      expect.arrayContaining([
        { offer: 'discount', flows: 2, saves: 1, save_rate: 0.5 },
        { offer: 'success_plan', flows: 1, saves: 0, save_rate: 0 },
        { offer: 'executive_call', flows: 1, saves: 1, save_rate: 1 },
      ]),
    );
    // Retained 30 days: treated a, d of 4; holdout f of 2.
    expect(r.holdout).toMatchObject({ flows: 2, treated_flows: 4, treated_retention: 0.5, holdout_retention: 0.5, lift: 0 });
    expect(r.holdout.ci95[0]).toBeCloseTo(-0.8487, 3);
    expect(r.holdout.ci95[1]).toBeCloseTo(0.8487, 3);
  });

  it('computes the lift and its 95% interval, and none without a holdout', () => {
    const l = lift({ n: 200, k: 150 }, { n: 100, k: 60 })!;
    expect(l.lift).toBe(0.15);
    const se = Math.sqrt((0.75 * 0.25) / 200 + (0.6 * 0.4) / 100);
    expect(l.ci95[0]).toBeCloseTo(0.15 - 1.96 * se, 4);
    expect(lift({ n: 10, k: 5 }, { n: 0, k: 0 })).toBeNull();
  });
});
