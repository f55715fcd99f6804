// Rollups: aggregating tables fed by materialized views from the raw events, so that dashboard queries read
// small tables. The same SELECTs rebuild them from the raw events (npm run rebuild-rollups): the events stay
// the source of truth.
import { createMaterializedView, createTable, storageTable, type DdlContext, type TableSpec } from './ddl.js';

/** A person: the user id once identified, the anonymous id before. */
export const USER_KEY = "if(user_id != '', user_id, anonymous_id)";

interface Rollup {
  table: TableSpec;
  /** SELECT over {from} (the events table), in the table's column order. */
  select: string;
}

const day = "toDate(timestamp) AS day";
/** Server-side events that record customer-success contact with an account. */
export const CSM_EVENT_NAMES = ['CSM Contacted', 'QBR Held', 'Meeting Held'];
const CSM_EVENTS = `(${CSM_EVENT_NAMES.map((e) => `'${e}'`).join(', ')})`;

export const ROLLUPS: Rollup[] = [
  {
    table: {
      name: 'account_daily',
      columns: [
        'project_id LowCardinality(String)',
        'account_id String',
        'day Date',
        'events SimpleAggregateFunction(sum, UInt64)',
        'users AggregateFunction(uniqExact, String)',
        'sessions AggregateFunction(uniqExact, String)',
        'session_ms SimpleAggregateFunction(sum, UInt64)',
        'logins SimpleAggregateFunction(sum, UInt64)',
        'tickets SimpleAggregateFunction(sum, UInt64)',
        'csm_touches SimpleAggregateFunction(sum, UInt64)',
      ],
      engine: 'AggregatingMergeTree',
      partitionBy: 'toYYYYMM(day)',
      orderBy: '(project_id, account_id, day)',
      shardBy: 'cityHash64(project_id, account_id)',
    },
    select: `SELECT project_id, account_id, ${day},
      count() AS events,
      uniqExactState(${USER_KEY}) AS users,
      uniqExactStateIf(session_id, session_id != '') AS sessions,
      -- if() short-circuits: only Session Ended rows have their properties parsed.
      sum(if(event = 'Session Ended', toUInt64(greatest(JSONExtractInt(properties, 'duration_ms'), 0)), 0)) AS session_ms,
      countIf(event = 'Signed In') AS logins,
      countIf(event = 'Support Ticket Opened') AS tickets,
      countIf(event IN ${CSM_EVENTS}) AS csm_touches
    FROM {from} WHERE account_id != '' GROUP BY project_id, account_id, day`,
  },
  {
    table: {
      name: 'user_daily',
      columns: ['project_id LowCardinality(String)', 'day Date', 'account_id String', 'user_key String', 'events SimpleAggregateFunction(sum, UInt64)'],
      engine: 'AggregatingMergeTree',
      partitionBy: 'toYYYYMM(day)',
      orderBy: '(project_id, day, account_id, user_key)',
      shardBy: 'cityHash64(project_id, account_id)',
    },
    select: `SELECT project_id, ${day}, account_id, ${USER_KEY} AS user_key, count() AS events
    FROM {from} GROUP BY project_id, day, account_id, user_key`,
  },
  {
    table: {
      name: 'feature_daily',
      columns: [
        'project_id LowCardinality(String)',
        'feature String',
        'day Date',
        'account_id String',
        'uses SimpleAggregateFunction(sum, UInt64)',
        'users AggregateFunction(uniqExact, String)',
        "first_used SimpleAggregateFunction(min, DateTime64(3, 'UTC'))",
        "last_used SimpleAggregateFunction(max, DateTime64(3, 'UTC'))",
      ],
      engine: 'AggregatingMergeTree',
      partitionBy: 'toYYYYMM(day)',
      orderBy: '(project_id, feature, day, account_id)',
      shardBy: 'cityHash64(project_id, account_id)',
    },
    select: `SELECT project_id, JSONExtractString(properties, 'feature') AS feature, ${day}, account_id,
      count() AS uses, uniqExactState(${USER_KEY}) AS users, min(timestamp) AS first_used, max(timestamp) AS last_used
    FROM {from} WHERE type = 'track' AND event = 'Feature Used' AND feature != ''
    GROUP BY project_id, feature, day, account_id`,
  },
  {
    table: {
      name: 'survey_responses',
      columns: [
        'project_id LowCardinality(String)',
        "survey_type LowCardinality(String)",
        'survey_id String',
        'message_id String',
        "timestamp DateTime64(3, 'UTC')",
        'account_id String',
        'user_key String',
        'score Float64',
        'comment String',
      ],
      // Replacing by message id: a response delivered twice counts once (queries use FINAL).
      engine: 'ReplacingMergeTree',
      orderBy: '(project_id, survey_type, message_id)',
      shardBy: 'cityHash64(project_id, account_id)',
    },
    select: `SELECT project_id, JSONExtractString(properties, 'survey_type') AS survey_type, JSONExtractString(properties, 'survey_id') AS survey_id,
      message_id, timestamp, account_id, ${USER_KEY} AS user_key, JSONExtractFloat(properties, 'score') AS score, JSONExtractString(properties, 'comment') AS comment
    FROM {from} WHERE type = 'track' AND event = 'Survey Responded' AND survey_type IN ('nps', 'csat')`,
  },
];

export function rollupStatements(ctx: DdlContext): string[] {
  return ROLLUPS.flatMap((r) => [...createTable(ctx, r.table), createMaterializedView(ctx, `${r.table.name}_mv`, 'events', r.table.name, r.select)]);
}

/** Empties each rollup and refills it from the raw events. */
export function rebuildStatements(ctx: DdlContext): string[] {
  const db = `\`${ctx.database}\``;
  const on = ctx.cluster ? ` ON CLUSTER \`${ctx.cluster}\`` : '';
  return ROLLUPS.flatMap((r) => [
    `TRUNCATE TABLE IF EXISTS ${db}.\`${storageTable(ctx, r.table.name)}\`${on}`,
    // No insert deduplication: blocks equal to ones inserted before the TRUNCATE would be dropped silently.
    `INSERT INTO ${db}.\`${r.table.name}\` ${r.select.replaceAll('{from}', `${db}.\`events\``)} SETTINGS insert_deduplicate = 0`,
  ]);
}

/** Rebuilds every rollup from the raw events (npm run rebuild-rollups). */
export async function rebuildRollups(store: { exec(sql: string): Promise<void> }, ctx: DdlContext): Promise<void> {
  for (const s of rebuildStatements(ctx)) await store.exec(s);
}
