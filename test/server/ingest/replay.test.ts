// A segment inserted just before a crash, but not yet removed, is replayed on start: insert deduplication
// (the segment name is the token) keeps it from being stored twice. Merges are stopped so that a duplicate
// could not be hidden by ReplacingMergeTree.
import { describe, expect, it } from 'vitest';
import { Spool } from '../../../server/ingest/spool.js';
import { toRow } from '../../../server/ingest/to-row.js';
import { buildApp } from '../../../server/app.js';
import { countOf, testConfig, testProject, testStore, waitFor } from '../../helpers/server.js';
import { join } from 'node:path';

describe('spool replay', () => {
  it('stores a segment once even if it was inserted before the crash', async () => {
    const store = await testStore();
    await store.exec('SYSTEM STOP MERGES holdfast.events');
    const project = testProject();
    const config = testConfig([project]);
    const spool = await Spool.open({ dir: join(config.env.HOLDFAST_DATA_DIR, 'spool'), maxBytes: 1e7, fsync: true });
    const rows = Array.from({ length: 100 }, (_, i) =>
      JSON.stringify(toRow({ type: 'track', event: 'Replayed', userId: 'u', messageId: `r-${i}` }, { projectId: project.id, receivedAt: Date.now() })),
    );
    await spool.append(Buffer.from(rows.join('\n') + '\n'), rows.length);
    const [segment] = [await spool.seal()];
    // The previous process got this far: inserted, then died before removing the file.
    await store.insertJsonRows('events', await spool.read(segment!), segment!.name);
    expect(await countOf(store, project.id)).toEqual({ rows: 100, ids: 100 });

    const app = await buildApp({ config, store });
    try {
      await waitFor(async () => app.pipeline.spool.sealed().length, (n) => n === 0);
      expect(await countOf(store, project.id)).toEqual({ rows: 100, ids: 100 });
    } finally {
      await app.close();
      await store.exec('SYSTEM START MERGES holdfast.events');
    }
  });
});
