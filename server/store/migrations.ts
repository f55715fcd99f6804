// Versioned migrations. Each is a list of idempotent statements; applied versions are recorded in schema_migrations.
import { createDatabase, createMaterializedView, createTable, type DdlContext } from './ddl.js';
import { rebuildStatements, rollupStatements } from './rollups.js';
import type { Store } from './types.js';

export interface Migration {
  version: number;
  name: string;
  statements(ctx: DdlContext): string[];
  /** Run once after the statements, e.g. to backfill new rollups from existing events. */
  backfill?(ctx: DdlContext): string[];
}

export const EVENT_COLUMNS = [
  "project_id LowCardinality(String)",
  'message_id String',
  "type LowCardinality(String)",
  "event LowCardinality(String)",
  'name String',
  'user_id String',
  'anonymous_id String',
  'account_id String',
  "timestamp DateTime64(3, 'UTC')",
  "original_timestamp DateTime64(3, 'UTC')",
  "sent_at Nullable(DateTime64(3, 'UTC'))",
  "received_at DateTime64(3, 'UTC')",
  'properties String',
  'traits String',
  'context String',
  'page_url String',
  'page_path String',
  'referrer String',
  "browser LowCardinality(String)",
  'browser_version String',
  "os LowCardinality(String)",
  'os_version String',
  "device_type LowCardinality(String)",
  "locale LowCardinality(String)",
  "library_name LowCardinality(String)",
  'library_version String',
  'ip String',
  // The SDK's session (context.sessionId), as a column: rollups count sessions without parsing context.
  'session_id String',
];

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'events and traits',
    statements: (ctx) => [
      ...createTable(ctx, {
        name: 'events',
        columns: EVENT_COLUMNS,
        // Replacing by message id: a message delivered twice (client retries) collapses on merge.
        engine: 'ReplacingMergeTree',
        version: 'received_at',
        partitionBy: 'toYYYYMM(timestamp)',
        // Ordered for per-account time ranges within a project.
        orderBy: '(project_id, account_id, toDate(timestamp), message_id)',
        shardBy: 'cityHash64(project_id, account_id)',
      }),
      ...createTable(ctx, {
        name: 'persons',
        columns: ['project_id LowCardinality(String)', 'user_id String', 'traits String', "updated_at DateTime64(3, 'UTC')"],
        engine: 'ReplacingMergeTree',
        version: 'updated_at',
        orderBy: '(project_id, user_id)',
        shardBy: 'cityHash64(project_id, user_id)',
      }),
      ...createTable(ctx, {
        name: 'accounts',
        columns: ['project_id LowCardinality(String)', 'account_id String', 'traits String', "updated_at DateTime64(3, 'UTC')"],
        engine: 'ReplacingMergeTree',
        version: 'updated_at',
        orderBy: '(project_id, account_id)',
        shardBy: 'cityHash64(project_id, account_id)',
      }),
      createMaterializedView(
        ctx,
        'persons_mv',
        'events',
        'persons',
        "SELECT project_id, user_id, traits, timestamp AS updated_at FROM {from} WHERE type = 'identify' AND user_id != ''",
      ),
      createMaterializedView(
        ctx,
        'accounts_mv',
        'events',
        'accounts',
        "SELECT project_id, account_id, traits, timestamp AS updated_at FROM {from} WHERE type = 'group' AND account_id != ''",
      ),
    ],
  },
  {
    version: 2,
    name: 'rollups, subscriptions, health snapshots',
    statements: (ctx) => [
      ...rollupStatements(ctx),
      ...createTable(ctx, {
        name: 'subscriptions',
        columns: [
          'project_id LowCardinality(String)',
          'account_id String',
          "effective_at DateTime64(3, 'UTC')",
          'change_id String',
          'mrr Decimal(18, 2)',
          'currency LowCardinality(String)',
          'status LowCardinality(String)',
          'source LowCardinality(String)',
          "received_at DateTime64(3, 'UTC')",
        ],
        // A change sent twice (same change_id) is kept once.
        engine: 'ReplacingMergeTree',
        version: 'received_at',
        orderBy: '(project_id, account_id, effective_at, change_id)',
        shardBy: 'cityHash64(project_id, account_id)',
      }),
      ...createTable(ctx, {
        name: 'health_snapshots',
        // view: the whole account view as computed, so that the account list can be served from the latest snapshot.
        columns: ['project_id LowCardinality(String)', 'account_id String', 'day Date', 'score Float64', 'tier LowCardinality(String)', 'components String', 'view String', "taken_at DateTime64(3, 'UTC')"],
        engine: 'ReplacingMergeTree',
        version: 'taken_at',
        orderBy: '(project_id, account_id, day)',
        shardBy: 'cityHash64(project_id, account_id)',
      }),
    ],
    backfill: (ctx) => rebuildStatements(ctx),
  },
  {
    version: 3,
    name: 'alert state',
    statements: (ctx) =>
      createTable(ctx, {
        name: 'alert_state',
        columns: ['project_id LowCardinality(String)', 'rule_id String', 'subject String', 'state String', "updated_at DateTime64(3, 'UTC')"],
        engine: 'ReplacingMergeTree',
        version: 'updated_at',
        orderBy: '(project_id, rule_id, subject)',
        shardBy: 'cityHash64(project_id, subject)',
      }),
  },
];

function migrationsTable(ctx: DdlContext): string[] {
  return createTable(ctx, {
    name: 'schema_migrations',
    columns: ['version UInt32', 'name String', "applied_at DateTime64(3, 'UTC') DEFAULT now64(3)"],
    engine: 'ReplacingMergeTree',
    orderBy: 'version',
    shardBy: 'version',
  });
}

/** Every statement the migrations would run, in order: what the DDL tests read. */
export function allStatements(ctx: DdlContext): string[] {
  return [createDatabase(ctx), ...migrationsTable(ctx), ...migrations.flatMap((m) => m.statements(ctx))];
}

/** Applies pending migrations; safe to run from several collectors at once (every statement is idempotent). */
export async function migrate(store: Store, ctx: DdlContext): Promise<number[]> {
  await store.exec(createDatabase(ctx));
  for (const s of migrationsTable(ctx)) await store.exec(s);
  const rows = await store.query<{ version: number }>(`SELECT version FROM \`${ctx.database}\`.schema_migrations`);
  const done = new Set(rows.map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    for (const s of m.statements(ctx)) await store.exec(s);
    for (const s of m.backfill?.(ctx) ?? []) await store.exec(s);
    await store.exec(`INSERT INTO \`${ctx.database}\`.schema_migrations (version, name) VALUES ({v:UInt32}, {n:String})`, {
      v: m.version,
      n: m.name,
    });
    applied.push(m.version);
  }
  return applied;
}
