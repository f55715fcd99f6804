// NPS and CSAT from response counts (DESIGN.md section 6).
import type { ScoreCounts } from '../store/queries/survey-scores.js';

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** NPS = % promoters (9-10) - % detractors (0-6), -100..100; null without responses. */
export function nps(c: { high: number; low: number; responses: number }): number | null {
  return c.responses ? round(((c.high - c.low) / c.responses) * 100) : null;
}

/** CSAT = satisfied (4-5) / responses, as a percentage 0..100; null without responses. */
export function csat(c: { high: number; responses: number }): number | null {
  return c.responses ? round((c.high / c.responses) * 100) : null;
}

type Totals = { high: number; mid: number; low: number; responses: number };
const zero = (): Totals => ({ high: 0, mid: 0, low: 0, responses: 0 });
function add(t: Totals, c: Totals) {
  t.high += c.high;
  t.mid += c.mid;
  t.low += c.low;
  t.responses += c.responses;
}

export function summarise(type: 'nps' | 'csat', rows: ScoreCounts[]) {
  const total = zero();
  const months = new Map<string, Totals>();
  const accounts = new Map<string, Totals>();
  for (const r of rows) {
    add(total, r);
    add(months.get(r.month) ?? months.set(r.month, zero()).get(r.month)!, r);
    if (r.account_id) add(accounts.get(r.account_id) ?? accounts.set(r.account_id, zero()).get(r.account_id)!, r);
  }
  const score = (t: Totals) => (type === 'nps' ? nps(t) : csat(t));
  const counts = (t: Totals) =>
    type === 'nps' ? { promoters: t.high, passives: t.mid, detractors: t.low } : { satisfied: t.high, neutral: t.mid, dissatisfied: t.low };
  return {
    score: score(total),
    responses: total.responses,
    ...counts(total),
    trend: [...months].map(([month, t]) => ({ month, score: score(t), responses: t.responses, ...counts(t) })),
    by_account: [...accounts].map(([account_id, t]) => ({ account_id, score: score(t), responses: t.responses, ...counts(t) })),
  };
}
