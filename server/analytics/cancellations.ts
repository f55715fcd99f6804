// The cancellations report: funnel, save rate by reason and by offer, saved MRR, and the lift over the holdout.
import { byAccount, stateAt, type Change } from './revenue.js';
import { buildFlows, lift, retained, saved, SAVE_WINDOW_MS, type FlowEvent } from './save-rate.js';

const rate = (k: number, n: number) => (n ? Math.round((k / n) * 1e4) / 1e4 : null);

export function cancellationReport(events: FlowEvent[], changes: Change[], range: { from: string; to: string }, now = Date.now()) {
  const lo = Date.parse(range.from);
  const hi = Date.parse(range.to) + 86_400_000;
  const flows = buildFlows(events).filter((f) => f.started_at >= lo && f.started_at < hi);
  // Outcomes are final 30 days after a flow; younger flows are reported as pending, not as saves.
  const matured = flows.filter((f) => now - f.started_at >= SAVE_WINDOW_MS);
  const treated = matured.filter((f) => !f.holdout);
  const holdout = matured.filter((f) => f.holdout);
  const billing = byAccount(changes);

  const funnel = {
    started: flows.length,
    reason_selected: flows.filter((f) => f.reason).length,
    offer_shown: flows.filter((f) => f.offers_shown.length).length,
    accepted: flows.filter((f) => f.accepted).length,
    declined: flows.filter((f) => f.declined).length,
    completed: flows.filter((f) => f.completed_at).length,
  };
  type F = (typeof flows)[number];
  /** Save rate per key: flows[key] counts flows, saves[key] the saved ones that count for that key. */
  const rates = (keys: (f: F) => string[], counts: (f: F, key: string) => boolean) => {
    const m = new Map<string, { flows: number; saves: number }>();
    for (const f of treated)
      for (const k of keys(f)) {
        const g = m.get(k) ?? m.set(k, { flows: 0, saves: 0 }).get(k)!;
        g.flows++;
        if (saved(f) && counts(f, k)) g.saves++;
      }
    return [...m].map(([key, g]) => ({ key, flows: g.flows, saves: g.saves, save_rate: rate(g.saves, g.flows) }));
  };
  const byReason = rates((f) => [f.reason ?? 'none'], () => true);
  // An offer's saves are the flows where that offer (not another one shown beside it) was accepted.
  const byOffer = rates((f) => f.offers_shown, (f, offer) => f.accepted === offer);
  const savedFlows = treated.filter(saved);
  const savedMrr = savedFlows.reduce((sum, f) => {
    const s = stateAt(billing.get(f.account_id) ?? [], (f.accepted_at ?? f.started_at) + 1);
    return sum + (s?.status === 'active' ? s.mrr : 0);
  }, 0);
  return {
    funnel,
    matured_flows: matured.length,
    pending_flows: flows.length - matured.length,
    saves: savedFlows.length,
    save_rate: rate(savedFlows.length, treated.length),
    saved_mrr: Math.round(savedMrr * 100) / 100,
    by_reason: byReason.map(({ key, ...g }) => ({ reason: key, ...g })),
    by_offer: byOffer.map(({ key, ...g }) => ({ offer: key, ...g })),
    holdout: {
      flows: holdout.length,
      treated_flows: treated.length,
      ...(lift({ n: treated.length, k: treated.filter(retained).length }, { n: holdout.length, k: holdout.filter(retained).length }) ?? { lift: null, ci95: null }),
    },
  };
}
