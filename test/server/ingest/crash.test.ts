// A collector killed with SIGKILL mid-ingest and restarted: every acknowledged event is stored exactly once.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../../server/store/embedded.js';
import { startCollector, stopCollector } from '../../helpers/process.js';
import { tempDir, testProject } from '../../helpers/server.js';

describe('crash recovery', () => {
  it('replays the spool after SIGKILL without losing or duplicating acknowledged events', async () => {
    const dir = tempDir();
    const project = testProject({ id: 'crash' });
    const configPath = join(dir, 'projects.json');
    writeFileSync(configPath, JSON.stringify({ projects: [project] }));
    // A long flush interval keeps most acknowledged rows only in the spool when the kill lands.
    const env = { HOLDFAST_DATA_DIR: dir, HOLDFAST_CONFIG: configPath, HOLDFAST_FLUSH_INTERVAL_MS: '700', HOLDFAST_BATCH_ROWS: '400' };

    const first = await startCollector(env);
    const acked = new Set<string>();
    let stop = false;
    let n = 0;
    const sender = async () => {
      while (!stop) {
        const batch = Array.from({ length: 20 }, () => ({ type: 'track', event: 'Crash Test', userId: 'u', messageId: `c-${n++}` }));
        try {
          const res = await fetch(`${first.url}/v1/batch`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ writeKey: project.writeKey, batch }),
          });
          if (res.status === 200) for (const m of batch) acked.add(m.messageId);
        } catch {
          return; // the process is gone
        }
      }
    };
    const senders = [sender(), sender(), sender(), sender()];
    while (acked.size < 3000) await new Promise((r) => setTimeout(r, 20));
    await stopCollector(first, 'SIGKILL');
    stop = true;
    await Promise.all(senders);
    expect(acked.size).toBeGreaterThanOrEqual(3000);
    // The kill left acknowledged rows in the spool that were not yet in storage.
    const left = readdirSync(join(dir, 'spool')).filter((f) => statSync(join(dir, 'spool', f)).size > 0);
    expect(left.length).toBeGreaterThan(0);

    const second = await startCollector(env);
    expect(second.output()).toMatch(/listening/);
    expect(await stopCollector(second, 'SIGTERM')).toBe(0);

    const store = new EmbeddedStore(join(dir, 'clickhouse'));
    try {
      const rows = await store.query<{ message_id: string; n: string }>(
        "SELECT message_id, count() AS n FROM holdfast.events WHERE project_id = 'crash' GROUP BY message_id",
      );
      const stored = new Map(rows.map((r) => [r.message_id, Number(r.n)]));
      const missing = [...acked].filter((id) => !stored.has(id));
      const duplicated = rows.filter((r) => Number(r.n) > 1);
      expect(missing).toEqual([]);
      expect(duplicated).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);
});
