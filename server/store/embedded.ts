// Embedded ClickHouse (chDB): the default back end. One session writes, another reads, on one data directory.
import { mkdirSync } from 'node:fs';
import { Session } from 'chdb';
import { SerialQueue } from './serial.js';
import { insertSettings, parseRows, toStorageError, type QueryParams, type Store } from './types.js';

// chDB binds one data directory per process; sessions on the same path are shared through this registry.
const openPaths = new Map<string, number>();

export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  private readonly writer: Session;
  private readonly reader: Session;
  private readonly writes = new SerialQueue();
  private readonly reads = new SerialQueue();
  private closed = false;

  // Several reader sessions let queries overlap; on two cores that measured no faster (bench:queries).
  constructor(readonly path: string, readonly database = 'holdfast') {
    const other = [...openPaths.keys()].find((p) => p !== path);
    if (other) throw new Error(`chDB is already bound to ${other} in this process; one data directory per process`);
    mkdirSync(path, { recursive: true });
    this.writer = new Session(path);
    this.reader = new Session(path);
    openPaths.set(path, (openPaths.get(path) ?? 0) + 1);
  }

  async query<T>(sql: string, params: QueryParams = {}): Promise<T[]> {
    return this.reads.run(async () => {
      try {
        const res = await this.reader.queryBindAsync(sql, params, { format: 'JSONEachRow' });
        return parseRows<T>(res.text());
      } catch (e) {
        throw toStorageError('query', e);
      }
    });
  }

  async exec(sql: string, params: QueryParams = {}): Promise<void> {
    await this.writes.run(async () => {
      try {
        await this.writer.queryBindAsync(sql, params, { format: 'Null' });
      } catch (e) {
        throw toStorageError('statement', e);
      }
    });
  }

  async insertJsonRows(table: string, rows: Buffer, dedupToken: string): Promise<void> {
    await this.writes.run(async () => {
      try {
        await this.writer.insert({
          table: `${this.database}.${table}`,
          values: rows,
          format: 'JSONEachRow',
          settings: insertSettings(dedupToken),
        });
      } catch (e) {
        throw toStorageError(`insert into ${table}`, e);
      }
    });
  }

  async ping(): Promise<boolean> {
    try {
      await this.query('SELECT 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.writes.idle(), this.reads.idle()]);
    this.writer.close();
    this.reader.close();
    const n = (openPaths.get(this.path) ?? 1) - 1;
    if (n <= 0) openPaths.delete(this.path);
    else openPaths.set(this.path, n);
  }
}
