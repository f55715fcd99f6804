// What each alert rule last saw per subject (an account's tier or signals, an event): an alert fires on a
// change of that state only, once per transition, across restarts and collectors.
import { chTime } from '../../ingest/to-row.js';
import type { Store } from '../types.js';

export async function loadAlertState(store: Store, projectId: string, ruleId: string): Promise<Map<string, string>> {
  const rows = await store.query<{ subject: string; state: string }>(
    `SELECT subject, argMax(state, updated_at) AS state FROM ${store.database}.alert_state WHERE project_id = {p:String} AND rule_id = {r:String} GROUP BY subject`,
    { p: projectId, r: ruleId },
  );
  return new Map(rows.map((r) => [r.subject, r.state]));
}

export async function saveAlertState(store: Store, projectId: string, ruleId: string, states: [string, string][]): Promise<void> {
  if (!states.length) return;
  const now = chTime(Date.now());
  const body = states.map(([subject, state]) => JSON.stringify({ project_id: projectId, rule_id: ruleId, subject, state, updated_at: now })).join('\n');
  await store.insertJsonRows('alert_state', Buffer.from(body + '\n'), `alert-${projectId}-${ruleId}-${Date.now()}-${Math.random()}`);
}
