// Data retention (HOLDFAST_RETENTION_DAYS): a ClickHouse TTL on the tables that hold person-level rows.
// Aggregates of accounts and features are kept.
import { onCluster, storageTable, type DdlContext } from './ddl.js';
import type { Store } from './types.js';

const TABLES: [string, string][] = [
  ['events', 'timestamp'],
  ['user_daily', 'day'],
  ['survey_responses', 'timestamp'],
];

export async function applyRetention(store: Store, ctx: DdlContext, days: number): Promise<void> {
  for (const [name, column] of TABLES) {
    const table = `\`${ctx.database}\`.\`${storageTable(ctx, name)}\``;
    const [row] = await store.query<{ q: string }>('SELECT create_table_query AS q FROM system.tables WHERE database = {d:String} AND name = {t:String}', {
      d: ctx.database,
      t: storageTable(ctx, name),
    });
    const hasTtl = / TTL /.test(row?.q ?? '');
    if (days > 0) await store.exec(`ALTER TABLE ${table}${onCluster(ctx)} MODIFY TTL toDateTime(${column}) + toIntervalDay(${Math.floor(days)})`);
    else if (hasTtl) await store.exec(`ALTER TABLE ${table}${onCluster(ctx)} REMOVE TTL`);
  }
}
