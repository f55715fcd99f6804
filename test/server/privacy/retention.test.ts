// Data retention: a TTL removes person-level rows older than HOLDFAST_RETENTION_DAYS; 0 removes the TTL.
import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../../server/store/retention.js';
import { buildTestApp, countOf, daysAgo, ingest } from '../../helpers/server.js';

describe('retention', () => {
  it('drops events older than the retention period and keeps the rest', async () => {
    const t = await buildTestApp();
    await ingest(t, [
      { userId: 'old', event: 'Signed In', timestamp: daysAgo(45) },
      { userId: 'new', event: 'Signed In', timestamp: daysAgo(5) },
    ]);
    const db = t.store.database;
    await applyRetention(t.store, { database: db }, 30);
    await t.store.exec(`OPTIMIZE TABLE ${db}.events FINAL`);
    const users = await t.store.query<{ user_id: string }>(`SELECT user_id FROM ${db}.events WHERE project_id = {p:String}`, { p: t.project.id });
    expect(users.map((u) => u.user_id)).toEqual(['new']);
    expect((await countOf(t.store, t.project.id)).rows).toBe(1);
    const [ddl] = await t.store.query<{ q: string }>(`SELECT create_table_query AS q FROM system.tables WHERE database = '${db}' AND name = 'events'`);
    expect(ddl.q).toMatch(/TTL toDateTime\(timestamp\) \+ toIntervalDay\(30\)/);
    await applyRetention(t.store, { database: db }, 0);
    const [after] = await t.store.query<{ q: string }>(`SELECT create_table_query AS q FROM system.tables WHERE database = '${db}' AND name = 'events'`);
    expect(after.q).not.toMatch(/ TTL /);
  });
});
