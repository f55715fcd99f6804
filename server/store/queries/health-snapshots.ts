// Daily health snapshots: one row per account and day (the latest of the day wins), so that a change in
// score can be explained by the components of the days around it.
import { chTime } from '../../ingest/to-row.js';
import type { Store } from '../types.js';

export interface Snapshot {
  account_id: string;
  day: string;
  score: number;
  tier: string;
  components: unknown;
  view: unknown;
}

export async function writeSnapshots(store: Store, projectId: string, rows: Snapshot[]): Promise<void> {
  if (!rows.length) return;
  const now = chTime(Date.now());
  const body = rows
    .map((r) => JSON.stringify({ project_id: projectId, account_id: r.account_id, day: r.day, score: r.score, tier: r.tier, components: JSON.stringify(r.components), view: JSON.stringify(r.view), taken_at: now }))
    .join('\n');
  await store.insertJsonRows('health_snapshots', Buffer.from(body + '\n'), `snap-${projectId}-${Date.now()}-${Math.random()}`);
}

export async function snapshotHistory(store: Store, projectId: string, accountId: string, days = 180) {
  const rows = await store.query<{ d: string; score: number; tier: string; components: string }>(
    `SELECT toString(day) AS d, score, tier, components FROM ${store.database}.health_snapshots FINAL
     WHERE project_id = {p:String} AND account_id = {a:String} AND day >= today() - {n:UInt32} ORDER BY day`,
    { p: projectId, a: accountId, n: days },
  );
  return rows.map((r) => ({ day: r.d, score: Number(r.score), tier: r.tier, components: JSON.parse(r.components) }));
}

/** The latest snapshot of every account for a day, if it was taken within maxAgeMs; null otherwise. */
export async function latestViews<T>(store: Store, projectId: string, day: string, maxAgeMs: number): Promise<{ views: T[]; taken_at: string } | null> {
  const rows = await store.query<{ view: string; taken: string }>(
    `SELECT argMax(view, taken_at) AS view, toString(max(taken_at)) AS taken FROM ${store.database}.health_snapshots
     WHERE project_id = {p:String} AND day = {d:Date} GROUP BY account_id
     HAVING max(taken_at) >= now64(3) - toIntervalMillisecond({age:UInt64})`,
    { p: projectId, d: day, age: maxAgeMs },
  );
  if (!rows.length) return null;
  return { views: rows.map((r) => JSON.parse(r.view) as T), taken_at: rows.reduce((m, r) => (r.taken < m ? r.taken : m), rows[0].taken) };
}
