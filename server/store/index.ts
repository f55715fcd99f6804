// Chooses the back end from the environment and brings its schema up to date.
import { join } from 'node:path';
import type { Env } from '../config.js';
import { EmbeddedStore } from './embedded.js';
import { migrate } from './migrations.js';
import { RemoteStore } from './remote.js';
import { applyRetention } from './retention.js';
import type { Store } from './types.js';

export type { Store } from './types.js';
export { StorageError } from './types.js';

export async function openStore(env: Env): Promise<Store> {
  const database = env.CLICKHOUSE_DATABASE;
  if (!env.CLICKHOUSE_URL) {
    const store = new EmbeddedStore(join(env.HOLDFAST_DATA_DIR, 'clickhouse'), database);
    await migrate(store, { database });
    await applyRetention(store, { database }, env.HOLDFAST_RETENTION_DAYS);
    return store;
  }
  const store = new RemoteStore({
    url: env.CLICKHOUSE_URL,
    username: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
    database,
    cluster: env.CLICKHOUSE_CLUSTER,
  });
  try {
    await store.checkVersion();
    await migrate(store, { database, cluster: env.CLICKHOUSE_CLUSTER });
    await applyRetention(store, { database, cluster: env.CLICKHOUSE_CLUSTER }, env.HOLDFAST_RETENTION_DAYS);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
