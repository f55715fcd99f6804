// The health score: a weighted sum of components (usage, engagement, value, relationship), re-weighted over
// the components that have data, with each one's contribution shown; tiers and interventions from
// DESIGN.md section 6.
import type { WindowActivity } from './signals.js';

export interface Weights {
  usage: number;
  engagement: number;
  value: number;
  relationship: number;
}

export const DEFAULT_WEIGHTS: Weights = { usage: 30, engagement: 25, value: 25, relationship: 20 };

export interface HealthInputs {
  current: WindowActivity;
  previous: WindowActivity;
  /** Sum over the last 30 days of each day's active users (for DAU/MAU). */
  userDays: number;
  /** Latest NPS (0-10) and CSAT (1-5) answers, if any. */
  latestNps: number | null;
  latestCsat: number | null;
  /** MRR now and 90 days ago; null without billing data. */
  mrrNow: number | null;
  mrr90: number | null;
  coreUsed: number;
  coreTotal: number;
  /** Days since the last customer-success contact; null if never. */
  daysSinceCsm: number | null;
}

export interface Component {
  name: keyof Weights;
  score: number | null;
  weight: number;
  /** The weight after re-weighting over present components. */
  effective_weight: number;
  contribution: number;
  missing: boolean;
  detail: Record<string, unknown>;
}

export type Tier = 'healthy' | 'needs_attention' | 'at_risk' | 'critical';

export const INTERVENTIONS: Record<Tier, string> = {
  critical: 'Executive escalation and a rescue plan',
  at_risk: 'CSM outreach and a QBR',
  needs_attention: 'Proactive check-in',
  healthy: 'Upsell and referral',
};

export const tierOf = (score: number): Tier => (score >= 80 ? 'healthy' : score >= 60 ? 'needs_attention' : score >= 40 ? 'at_risk' : 'critical');
const clamp = (x: number) => Math.max(0, Math.min(100, x));
const r1 = (x: number) => Math.round(x * 10) / 10;

function components(h: HealthInputs): Record<keyof Weights, [number | null, Record<string, unknown>]> {
  const stickiness = h.current.users ? h.userDays / 30 / h.current.users : 0;
  const trend = h.previous.events ? h.current.events / h.previous.events : h.current.events ? 1 : 0;
  const usage = clamp(50 * Math.min(1, stickiness / 0.4) + 50 * Math.min(1, trend));

  const answers = [h.latestNps !== null ? h.latestNps * 10 : null, h.latestCsat !== null ? (h.latestCsat - 1) * 25 : null].filter((x): x is number => x !== null);
  const engagement = answers.length ? clamp(answers.reduce((a, b) => a + b, 0) / answers.length - 10 * h.current.tickets) : null;

  const parts: number[] = [];
  if (h.mrrNow !== null) parts.push(h.mrrNow === 0 ? 0 : h.mrr90 === null || h.mrr90 === 0 || h.mrrNow > h.mrr90 ? 100 : h.mrrNow === h.mrr90 ? 70 : 30);
  if (h.coreTotal) parts.push((100 * h.coreUsed) / h.coreTotal);
  const value = parts.length ? clamp(parts.reduce((a, b) => a + b, 0) / parts.length) : null;

  const relationship = h.daysSinceCsm === null ? null : h.daysSinceCsm <= 30 ? 100 : h.daysSinceCsm <= 90 ? 60 : 20;
  return {
    usage: [usage, { stickiness: r1(stickiness * 100) / 100, events_trend: r1(trend * 100) / 100, events_30d: h.current.events }],
    engagement: [engagement, { latest_nps: h.latestNps, latest_csat: h.latestCsat, tickets_30d: h.current.tickets }],
    value: [value, { mrr: h.mrrNow, mrr_90_days_ago: h.mrr90, core_features_used: h.coreUsed, core_features: h.coreTotal }],
    relationship: [relationship, { days_since_csm_contact: h.daysSinceCsm }],
  };
}

export function health(h: HealthInputs, weights: Weights = DEFAULT_WEIGHTS) {
  const c = components(h);
  const names = Object.keys(weights) as (keyof Weights)[];
  const present = names.filter((n) => c[n][0] !== null);
  const total = present.reduce((s, n) => s + weights[n], 0);
  const list: Component[] = names.map((name) => {
    const [score, detail] = c[name];
    const effective = score === null || !total ? 0 : weights[name] / total;
    return { name, score: score === null ? null : r1(score), weight: weights[name] / 100, effective_weight: r1(effective * 1000) / 1000, contribution: r1((score ?? 0) * effective), missing: score === null, detail };
  });
  // From the unrounded contributions: the shown ones are rounded for display.
  const score = r1(names.reduce((s, n) => s + (c[n][0] === null || !total ? 0 : (c[n][0] as number) * (weights[n] / total)), 0));
  const tier = tierOf(score);
  return { score, tier, intervention: INTERVENTIONS[tier], components: list, missing: list.filter((x) => x.missing).map((x) => x.name) };
}
