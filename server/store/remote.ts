// A ClickHouse server or cluster through the official client; used when CLICKHOUSE_URL is set.
import { Readable } from 'node:stream';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { insertSettings, parseRows, StorageError, toStorageError, type QueryParams, type Store } from './types.js';

/** Lowest server version with every feature the migrations and queries use. */
export const MIN_SERVER_VERSION = '23.8';

export interface RemoteOptions {
  url: string;
  username?: string;
  password?: string;
  database: string;
  cluster?: string;
  requestTimeoutMs?: number;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export class RemoteStore implements Store {
  readonly kind = 'remote' as const;
  readonly database: string;
  private readonly client: ClickHouseClient;
  private readonly cluster?: string;

  constructor(opts: RemoteOptions) {
    this.database = opts.database;
    this.cluster = opts.cluster;
    // No default database on the connection: migrations create it, and every statement names it.
    this.client = createClient({
      url: opts.url,
      username: opts.username,
      password: opts.password,
      request_timeout: opts.requestTimeoutMs ?? 30_000,
    });
  }

  /** Refuses, with a clear message, a server too old for the features used. */
  async checkVersion(): Promise<string> {
    const [row] = await this.query<{ v: string }>('SELECT version() AS v');
    if (!row) throw new StorageError('could not read the ClickHouse server version');
    if (compareVersions(row.v, MIN_SERVER_VERSION) < 0) {
      throw new StorageError(
        `ClickHouse server ${row.v} is too old: Holdfast needs ${MIN_SERVER_VERSION} or newer (CLICKHOUSE_URL)`,
      );
    }
    return row.v;
  }

  async query<T>(sql: string, params: QueryParams = {}): Promise<T[]> {
    try {
      const rs = await this.client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
      return parseRows<T>(await rs.text());
    } catch (e) {
      throw toStorageError('query', e);
    }
  }

  async exec(sql: string, params: QueryParams = {}): Promise<void> {
    try {
      await this.client.command({ query: sql, query_params: params });
    } catch (e) {
      throw toStorageError('statement', e);
    }
  }

  async insertJsonRows(table: string, rows: Buffer, dedupToken: string): Promise<void> {
    try {
      await this.client.insert({
        table: `${this.database}.${table}`,
        values: Readable.from([rows]),
        format: 'JSONEachRow',
        clickhouse_settings: {
          ...insertSettings(dedupToken),
          // A Distributed table must write synchronously, or the acknowledgement (and deduplication) is lost.
          ...(this.cluster ? { distributed_foreground_insert: 1 } : {}),
        },
      });
    } catch (e) {
      throw toStorageError(`insert into ${table}`, e);
    }
  }

  async ping(): Promise<boolean> {
    const r = await this.client.ping();
    return r.success;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
