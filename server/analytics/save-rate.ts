// Cancel-flow outcomes: a flow is each "Cancellation Started"; it is saved if an offer was accepted and no
// cancellation followed within 30 days; the holdout (no offer shown) measures what would have happened anyway.
export interface FlowEvent {
  person: string;
  account_id: string;
  event: string;
  at: number;
  props: Record<string, unknown>;
}

export interface Flow {
  account_id: string;
  started_at: number;
  holdout: boolean;
  reason?: string;
  offers_shown: string[];
  accepted?: string;
  accepted_at?: number;
  declined: boolean;
  completed_at?: number;
}

export const SAVE_WINDOW_MS = 30 * 86_400_000;

/** Splits each person's cancel events into flows, in time order. */
export function buildFlows(events: FlowEvent[]): Flow[] {
  const flows: Flow[] = [];
  const open = new Map<string, Flow>();
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if (e.event === 'Cancellation Started') {
      const f: Flow = { account_id: e.account_id, started_at: e.at, holdout: e.props.holdout === true, offers_shown: [], declined: false };
      flows.push(f);
      open.set(e.person, f);
      continue;
    }
    const f = open.get(e.person);
    if (!f) continue;
    if (e.event === 'Cancellation Reason Selected') f.reason = String(e.props.reason ?? '');
    else if (e.event === 'Save Offer Shown') f.offers_shown.push(String(e.props.offer ?? ''));
    else if (e.event === 'Save Offer Accepted') (f.accepted = String(e.props.offer ?? '')), (f.accepted_at = e.at);
    else if (e.event === 'Save Offer Declined') f.declined = true;
    else if (e.event === 'Cancellation Completed') f.completed_at ??= e.at;
  }
  // A cancellation by the same account after the flow closed (e.g. through billing, within 30 days) also counts.
  for (const e of events) {
    if (e.event !== 'Cancellation Completed') continue;
    for (const f of flows) if (f.account_id && f.account_id === e.account_id && e.at >= f.started_at && !f.completed_at) f.completed_at = e.at;
  }
  return flows;
}

export const retained = (f: Flow) => !f.completed_at || f.completed_at - f.started_at > SAVE_WINDOW_MS;
export const saved = (f: Flow) => !!f.accepted && (!f.completed_at || f.completed_at - (f.accepted_at ?? f.started_at) > SAVE_WINDOW_MS);

/** Difference of two proportions with a 95% Wald interval; null when a group is empty. */
export function lift(treated: { n: number; k: number }, control: { n: number; k: number }) {
  if (!treated.n || !control.n) return null;
  const p1 = treated.k / treated.n;
  const p2 = control.k / control.n;
  const se = Math.sqrt((p1 * (1 - p1)) / treated.n + (p2 * (1 - p2)) / control.n);
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return { treated_retention: r(p1), holdout_retention: r(p2), lift: r(p1 - p2), ci95: [r(p1 - p2 - 1.96 * se), r(p1 - p2 + 1.96 * se)] as [number, number] };
}
