// Storage goes away (the events table is detached from the real embedded ClickHouse) and comes back:
// every acknowledged event is stored exactly once; a bounded spool answers 503 once full.
import { describe, expect, it } from 'vitest';
import { buildTestApp, countOf, track, waitFor } from '../../helpers/server.js';

describe('a ClickHouse outage', () => {
  it('keeps accepting into the spool, reports it, and drains exactly once when storage returns', async () => {
    const { app, project, store } = await buildTestApp({ env: { HOLDFAST_SPOOL_MAX_BYTES: '200000' } });
    const send = (i: number) =>
      app.inject({
        method: 'POST',
        url: '/v1/batch',
        payload: { writeKey: project.writeKey, batch: Array.from({ length: 10 }, (_, j) => track('During outage', { messageId: `o-${i}-${j}` })) },
      });

    expect((await send(0)).statusCode).toBe(200);
    await waitFor(() => countOf(store, project.id), (c) => c.rows === 10);

    await store.exec('DETACH TABLE holdfast.events');
    try {
      const acked: number[] = [];
      let full = null;
      for (let i = 1; i <= 400 && !full; i++) {
        const res = await send(i);
        if (res.statusCode === 200) acked.push(i);
        else full = res;
        if (i % 20 === 0) await app.pipeline.flush();
      }
      // The spool is bounded: once full, a clear 503.
      expect(full?.statusCode).toBe(503);
      expect(full?.json().code).toBe('HF_ERR_SPOOL_FULL');
      expect(acked.length).toBeGreaterThan(20);

      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ storage: { inserting: false }, spool: { full: true } });
      const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(metrics).toMatch(/holdfast_insert_failures_total [1-9]/);
    } finally {
      await store.exec('ATTACH TABLE holdfast.events');
    }

    const total = await waitFor(() => countOf(store, project.id), (c) => c.rows >= 10 && app.pipeline.spool.sealed().length === 0, 60_000);
    const accepted = Number((await app.metrics.accepted.get()).values[0].value);
    expect(total.rows).toBe(accepted);
    expect(total.ids).toBe(accepted);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect((await send(999)).statusCode).toBe(200);
  }, 90_000);
});
