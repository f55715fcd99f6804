// The storage interface: the rest of the server never sees which ClickHouse back end runs.
export type QueryParams = Record<string, unknown>;

export interface Store {
  readonly kind: 'embedded' | 'remote';
  readonly database: string;
  /** Runs a read query with parameters ({name:Type} placeholders); rows as objects. */
  query<T = Record<string, unknown>>(sql: string, params?: QueryParams): Promise<T[]>;
  /** Runs a statement that returns nothing (DDL, mutations), with parameters. */
  exec(sql: string, params?: QueryParams): Promise<void>;
  /**
   * Inserts newline-delimited JSON rows. The token makes a retried insert of the same
   * block a no-op (ClickHouse insert deduplication), which is how the spool replays safely.
   */
  insertJsonRows(table: string, rows: Buffer, dedupToken: string): Promise<void>;
  /** Cheap reachability check. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** A storage failure, translated at the boundary: its message is for logs, never for clients. */
export class StorageError extends Error {
  readonly clickhouseCode?: number;
  constructor(message: string, options: { cause?: unknown; clickhouseCode?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StorageError';
    this.clickhouseCode = options.clickhouseCode;
  }
}

export function toStorageError(op: string, e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const err = e as { message?: string; clickhouseCode?: number; code?: string | number };
  const code = typeof err?.clickhouseCode === 'number' ? err.clickhouseCode : Number(err?.code) || undefined;
  return new StorageError(`${op} failed: ${err?.message ?? String(e)}`, { cause: e, clickhouseCode: code });
}

/** Parses JSONEachRow output. */
export function parseRows<T>(text: string): T[] {
  const out: T[] = [];
  for (const line of text.split('\n')) if (line) out.push(JSON.parse(line) as T);
  return out;
}

/** Settings of every row insert, whichever back end runs it. */
export function insertSettings(dedupToken: string) {
  return {
    insert_deduplication_token: dedupToken,
    deduplicate_blocks_in_dependent_materialized_views: 1,
    // Rows carry properties, traits and context as JSON objects; String columns keep their JSON text.
    input_format_json_read_objects_as_strings: 1,
  } as const;
}
