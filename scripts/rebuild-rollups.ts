// npm run rebuild-rollups — empties the rollup tables and refills them from the raw events, with the same
// settings as the server (HOLDFAST_DATA_DIR or CLICKHOUSE_URL). Stop the collector first when embedded.
import { ConfigError, parseEnv } from '../server/config.js';
import { openStore } from '../server/store/index.js';
import { ROLLUPS, rebuildRollups } from '../server/store/rollups.js';

try {
  const env = parseEnv(process.env);
  const store = await openStore(env);
  const started = performance.now();
  await rebuildRollups(store, { database: env.CLICKHOUSE_DATABASE, cluster: env.CLICKHOUSE_CLUSTER });
  await store.close();
  console.log(`rebuilt ${ROLLUPS.map((r) => r.table.name).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`rebuild-rollups: ${e instanceof ConfigError ? e.message : (e as Error).message}`);
  process.exit(1);
}
