// @vitest-environment happy-dom
// Sessions: started by activity, ended by 30 minutes of inactivity (configurable), shared across tabs.
import { describe, expect, it, vi } from 'vitest';
import { events, useSdk } from '../helpers/sdk.js';

const MIN = 60_000;

describe('sessions', () => {
  const ctx = useSdk();

  it('end after the inactivity timeout with the duration up to the last activity, and restart on activity', async () => {
    const hf = ctx.make();
    const t0 = Date.now();
    hf.track('First');
    vi.setSystemTime(t0 + 10 * MIN);
    hf.track('Ten minutes later');
    vi.setSystemTime(t0 + 35 * MIN); // 25 minutes idle: still the same session
    hf.track('Still here');
    vi.setSystemTime(t0 + 70 * MIN); // 35 minutes idle: a new session
    hf.track('Back');
    await hf.flush();
    expect(events(ctx.rec)).toEqual(['Session Started', 'First', 'Ten minutes later', 'Still here', 'Session Ended', 'Session Started', 'Back']);
    const [started, , , , ended, restarted] = ctx.rec.messages();
    expect(ended.properties).toEqual({ session_id: started.properties.session_id, duration_ms: 35 * MIN });
    expect(ended.timestamp).toBe(new Date(t0 + 35 * MIN).toISOString());
    expect(restarted.properties.session_id).not.toBe(started.properties.session_id);
  });

  it('ends an idle session on a timer while the tab stays open', async () => {
    const hf = ctx.make({ sessionTimeout: 5 * MIN });
    hf.track('Only');
    await vi.advanceTimersByTimeAsync(6 * MIN + 1000);
    await hf.flush();
    expect(events(ctx.rec)).toEqual(['Session Started', 'Only', 'Session Ended']);
    expect(ctx.rec.messages()[2].properties.duration_ms).toBe(0);
  });

  it('counts clicks and keys as activity that keeps the session open', async () => {
    const hf = ctx.make({ sessionTimeout: 5 * MIN });
    hf.track('Start');
    for (let i = 1; i <= 4; i++) {
      vi.setSystemTime(Date.now() + 4 * MIN);
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    hf.track('Sixteen minutes in');
    await hf.flush();
    expect(events(ctx.rec)).toEqual(['Session Started', 'Start', 'Sixteen minutes in']);
  });

  it('sends Signed In once per new session for an identified user', async () => {
    const hf = ctx.make();
    hf.identify('u1');
    hf.track('A');
    vi.setSystemTime(Date.now() + 31 * MIN);
    hf.track('B');
    await hf.flush();
    expect(events(ctx.rec).filter((e) => e === 'Signed In')).toHaveLength(2);
    const off = ctx.make({ trackLogins: false });
    vi.setSystemTime(Date.now() + 31 * MIN);
    off.track('C');
    await off.flush();
    expect(events(ctx.rec).filter((e) => e === 'Signed In')).toHaveLength(2);
  });

  it('is shared by the tabs of a site', async () => {
    const tabA = ctx.make();
    sessionStorage.clear(); // another tab has its own tab id, but the same localStorage
    const tabB = ctx.make();
    tabA.track('In A');
    vi.setSystemTime(Date.now() + 20 * MIN);
    tabB.track('In B');
    vi.setSystemTime(Date.now() + 20 * MIN);
    tabA.track('In A again');
    await tabA.flush();
    await tabB.flush();
    const msgs = ctx.rec.messages();
    expect(msgs.filter((m) => m.event === 'Session Started')).toHaveLength(1);
    expect(new Set(msgs.map((m) => m.context.sessionId)).size).toBe(1);
  });

  it('records page exit as the last activity', async () => {
    const hf = ctx.make();
    hf.track('Open');
    vi.setSystemTime(Date.now() + 12 * MIN);
    window.dispatchEvent(new Event('pagehide'));
    vi.setSystemTime(Date.now() + 60 * MIN);
    hf.track('Next visit');
    await hf.flush();
    const ended = ctx.rec.messages().find((m) => m.event === 'Session Ended')!;
    expect(ended.properties.duration_ms).toBe(12 * MIN);
  });
});
