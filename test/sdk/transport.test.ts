// @vitest-environment happy-dom
// Batching, retries with back-off, Retry-After, the 64 KB limit, and the offline queue in localStorage.
import { describe, expect, it, vi } from 'vitest';
import { events, realSleep, until, useSdk } from '../helpers/sdk.js';

const queued = () =>
  Object.keys(localStorage)
    .filter((k) => k.startsWith('hf_q_'))
    .flatMap((k) => JSON.parse(localStorage.getItem(k)!).m as { event?: string }[]);

describe('batching', () => {
  const ctx = useSdk();

  it('sends once flushAt messages wait, in one request', async () => {
    const hf = ctx.make({ flushAt: 3, flushInterval: 60_000 });
    hf.track('A'); // with Session Started: 2 waiting
    await realSleep(30);
    expect(ctx.rec.requests).toHaveLength(0);
    hf.track('B');
    await vi.advanceTimersByTimeAsync(0);
    await until(() => ctx.rec.requests.length === 1);
    expect(ctx.rec.requests[0].body.batch.map((m) => m.event)).toEqual(['Session Started', 'A', 'B']);
  });

  it('sends what waits after flushInterval', async () => {
    const hf = ctx.make({ flushInterval: 2000 });
    hf.track('A');
    await vi.advanceTimersByTimeAsync(1900);
    expect(ctx.rec.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    await until(() => ctx.rec.requests.length === 1);
  });

  it('keeps each request under 64 KB', async () => {
    const hf = ctx.make({ flushAt: 1000 });
    for (let i = 0; i < 30; i++) hf.track('Big', { blob: 'x'.repeat(5000), i });
    await hf.flush();
    expect(ctx.rec.requests.length).toBeGreaterThan(2);
    for (const r of ctx.rec.requests) expect(JSON.stringify(r.body).length).toBeLessThan(64 * 1024);
    expect(ctx.rec.messages().filter((m) => m.event === 'Big').map((m) => m.properties.i)).toEqual([...Array(30).keys()]);
  });
});

describe('retries', () => {
  const ctx = useSdk();

  it('retries 5xx with exponential back-off and jitter, keeping message ids', async () => {
    ctx.rec.respond(503, 502, 500);
    const hf = ctx.make();
    hf.track('A');
    await hf.flush();
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = ctx.rec.requests.length;
      const t = Date.now();
      while (ctx.rec.requests.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        await realSleep(1);
      }
      gaps.push(Date.now() - t);
    }
    // 1 s, 2 s, 4 s bases, each scaled by a factor in [0.5, 1].
    expect(gaps[0]).toBeGreaterThanOrEqual(450);
    expect(gaps[0]).toBeLessThanOrEqual(1100);
    expect(gaps[1]).toBeGreaterThanOrEqual(950);
    expect(gaps[1]).toBeLessThanOrEqual(2100);
    expect(gaps[2]).toBeGreaterThanOrEqual(1950);
    expect(gaps[2]).toBeLessThanOrEqual(4100);
    const ids = ctx.rec.requests.map((r) => r.body.batch.map((m) => m.messageId).join());
    expect(new Set(ids).size).toBe(1);
    await until(() => queued().length === 0);
  });

  it('waits as long as Retry-After says on 429', async () => {
    ctx.rec.respond([429, { 'Retry-After': '20' }]);
    const hf = ctx.make();
    hf.track('A');
    await hf.flush();
    await vi.advanceTimersByTimeAsync(19_000);
    await realSleep(20);
    expect(ctx.rec.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1100);
    await until(() => ctx.rec.requests.length === 2);
  });

  it('does not retry other 4xx replies: the messages are dropped', async () => {
    ctx.rec.respond(400);
    const hf = ctx.make();
    hf.track('Bad');
    await hf.flush();
    await vi.advanceTimersByTimeAsync(120_000);
    await realSleep(20);
    expect(ctx.rec.requests).toHaveLength(1);
    expect(queued()).toHaveLength(0);
  });
});

describe('offline queue', () => {
  const ctx = useSdk();

  it('keeps messages in localStorage while the collector is unreachable and delivers them after a reload', async () => {
    const hf = ctx.make({ host: 'http://127.0.0.1:9' }); // nothing listens there
    hf.track('Offline 1');
    hf.track('Offline 2');
    await hf.flush();
    expect(queued().map((m) => m.event)).toEqual(['Session Started', 'Offline 1', 'Offline 2']);

    const reloaded = ctx.make(); // same tab (sessionStorage), collector back
    await reloaded.flush();
    expect(events(ctx.rec)).toEqual(['Session Started', 'Offline 1', 'Offline 2']);
    expect(queued()).toHaveLength(0);
  });

  it('sends as soon as the browser is back online', async () => {
    ctx.rec.respond(503);
    const hf = ctx.make();
    hf.track('A');
    await hf.flush();
    expect(ctx.rec.requests).toHaveLength(1);
    window.dispatchEvent(new Event('online'));
    await until(() => ctx.rec.requests.length === 2);
  });

  it('is bounded, dropping the oldest first', async () => {
    const hf = ctx.make({ host: 'http://127.0.0.1:9', maxQueue: 5, flushAt: 100 });
    for (let i = 0; i < 10; i++) hf.track(`E${i}`);
    expect(queued().map((m) => m.event)).toEqual(['E5', 'E6', 'E7', 'E8', 'E9']);
  });

  it("adopts the queue of a tab that closed, without sending a message twice", async () => {
    const closed = ctx.make({ host: 'http://127.0.0.1:9' });
    closed.track('From a closed tab');
    await closed.flush();
    closed.shutdown(); // the tab is gone
    sessionStorage.clear();
    vi.setSystemTime(Date.now() + 11_000);
    const other = ctx.make();
    other.track('Mine');
    await other.flush();
    const sent = events(ctx.rec);
    expect(sent).toContain('From a closed tab');
    expect(sent).toContain('Mine');
    const ids = ctx.rec.messages().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hands the queue to sendBeacon on page exit', async () => {
    const beacons: string[] = [];
    const original = navigator.sendBeacon;
    navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
      beacons.push(String(url));
      return original.call(navigator, url, data);
    };
    try {
      const hf = ctx.make({ flushInterval: 60_000 });
      hf.track('Leaving');
      window.dispatchEvent(new Event('pagehide'));
      expect(beacons).toEqual([`${ctx.rec.url}/v1/batch`]);
      expect(queued()).toHaveLength(0);
      await until(() => ctx.rec.messages().some((m) => m.event === 'Leaving'));
    } finally {
      navigator.sendBeacon = original;
    }
  });
});
