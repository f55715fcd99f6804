// Storage and the ingestion pipeline as app decorators. The spool is replayed before the app is ready.
import { join } from 'node:path';
import fp from 'fastify-plugin';
import { IngestPipeline } from '../ingest/pipeline.js';
import { RecentIds } from '../ingest/recent-ids.js';
import { Spool } from '../ingest/spool.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { pipelineObserver } from './metrics.js';

export interface StorageOptions {
  /** A store opened by the caller (tests share one per process); the app then does not close it. */
  store?: Store;
}

export default fp<StorageOptions>(
  async (app, opts) => {
    const env = app.config.env;
    const owned = !opts.store;
    const store = opts.store ?? (await openStore(env));
    const spool = await Spool.open({
      dir: join(env.HOLDFAST_DATA_DIR, 'spool'),
      maxBytes: env.HOLDFAST_SPOOL_MAX_BYTES,
      fsync: env.HOLDFAST_SPOOL_FSYNC,
    });
    const pipeline = new IngestPipeline({
      spool,
      store,
      log: app.log.child({ component: 'ingest' }),
      flushIntervalMs: env.HOLDFAST_FLUSH_INTERVAL_MS,
      batchRows: env.HOLDFAST_BATCH_ROWS,
      observer: pipelineObserver(app.metrics),
    });
    if (spool.sealed().length) app.log.info({ segments: spool.sealed().length }, 'replaying the spool');
    await pipeline.start();
    app.decorate('store', store);
    app.decorate('pipeline', pipeline);
    app.decorate('recentIds', new RecentIds());
    app.addHook('onClose', async () => {
      await pipeline.close();
      if (owned) await store.close();
    });
  },
  { name: 'holdfast-storage', fastify: '5.x', dependencies: ['holdfast-metrics'] },
);
