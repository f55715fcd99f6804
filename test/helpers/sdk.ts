// Runs the SDK source in happy-dom against a real local HTTP endpoint. Timers and Date are faked so that
// time windows (sessions, flush intervals, back-off) are driven by the test; network I/O stays real.
import { afterEach, beforeEach, vi } from 'vitest';
import { Holdfast } from '../../sdk/src/holdfast.js';
import type { Options } from '../../sdk/src/types.js';
import { startRecorder, type Recorder } from './recorder.js';

const realSetTimeout = globalThis.setTimeout;
export const realSleep = (ms: number) => new Promise((r) => realSetTimeout(r, ms));

/** Waits (in real time) for a condition that depends on network I/O. */
export async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await realSleep(5);
  }
}

export interface SdkContext {
  rec: Recorder;
  make(options?: Options): Holdfast;
}

/** Installs per-test set-up: a recorder, clean storage, fake timers. */
export function useSdk(): SdkContext {
  const ctx = {} as SdkContext;
  const made: Holdfast[] = [];
  beforeEach(async () => {
    ctx.rec = await startRecorder();
    localStorage.clear();
    sessionStorage.clear();
    (window as any).happyDOM.setURL(`${ctx.rec.url}/app/home`);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: new Date('2026-11-02T09:00:00Z') });
    made.length = 0;
    ctx.make = (options = {}) => {
      const hf = new Holdfast();
      made.push(hf);
      hf.init('wk_test_0123456789', { host: ctx.rec.url, autoPage: false, surveys: false, ...options });
      return hf;
    };
  });
  afterEach(async () => {
    for (const hf of made) hf.shutdown();
    vi.clearAllTimers();
    vi.useRealTimers();
    await ctx.rec.close();
  });
  return ctx;
}

export const events = (rec: Recorder) => rec.messages().map((m) => (m.type === 'track' ? m.event : m.type));
