// The rollups answer exactly what a scan of the raw events answers, on a generated dataset; and a rebuild
// from the raw events gives the same answers again.
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../examples/generator/generate.js';
import { rebuildRollups } from '../../../server/store/rollups.js';
import { api, buildTestApp, dateAgo, ingest, type TestApp } from '../../helpers/server.js';

describe('rollups against raw scans', () => {
  let t: TestApp;
  const ranges = [`from=${dateAgo(59)}&to=${dateAgo(0)}`, `from=${dateAgo(20)}&to=${dateAgo(5)}`];

  beforeAll(async () => {
    t = await buildTestApp({ project: { coreFeatures: ['reports', 'export'] } });
    await ingest(t, [...generate({ seed: 42, accounts: 16, usersPerAccount: 5, days: 60, decliningShare: 0.3 })]);
  }, 120_000);

  async function compareAll() {
    for (const range of ranges) {
      for (const path of ['/metrics/stickiness', '/metrics/features', '/metrics/nps']) {
        const rollup = await api(t, `${path}?${range}`);
        const raw = await api(t, `${path}?${range}&source=raw`);
        expect(rollup, `${path}?${range}`).toEqual(raw);
      }
      const rollup = await api(t, `/metrics/stickiness?${range}&account_id=acct-00001`);
      expect(rollup).toEqual(await api(t, `/metrics/stickiness?${range}&account_id=acct-00001&source=raw`));
    }
  }

  it('agree on stickiness, features and NPS, project-wide and per account', async () => {
    const s = await api(t, `/metrics/stickiness?${ranges[0]}`);
    expect(s.mau).toBeGreaterThan(20); // the dataset is not trivially empty
    expect((await api(t, `/metrics/features?${ranges[0]}`)).features.length).toBeGreaterThan(3);
    await compareAll();
  });

  it('agree again after the rollups are rebuilt from the raw events', async () => {
    const before = await api(t, `/metrics/stickiness?${ranges[0]}`);
    await rebuildRollups(t.store, { database: t.store.database });
    expect(await api(t, `/metrics/stickiness?${ranges[0]}`)).toEqual(before);
    await compareAll();
  });
});
