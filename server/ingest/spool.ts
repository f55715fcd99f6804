// The durable write-ahead spool: newline-delimited rows in segment files, fsynced before a request is acknowledged.
// Concurrent appends share one write and one fsync (group commit). A sealed segment is immutable until it is
// inserted and removed; its file name is the insert's deduplication token, so replaying it is idempotent.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, stat, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export interface Segment {
  name: string;
  path: string;
  bytes: number;
}

export interface SpoolOptions {
  dir: string;
  maxBytes: number;
  /** fdatasync before acknowledging; off only for throwaway data. */
  fsync: boolean;
}

export class SpoolFullError extends Error {
  constructor() {
    super('spool full');
  }
}

interface Pending {
  chunks: Buffer[];
  bytes: number;
  rows: number;
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

const SUFFIX = '.ndjson';
let sequence = 0;
// Time first so that names sort in creation order; the random part keeps tokens unique across restarts and hosts.
const segmentName = () =>
  `${Date.now().toString().padStart(15, '0')}-${(sequence++).toString().padStart(6, '0')}-${randomUUID()}`;

const emptyPending = (): Pending => ({ chunks: [], bytes: 0, rows: 0, waiters: [] });

export class Spool {
  private sealedSegments: Segment[] = [];
  private current: { segment: Segment; fh: FileHandle; rows: number } | null = null;
  private pending = emptyPending();
  private sealWaiters: ((s: Segment | null) => void)[] = [];
  private loop: Promise<void> | null = null;
  private reserved = 0;
  /** Set when an append was refused for lack of room; cleared when a segment leaves. */
  private overflowing = false;

  private constructor(private readonly opts: SpoolOptions) {}

  /** Opens the spool; segments left by an earlier process are kept as sealed, ready to replay. */
  static async open(opts: SpoolOptions): Promise<Spool> {
    const spool = new Spool(opts);
    await mkdir(opts.dir, { recursive: true });
    const names = (await readdir(opts.dir)).filter((n) => n.endsWith(SUFFIX)).sort();
    for (const file of names) {
      const segment = await repair(join(opts.dir, file), file.slice(0, -SUFFIX.length));
      if (segment) {
        spool.sealedSegments.push(segment);
        spool.reserved += segment.bytes;
      }
    }
    return spool;
  }

  /** Bytes on disk or about to be: what the limit applies to. */
  get bytes(): number {
    return this.reserved;
  }

  get maxBytes(): number {
    return this.opts.maxBytes;
  }

  get full(): boolean {
    return this.overflowing || this.reserved >= this.opts.maxBytes;
  }

  /** Rows in the open segment, written or waiting to be. */
  get openRows(): number {
    return (this.current?.rows ?? 0) + this.pending.rows;
  }

  sealed(): readonly Segment[] {
    return this.sealedSegments;
  }

  /** Resolves once the rows are on disk (and fsynced). Throws SpoolFullError past the byte limit. */
  append(data: Buffer, rows: number): Promise<void> {
    if (this.reserved + data.length > this.opts.maxBytes) {
      this.overflowing = true;
      return Promise.reject(new SpoolFullError());
    }
    this.reserved += data.length;
    return new Promise<void>((resolve, reject) => {
      this.pending.chunks.push(data);
      this.pending.bytes += data.length;
      this.pending.rows += rows;
      this.pending.waiters.push({ resolve, reject });
      this.kick();
    });
  }

  /** Closes the open segment after everything appended so far; returns it, or null if it was empty. */
  seal(): Promise<Segment | null> {
    return new Promise((resolve) => {
      this.sealWaiters.push(resolve);
      this.kick();
    });
  }

  read(segment: Segment): Promise<Buffer> {
    return readFile(segment.path);
  }

  async remove(segment: Segment): Promise<void> {
    await unlink(segment.path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    const i = this.sealedSegments.indexOf(segment);
    if (i >= 0) this.sealedSegments.splice(i, 1);
    this.reserved -= segment.bytes;
    this.overflowing = false;
  }

  /** Waits for outstanding writes and closes the open segment (it stays on disk as sealed). */
  async close(): Promise<void> {
    await this.seal();
  }

  private kick(): void {
    if (this.loop) return;
    this.loop = this.run().finally(() => {
      this.loop = null;
      // Work that arrived between the loop's last check and here would otherwise wait forever.
      if (this.pending.waiters.length || this.sealWaiters.length) this.kick();
    });
  }

  private async run(): Promise<void> {
    while (this.pending.waiters.length || this.sealWaiters.length) {
      if (this.pending.waiters.length) await this.writePending();
      if (this.sealWaiters.length) {
        const waiters = this.sealWaiters;
        this.sealWaiters = [];
        const segment = await this.sealCurrent();
        for (const w of waiters) w(segment);
      }
    }
  }

  private async writePending(): Promise<void> {
    const batch = this.pending;
    this.pending = emptyPending();
    try {
      const cur = this.current ?? (await this.openSegment());
      await cur.fh.write(batch.chunks.length === 1 ? batch.chunks[0] : Buffer.concat(batch.chunks, batch.bytes));
      if (this.opts.fsync) await cur.fh.datasync();
      cur.segment.bytes += batch.bytes;
      cur.rows += batch.rows;
      for (const w of batch.waiters) w.resolve();
    } catch (e) {
      this.reserved -= batch.bytes;
      for (const w of batch.waiters) w.reject(e);
    }
  }

  private async openSegment() {
    const name = segmentName();
    const path = join(this.opts.dir, name + SUFFIX);
    const fh = await open(path, 'a');
    this.current = { segment: { name, path, bytes: 0 }, fh, rows: 0 };
    return this.current;
  }

  private async sealCurrent(): Promise<Segment | null> {
    const cur = this.current;
    if (!cur) return null;
    this.current = null;
    await cur.fh.close();
    if (cur.rows === 0) {
      await unlink(cur.segment.path).catch(() => undefined);
      return null;
    }
    this.sealedSegments.push(cur.segment);
    return cur.segment;
  }
}

/** A crash can leave a partly written last line: that line was never acknowledged, so it is cut off. */
async function repair(path: string, name: string): Promise<Segment | null> {
  const { size } = await stat(path);
  if (size === 0) {
    await unlink(path);
    return null;
  }
  const data = await readFile(path);
  const end = data.lastIndexOf(0x0a) + 1;
  if (end === 0) {
    await unlink(path);
    return null;
  }
  if (end < size) await truncate(path, end);
  return { name, path, bytes: end };
}
