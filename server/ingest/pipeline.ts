// Accepted rows go to the spool (durable), then to storage in large batches: at least every flush interval, or
// sooner once a batch is full. When storage fails, rows keep accumulating on disk and drain when it returns.
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/types.js';
import { Spool, type Segment } from './spool.js';

export interface PipelineOptions {
  spool: Spool;
  store: Store;
  log: FastifyBaseLogger;
  flushIntervalMs: number;
  batchRows: number;
  table?: string;
  observer?: PipelineObserver;
}

/** What the metrics plugin listens to. */
export interface PipelineObserver {
  inserted(rows: number, seconds: number): void;
  insertFailed(): void;
  spoolChanged(bytes: number, segments: number): void;
}

const MAX_BACKOFF_MS = 30_000;

export class IngestPipeline {
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;
  private retryAt = 0;
  private closed = false;
  /** Last storage error, for /readyz. */
  lastError: string | null = null;

  constructor(private readonly o: PipelineOptions) {}

  get spool(): Spool {
    return this.o.spool;
  }

  get storageHealthy(): boolean {
    return this.failures === 0;
  }

  /** Replays what an earlier process left in the spool, then flushes on a timer. */
  async start(): Promise<void> {
    await this.flush();
    this.timer = setInterval(() => void this.flush(), this.o.flushIntervalMs);
    this.timer.unref();
  }

  /** Durable on return: the rows are on disk. */
  async accept(ndjson: Buffer, rows: number): Promise<void> {
    await this.o.spool.append(ndjson, rows);
    this.report();
    if (this.o.spool.openRows >= this.o.batchRows) void this.flush();
  }

  /** Seals the open segment and inserts every sealed one, unless storage is in back-off. */
  flush(): Promise<void> {
    if (!this.flushing) this.flushing = this.doFlush().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** Flushes until nothing waits in the spool: every row accepted so far is inserted (views included). */
  async drain(): Promise<void> {
    do await this.flush();
    while (this.o.spool.openRows || (this.o.spool.sealed().length && Date.now() >= this.retryAt));
  }

  private async doFlush(): Promise<void> {
    await this.o.spool.seal();
    if (Date.now() < this.retryAt) return;
    for (const segment of [...this.o.spool.sealed()]) {
      if (!(await this.insert(segment))) break;
    }
    this.report();
  }

  private async insert(segment: Segment): Promise<boolean> {
    const started = performance.now();
    try {
      const data = await this.o.spool.read(segment);
      await this.o.store.insertJsonRows(this.o.table ?? 'events', data, segment.name);
      await this.o.spool.remove(segment);
      this.o.observer?.inserted(countLines(data), (performance.now() - started) / 1000);
      if (this.failures) this.o.log.info({ segment: segment.name }, 'storage is back; draining the spool');
      this.failures = 0;
      this.retryAt = 0;
      this.lastError = null;
      return true;
    } catch (e) {
      this.failures++;
      const backoff = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 10));
      this.retryAt = Date.now() + backoff * (0.5 + Math.random() / 2);
      this.lastError = (e as Error).message;
      this.o.observer?.insertFailed();
      this.o.log.warn({ err: e, segment: segment.name, retryInMs: backoff }, 'insert failed; rows stay in the spool');
      return false;
    }
  }

  private report(): void {
    this.o.observer?.spoolChanged(this.o.spool.bytes, this.o.spool.sealed().length);
  }

  /** Graceful stop: writes what is pending, and tries once more to insert everything. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.flushing;
    this.retryAt = 0;
    await this.flush();
    await this.o.spool.close();
  }
}

function countLines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}
