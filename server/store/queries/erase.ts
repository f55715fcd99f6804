// Erasure of one person (privacy requests): their events under their user id and every anonymous id they
// used, their traits, survey answers and per-user rollup rows; the per-account and per-feature rollups of
// the days they touched are rebuilt from what remains.
import { ROLLUPS } from '../rollups.js';
import type { Store } from '../types.js';

export interface ErasureReport {
  events: number;
  anonymous_ids: number;
  account_days_rebuilt: number;
}

const REBUILT = ['account_daily', 'feature_daily'];

export async function erasePerson(store: Store, projectId: string, userId: string): Promise<ErasureReport> {
  const db = store.database;
  const p = { p: projectId, u: userId };
  const anon = (
    await store.query<{ a: string }>(`SELECT DISTINCT anonymous_id AS a FROM ${db}.events WHERE project_id = {p:String} AND user_id = {u:String} AND anonymous_id != ''`, p)
  ).map((r) => r.a);
  const keys = [userId, ...anon];
  const mine = `project_id = {p:String} AND (user_id = {u:String} OR has({anon:Array(String)}, anonymous_id))`;
  const q = { ...p, anon, keys };
  const [[count], pairs] = await Promise.all([
    store.query<{ n: string }>(`SELECT count() AS n FROM ${db}.events WHERE ${mine}`, q),
    store.query<{ a: string; d: string }>(`SELECT DISTINCT account_id AS a, toString(toDate(timestamp)) AS d FROM ${db}.events WHERE ${mine} AND account_id != ''`, q),
  ]);
  const days = pairs.map((r) => [r.a, r.d]);
  await store.exec(`DELETE FROM ${db}.events WHERE ${mine}`, q);
  await store.exec(`DELETE FROM ${db}.persons WHERE project_id = {p:String} AND user_id = {u:String}`, q);
  await store.exec(`DELETE FROM ${db}.survey_responses WHERE project_id = {p:String} AND has({keys:Array(String)}, user_key)`, q);
  await store.exec(`DELETE FROM ${db}.user_daily WHERE project_id = {p:String} AND has({keys:Array(String)}, user_key)`, q);
  // Snapshots keep whole account views, where the person may appear (a champion, say).
  await store.exec(`DELETE FROM ${db}.health_snapshots WHERE project_id = {p:String} AND multiSearchAny(view, {keys:Array(String)})`, q);
  if (days.length) {
    const touched = `project_id = {p:String} AND has({days:Array(Array(String))}, [account_id, toString(day)])`;
    for (const r of ROLLUPS.filter((x) => REBUILT.includes(x.table.name))) {
      await store.exec(`DELETE FROM ${db}.${r.table.name} WHERE ${touched}`, { ...q, days });
      const from = `(SELECT * FROM ${db}.events WHERE project_id = {p:String} AND has({days:Array(Array(String))}, [account_id, toString(toDate(timestamp))]))`;
      await store.exec(`INSERT INTO ${db}.${r.table.name} ${r.select.replaceAll('{from}', from)} SETTINGS insert_deduplicate = 0`, { ...q, days });
    }
  }
  return { events: Number(count?.n ?? 0), anonymous_ids: anon.length, account_days_rebuilt: days.length };
}
