// Stickiness (DAU/MAU) and feature adoption against hand-computed fixtures in the past.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, dateAgo, ingest, type TestApp } from '../../helpers/server.js';

const at = (d: string, h = 12) => `${d}T${String(h).padStart(2, '0')}:00:00.000Z`;

describe('stickiness and features', () => {
  let t: TestApp;
  // A fixed 10-day window well in the past: 2026-01-01 .. 2026-01-10.
  const days = Array.from({ length: 10 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);

  beforeAll(async () => {
    t = await buildTestApp({ project: { coreFeatures: ['reports', 'export', 'alerts'] } });
    const msgs: Record<string, unknown>[] = [];
    // ann (acme): every day; bob (acme): days 1-5; cy (beta): day 10 only, twice.
    for (const d of days) msgs.push({ userId: 'ann', event: 'Signed In', timestamp: at(d), context: { groupId: 'acme' } });
    for (const d of days.slice(0, 5)) msgs.push({ userId: 'bob', event: 'Feature Used', properties: { feature: 'reports' }, timestamp: at(d), context: { groupId: 'acme' } });
    msgs.push({ userId: 'cy', event: 'Feature Used', properties: { feature: 'export' }, timestamp: at(days[9], 9), context: { groupId: 'beta' } });
    msgs.push({ userId: 'cy', event: 'Feature Used', properties: { feature: 'export' }, timestamp: at(days[9], 15), context: { groupId: 'beta' } });
    msgs.push({ userId: 'ann', event: 'Feature Used', properties: { feature: 'reports' }, timestamp: at('2025-12-20'), context: { groupId: 'acme' } }); // before the window
    await ingest(t, msgs);
  });

  it('computes DAU/MAU, the daily series and the active-days histogram', async () => {
    const s = await api(t, '/metrics/stickiness?from=2026-01-01&to=2026-01-10');
    // DAU: days 1-5: 2, days 6-9: 1, day 10: 2 -> mean 1.6; MAU 3 -> 0.5333
    expect(s.daily.map((d: { dau: number }) => d.dau)).toEqual([2, 2, 2, 2, 2, 1, 1, 1, 1, 2]);
    expect(s.mau).toBe(3);
    expect(s.mean_dau).toBe(1.6);
    expect(s.dau_mau).toBe(0.5333);
    expect(s.histogram).toEqual([{ days: 1, users: 1 }, { days: 5, users: 1 }, { days: 10, users: 1 }]);
  });

  it('computes an account’s stickiness', async () => {
    const s = await api(t, '/metrics/stickiness?from=2026-01-01&to=2026-01-10&account_id=acme');
    expect(s.mau).toBe(2);
    expect(s.dau_mau).toBe(0.75); // mean DAU 1.5 / 2
  });

  it('reports each feature’s users, accounts, adoption among active accounts, first and last use', async () => {
    const f = await api(t, '/metrics/features?from=2026-01-01&to=2026-01-10');
    expect(f.active_accounts).toBe(2);
    const by = Object.fromEntries(f.features.map((x: { feature: string }) => [x.feature, x]));
    expect(by.reports).toMatchObject({ uses: 5, users: 1, accounts: 1, adoption_rate: 0.5, core: true, first_used: '2025-12-20 12:00:00.000', last_used: '2026-01-05 12:00:00.000' });
    expect(by.export).toMatchObject({ uses: 2, users: 1, accounts: 1, adoption_rate: 0.5 });
    expect(by.alerts).toMatchObject({ uses: 0, accounts: 0, adoption_rate: 0, first_used: null, core: true });
  });

  it('defaults to the last 30 days and refuses bad ranges', async () => {
    const s = await api(t, '/metrics/stickiness');
    expect(s.to).toBe(dateAgo(0));
    expect(s.daily).toHaveLength(30);
    expect((await api(t, '/metrics/stickiness?from=2026-02-01&to=2026-01-01', 400)).errors[0]).toMatchObject({ path: 'from' });
    expect((await api(t, '/metrics/stickiness?from=yesterday', 400)).errors[0]).toMatchObject({ path: 'from' });
  });
});
