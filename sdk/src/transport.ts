// Batching, delivery and the offline queue. Each tab keeps its queue under its own key (the tab id lives in
// sessionStorage, so a reload keeps it); a closed tab's queue is adopted by the next tab that starts. The
// collector drops repeats of a message id, so a rare double delivery across tabs is harmless.
import { keys, load, save } from './storage.js';
import type { Outgoing } from './types.js';

const MAX_BYTES = 60_000; // keepalive fetch and sendBeacon both refuse bodies past 64 KB
const STALE_MS = 10_000; // a queue untouched this long belongs to a closed tab
const MAX_BACKOFF = 60_000;

interface Stored {
  t: number;
  m: Outgoing[];
}

export class Transport {
  q: Outgoing[];
  private busy?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  private attempt = 0;
  private retryAt = 0;
  private beat: ReturnType<typeof setInterval>;
  private stopped = false;

  constructor(
    private url: string,
    readonly writeKey: string,
    private key: string,
    private flushAt: number,
    private interval: number,
    private max: number,
  ) {
    this.q = load<Stored>(key)?.m ?? [];
    this.adopt();
    // Keep our queue marked alive while it holds messages, so other tabs do not adopt it.
    this.beat = setInterval(() => this.q.length && this.persist(), STALE_MS / 2);
    if (this.q.length) this.schedule(0);
  }

  push(m: Outgoing): void {
    this.q.push(m);
    if (this.q.length > this.max) this.q.splice(0, this.q.length - this.max);
    this.persist();
    this.q.length >= this.flushAt ? this.schedule(0) : this.schedule(this.interval);
  }

  stop(): void {
    clearInterval(this.beat);
    clearTimeout(this.timer);
    this.stopped = true;
  }

  /** Takes over queues of tabs that are gone. */
  adopt(): void {
    const now = Date.now();
    const have = new Set(this.q.map((m) => m.messageId));
    for (const k of keys('q_')) {
      const other = k !== this.key && load<Stored>(k);
      if (!other || now - other.t < STALE_MS) continue;
      save(k, null);
      for (const m of other.m) if (!have.has(m.messageId)) this.q.push(m);
    }
    this.persist();
  }

  /** Sends everything now (retries keep their back-off). Resolves when the queue is empty or a send failed. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    return (this.busy ||= this.drain().finally(() => (this.busy = undefined)));
  }

  /** Page exit: hand what is queued to the browser with sendBeacon. */
  beacon(): void {
    const nav = navigator;
    while (this.q.length && nav.sendBeacon) {
      const [body, n] = this.body();
      if (!nav.sendBeacon(this.url, new Blob([body], { type: 'text/plain' }))) return;
      this.drop(n);
    }
  }

  private schedule(ms: number): void {
    if (this.busy || this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), Math.max(ms, this.retryAt - Date.now()));
  }

  private body(): [string, number] {
    let n = 0;
    let size = 100;
    while (n < this.q.length && n < 500) {
      size += JSON.stringify(this.q[n]).length + 1;
      if (size > MAX_BYTES && n) break;
      n++;
    }
    return [JSON.stringify({ writeKey: this.writeKey, sentAt: new Date().toISOString(), batch: this.q.slice(0, n) }), n];
  }

  private drop(n: number): void {
    this.q.splice(0, n);
    this.persist();
  }

  private async drain(): Promise<void> {
    while (this.q.length) {
      const [body, n] = this.body();
      let status = 0;
      let retryAfter: string | null = null;
      try {
        const res = await fetch(this.url, { method: 'POST', body, keepalive: body.length < MAX_BYTES, headers: { 'Content-Type': 'text/plain' } });
        status = res.status;
        retryAfter = res.headers.get('Retry-After');
      } catch {
        // network error: retried below
      }
      // Delivered, or refused for good (4xx other than 429): either way these messages are done.
      if (status && status < 500 && status !== 429) {
        this.drop(n);
        this.attempt = this.retryAt = 0;
        continue;
      }
      const backoff = Math.min(MAX_BACKOFF, 1000 * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
      this.retryAt = Date.now() + Math.max(backoff, (Number(retryAfter) || 0) * 1000);
      this.busy = undefined;
      this.schedule(0);
      return;
    }
  }

  private persist(): void {
    save(this.key, this.q.length ? { t: Date.now(), m: this.q } : null);
  }
}
