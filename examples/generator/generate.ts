// Generates realistic B2B SaaS history as Segment messages: accounts of power-law size and activity,
// sessions with logins, feature use, surveys, support tickets, CSM contact; some accounts declining (activity
// fading over the last weeks, their champion gone quiet) and some churning. Deterministic for a seed.
import { rng } from './random.js';

export interface GenerateOptions {
  seed?: number;
  accounts: number;
  /** Mean users per account (power law around it). */
  usersPerAccount: number;
  days: number;
  /** The last day of history (ISO date); default today. */
  endDate?: string;
  /** Share of accounts that decline over the last 30 days. */
  decliningShare?: number;
  /** Mean sessions per active user per day, before account and user weights. */
  sessionRate?: number;
  features?: string[];
}

export interface AccountPlan {
  id: string;
  name: string;
  declining: boolean;
  users: string[];
  mrr: number;
  createdAt: number;
}

export type Message = Record<string, unknown> & { type: string; timestamp: string };

const DAY = 86_400_000;
const NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Soylent', 'Cyberdyne', 'Wonka', 'Vandelay'];
export const DEFAULT_FEATURES = ['reports', 'export', 'dashboards', 'alerts', 'api', 'sso'];

export function planAccounts(o: GenerateOptions): AccountPlan[] {
  const r = rng((o.seed ?? 1) * 7919);
  const end = Date.parse(o.endDate ?? new Date().toISOString().slice(0, 10));
  return Array.from({ length: o.accounts }, (_, i) => {
    const size = Math.max(1, Math.min(Math.round(o.usersPerAccount * 0.35 * r.pareto(1.3)), o.usersPerAccount * 20));
    return {
      id: `acct-${String(i).padStart(5, '0')}`,
      name: `${NAMES[i % NAMES.length]} ${i}`,
      declining: r.chance(o.decliningShare ?? 0.15),
      users: Array.from({ length: size }, (_, j) => `user-${i}-${j}`),
      mrr: [49, 99, 299, 999][Math.min(3, Math.floor(Math.log2(size + 1) / 2))],
      createdAt: end - r.int(o.days, o.days + 400) * DAY,
    };
  });
}

/** Messages in time order within each account; call for each account to stream a big dataset. */
export function* accountMessages(a: AccountPlan, o: GenerateOptions, index: number): Generator<Message> {
  const r = rng((o.seed ?? 1) * 104729 + index);
  const features = o.features ?? DEFAULT_FEATURES;
  const end = Date.parse(o.endDate ?? new Date().toISOString().slice(0, 10)) + DAY;
  const start = end - o.days * DAY;
  const ts = (t: number) => new Date(t).toISOString();
  const ctx = { groupId: a.id };
  const accountWeight = r.pareto(1.5);
  const userWeights = a.users.map(() => r.pareto(1.2));
  const champion = userWeights.indexOf(Math.max(...userWeights));
  yield { type: 'group', userId: a.users[0], groupId: a.id, timestamp: ts(start), traits: { name: a.name, plan: a.mrr >= 299 ? 'enterprise' : 'pro', created_at: ts(a.createdAt).slice(0, 10), renewal_date: ts(a.createdAt + 365 * DAY * Math.ceil((end - a.createdAt) / (365 * DAY))).slice(0, 10) } };
  for (const u of a.users) yield { type: 'identify', userId: u, timestamp: ts(start), traits: { email: `${u}@${a.id}.example`, name: u } };
  for (let d = 0; d < o.days; d++) {
    const dayStart = start + d * DAY;
    const daysLeft = o.days - d;
    // Declining accounts fade over the last 30 days to a fifth of their activity; their champion stops 20 days before the end.
    const fade = a.declining && daysLeft <= 30 ? 0.2 + 0.8 * ((daysLeft - 1) / 30) ** 2 : 1;
    const weekday = new Date(dayStart).getUTCDay() % 6 === 0 ? 0.35 : 1;
    for (let ui = 0; ui < a.users.length; ui++) {
      if (a.declining && ui === champion && daysLeft <= 20) continue;
      const p = Math.min(0.95, 0.18 * (o.sessionRate ?? 1) * accountWeight * userWeights[ui] * fade * weekday);
      if (!r.chance(p)) continue;
      const u = a.users[ui];
      let t = dayStart + r.int(7, 18) * 3_600_000 + r.int(0, 3_599_999);
      const dur = r.int(3, 45) * 60_000;
      yield { type: 'track', event: 'Session Started', userId: u, timestamp: ts(t), context: { ...ctx, sessionId: `${u}-${d}` } };
      yield { type: 'track', event: 'Signed In', userId: u, timestamp: ts(t + 1000), context: { ...ctx, sessionId: `${u}-${d}` } };
      const actions = r.int(1, 6);
      for (let k = 0; k < actions; k++) {
        t += r.int(20, 400) * 1000;
        if (r.chance(0.35)) yield { type: 'page', name: r.pick(['Reports', 'Dashboards', 'Settings']), userId: u, timestamp: ts(t), context: { ...ctx, sessionId: `${u}-${d}` } };
        else yield { type: 'track', event: 'Feature Used', userId: u, timestamp: ts(t), properties: { feature: features[Math.min(features.length - 1, Math.floor(r.pareto(1.1)) - 1)] }, context: { ...ctx, sessionId: `${u}-${d}` } };
      }
      yield { type: 'track', event: 'Session Ended', userId: u, timestamp: ts(t + dur), properties: { duration_ms: dur + (t - dayStart) % 1000 }, context: { ...ctx, sessionId: `${u}-${d}` } };
    }
    if (r.chance((a.declining && daysLeft <= 30 ? 0.12 : 0.02) * Math.sqrt(a.users.length))) {
      yield { type: 'track', event: 'Support Ticket Opened', userId: a.users[r.int(0, a.users.length - 1)], timestamp: ts(dayStart + 50_000_000), context: ctx };
    }
    if (r.chance(0.01)) yield { type: 'track', event: 'CSM Contacted', userId: a.users[0], timestamp: ts(dayStart + 40_000_000), context: ctx };
    if (r.chance(0.004 * a.users.length)) {
      const nps = a.declining && daysLeft <= 30 ? r.int(0, 7) : r.int(5, 10);
      yield { type: 'track', event: 'Survey Responded', userId: a.users[r.int(0, a.users.length - 1)], timestamp: ts(dayStart + 45_000_000), properties: { survey_id: 'nps-gen', survey_type: 'nps', score: nps, ...(r.chance(0.3) ? { comment: nps >= 9 ? 'Love the reports' : nps <= 6 ? 'Too slow lately' : 'Fine' } : {}) }, context: ctx };
    }
  }
}

export function* generate(o: GenerateOptions): Generator<Message> {
  const plans = planAccounts(o);
  for (let i = 0; i < plans.length; i++) yield* accountMessages(plans[i], o, i);
}
