// The generated DDL: single server (run for real on embedded ClickHouse) and cluster mode (read as text).
import { describe, expect, it } from 'vitest';
import { allStatements, migrate } from '../../../server/store/migrations.js';
import { testStore } from '../../helpers/server.js';

describe('cluster DDL', () => {
  const ddl = allStatements({ database: 'hf', cluster: 'prod' });

  it('runs every statement ON CLUSTER', () => {
    for (const s of ddl) expect(s).toContain('ON CLUSTER `prod`');
  });

  it('stores rows in replicated local tables behind Distributed tables', () => {
    const local = ddl.find((s) => s.includes('`hf`.`events_local`') && s.startsWith('CREATE TABLE'))!;
    expect(local).toContain("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/hf/events_local', '{replica}', received_at)");
    expect(local).toContain('PARTITION BY toYYYYMM(timestamp)');
    expect(local).toContain('ORDER BY (project_id, account_id, toDate(timestamp), message_id)');
    expect(local).not.toContain('non_replicated_deduplication_window');
    const dist = ddl.find((s) => s.startsWith('CREATE TABLE IF NOT EXISTS `hf`.`events` '))!;
    expect(dist).toContain('AS `hf`.`events_local`');
    expect(dist).toContain('ENGINE = Distributed(`prod`, `hf`, `events_local`, cityHash64(project_id, account_id))');
    for (const t of ['persons', 'accounts', 'account_daily', 'user_daily', 'feature_daily', 'survey_responses', 'subscriptions', 'health_snapshots', 'schema_migrations']) {
      expect(ddl.some((s) => s.includes(`\`hf\`.\`${t}_local\``) && s.includes('ENGINE = Replicated'))).toBe(true);
      expect(ddl.some((s) => s.includes(`\`hf\`.\`${t}\` ON CLUSTER`) && s.includes('ENGINE = Distributed'))).toBe(true);
    }
  });

  it('points materialized views from local tables to local tables', () => {
    const mv = ddl.find((s) => s.includes('persons_mv'))!;
    expect(mv).toContain('TO `hf`.`persons_local`');
    expect(mv).toContain('FROM `hf`.`events_local`');
  });
});

describe('single-server migrations', () => {
  it('use plain engines with insert deduplication, and apply once', async () => {
    const ddl = allStatements({ database: 'hf' });
    expect(ddl.join('\n')).not.toMatch(/Replicated|Distributed|ON CLUSTER/);
    expect(ddl.find((s) => s.includes('`events`'))).toContain('SETTINGS non_replicated_deduplication_window = 10000');

    const store = await testStore(); // already migrated once
    expect(await migrate(store, { database: store.database })).toEqual([]);
    const tables = await store.query<{ name: string }>("SELECT name FROM system.tables WHERE database = 'holdfast' ORDER BY name");
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['events', 'persons', 'accounts', 'persons_mv', 'accounts_mv', 'account_daily_mv', 'user_daily_mv', 'schema_migrations', 'account_daily', 'user_daily', 'feature_daily', 'survey_responses', 'subscriptions', 'health_snapshots']),
    );
    const [v] = await store.query<{ n: string }>('SELECT count() AS n FROM holdfast.schema_migrations');
    expect(Number(v.n)).toBe(3);
  });
});
