// Builds the DDL of one logical table for a single server or a cluster (replicated local table + Distributed).
export interface DdlContext {
  database: string;
  /** With a cluster name, tables are replicated and distributed ON CLUSTER. */
  cluster?: string;
}

export interface TableSpec {
  name: string;
  columns: string[];
  engine: 'MergeTree' | 'ReplacingMergeTree' | 'AggregatingMergeTree';
  /** Version column of a ReplacingMergeTree. */
  version?: string;
  partitionBy?: string;
  orderBy: string;
  /** Sharding expression of the Distributed table in cluster mode. */
  shardBy: string;
  ttl?: string;
}

const q = (id: string) => `\`${id}\``;
export const onCluster = (ctx: DdlContext) => (ctx.cluster ? ` ON CLUSTER ${q(ctx.cluster)}` : '');
/** The table that physically stores rows: the local replicated table in cluster mode. */
export const storageTable = (ctx: DdlContext, name: string) => (ctx.cluster ? `${name}_local` : name);

export function createDatabase(ctx: DdlContext): string {
  return `CREATE DATABASE IF NOT EXISTS ${q(ctx.database)}${onCluster(ctx)}`;
}

function engine(ctx: DdlContext, spec: TableSpec): string {
  const args: string[] = [];
  if (ctx.cluster) args.push(`'/clickhouse/tables/{shard}/${ctx.database}/${spec.name}_local'`, `'{replica}'`);
  if (spec.version) args.push(spec.version);
  const name = ctx.cluster ? `Replicated${spec.engine}` : spec.engine;
  return `${name}(${args.join(', ')})`;
}

export function createTable(ctx: DdlContext, spec: TableSpec): string[] {
  const local = storageTable(ctx, spec.name);
  const settings = ctx.cluster
    ? ''
    : // Single-server inserts deduplicate by token only when this window is set.
      '\nSETTINGS non_replicated_deduplication_window = 10000';
  const body = [
    `CREATE TABLE IF NOT EXISTS ${q(ctx.database)}.${q(local)}${onCluster(ctx)} (`,
    spec.columns.map((c) => `  ${c}`).join(',\n'),
    `) ENGINE = ${engine(ctx, spec)}`,
    spec.partitionBy ? `PARTITION BY ${spec.partitionBy}` : '',
    `ORDER BY ${spec.orderBy}`,
    spec.ttl ? `TTL ${spec.ttl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const out = [body + settings];
  if (ctx.cluster) {
    out.push(
      `CREATE TABLE IF NOT EXISTS ${q(ctx.database)}.${q(spec.name)}${onCluster(ctx)} AS ${q(ctx.database)}.${q(local)}\n` +
        `ENGINE = Distributed(${q(ctx.cluster)}, ${q(ctx.database)}, ${q(local)}, ${spec.shardBy})`,
    );
  }
  return out;
}

/** A materialized view from one stored table into another; in cluster mode it runs on each shard's local tables. */
export function createMaterializedView(ctx: DdlContext, name: string, from: string, to: string, select: string): string {
  const db = q(ctx.database);
  return (
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.${q(name)}${onCluster(ctx)} TO ${db}.${q(storageTable(ctx, to))}\n` +
    `AS ${select.replaceAll('{from}', `${db}.${q(storageTable(ctx, from))}`)}`
  );
}
