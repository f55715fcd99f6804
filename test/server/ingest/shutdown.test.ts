// SIGTERM flushes: rows acknowledged but still in the spool are in storage when the process exits.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../server/store/embedded.js';
import { startCollector, stopCollector } from '../../helpers/process.js';
import { tempDir, testProject } from '../../helpers/server.js';

describe('graceful shutdown', () => {
  it('inserts everything acknowledged before exiting on SIGTERM', async () => {
    const dir = tempDir();
    const project = testProject({ id: 'shutdown' });
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ projects: [project] }));
    // A flush interval far longer than the test: only the shutdown can insert these rows.
    const c = await startCollector({ HOLDFAST_DATA_DIR: dir, HOLDFAST_CONFIG: join(dir, 'p.json'), HOLDFAST_FLUSH_INTERVAL_MS: '60000' });
    const batch = Array.from({ length: 500 }, (_, i) => ({ type: 'track', event: 'Before Stop', userId: 'u', messageId: `s-${i}` }));
    const res = await fetch(`${c.url}/v1/batch`, { method: 'POST', body: JSON.stringify({ writeKey: project.writeKey, batch }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(await stopCollector(c, 'SIGTERM')).toBe(0);
    const store = new EmbeddedStore(join(dir, 'clickhouse'));
    try {
      const [row] = await store.query<{ n: string }>("SELECT count() AS n FROM holdfast.events WHERE project_id = 'shutdown'");
      expect(Number(row.n)).toBe(500);
    } finally {
      await store.close();
    }
  });
});
