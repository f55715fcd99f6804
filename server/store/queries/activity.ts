// Stickiness and feature adoption, from the rollups or (source 'raw') straight from the events. Both must
// agree: the raw variant is what the rollups are tested against and what the benchmark compares with.
import type { Range } from '../../analytics/range.js';
import { USER_KEY } from '../rollups.js';
import type { Store } from '../types.js';

export type Source = 'rollup' | 'raw';

interface Scope {
  projectId: string;
  range: Range;
  accountId?: string;
}

const params = (s: Scope) => ({ p: s.projectId, from: s.range.from, to: s.range.to, a: s.accountId ?? '' });
const inRange = (dayExpr: string) => `${dayExpr} BETWEEN {from:Date} AND {to:Date}`;

/** The (table, day, user, account, filter) of each source, so that one SQL text serves both. */
function activitySource(db: string, source: Source, s: Scope) {
  const account = s.accountId ? ' AND account_id = {a:String}' : '';
  return source === 'rollup'
    ? { from: `${db}.user_daily`, day: 'day', user: 'user_key', where: `project_id = {p:String} AND ${inRange('day')}${account}` }
    : { from: `${db}.events`, day: 'toDate(timestamp)', user: USER_KEY, where: `project_id = {p:String} AND ${inRange('toDate(timestamp)')}${account}` };
}

export interface StickinessRows {
  daily: { day: string; dau: number }[];
  mau: number;
  histogram: { days: number; users: number }[];
}

export async function stickiness(store: Store, s: Scope, source: Source): Promise<StickinessRows> {
  const t = activitySource(store.database, source, s);
  const p = params(s);
  // The histogram's users add up to the users active in the range, so no separate count is needed.
  const [daily, histogram] = await Promise.all([
    store.query<{ d: string; dau: string }>(`SELECT toString(${t.day}) AS d, uniqExact(${t.user}) AS dau FROM ${t.from} WHERE ${t.where} GROUP BY d ORDER BY d`, p),
    store.query<{ days: string; users: string }>(
      `SELECT days, count() AS users FROM (SELECT ${t.user} AS u, uniqExact(${t.day}) AS days FROM ${t.from} WHERE ${t.where} GROUP BY u) GROUP BY days ORDER BY days`,
      p,
    ),
  ]);
  return {
    daily: daily.map((r) => ({ day: r.d, dau: Number(r.dau) })),
    mau: histogram.reduce((sum, r) => sum + Number(r.users), 0),
    histogram: histogram.map((r) => ({ days: Number(r.days), users: Number(r.users) })),
  };
}

export interface FeatureRow {
  feature: string;
  uses: number;
  users: number;
  accounts: number;
  first_used: string | null;
  last_used: string | null;
}

export async function features(store: Store, s: Scope, source: Source): Promise<{ rows: FeatureRow[]; activeAccounts: number }> {
  const db = store.database;
  const p = params(s);
  const account = s.accountId ? ' AND account_id = {a:String}' : '';
  const rollup = source === 'rollup';
  const feature = "JSONExtractString(properties, 'feature')";
  const usage = rollup
    ? `SELECT feature, sum(uses) AS uses, uniqExactMerge(users) AS users, uniqExactIf(account_id, account_id != '') AS accounts
       FROM ${db}.feature_daily WHERE project_id = {p:String} AND ${inRange('day')}${account} GROUP BY feature`
    : `SELECT ${feature} AS feature, count() AS uses, uniqExact(${USER_KEY}) AS users, uniqExactIf(account_id, account_id != '') AS accounts
       FROM ${db}.events WHERE project_id = {p:String} AND type = 'track' AND event = 'Feature Used' AND feature != '' AND ${inRange('toDate(timestamp)')}${account} GROUP BY feature`;
  const span = rollup
    ? `SELECT feature, toString(min(first_used)) AS first_used, toString(max(last_used)) AS last_used FROM ${db}.feature_daily WHERE project_id = {p:String}${account} GROUP BY feature`
    : `SELECT ${feature} AS feature, toString(min(timestamp)) AS first_used, toString(max(timestamp)) AS last_used
       FROM ${db}.events WHERE project_id = {p:String} AND type = 'track' AND event = 'Feature Used' AND feature != ''${account} GROUP BY feature`;
  const active = rollup
    ? `SELECT uniqExact(account_id) AS n FROM ${db}.account_daily WHERE project_id = {p:String} AND ${inRange('day')}${account}`
    : `SELECT uniqExact(account_id) AS n FROM ${db}.events WHERE project_id = {p:String} AND account_id != '' AND ${inRange('toDate(timestamp)')}${account}`;
  const [used, spans, [a]] = await Promise.all([
    store.query<{ feature: string; uses: string; users: string; accounts: string }>(usage, p),
    store.query<{ feature: string; first_used: string; last_used: string }>(span, p),
    store.query<{ n: string }>(active, p),
  ]);
  const bySpan = new Map(spans.map((r) => [r.feature, r]));
  const rows = used.map((r) => ({
    feature: r.feature,
    uses: Number(r.uses),
    users: Number(r.users),
    accounts: Number(r.accounts),
    first_used: bySpan.get(r.feature)?.first_used ?? null,
    last_used: bySpan.get(r.feature)?.last_used ?? null,
  }));
  return { rows, activeAccounts: Number(a?.n ?? 0) };
}
