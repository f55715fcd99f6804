// npm run bench:queries — generates BENCH_EVENTS events (default 10M: 2,000 accounts, 50,000 users, 90 days,
// power-law activity, some accounts declining) into a scratch data dir (kept in .bench-data/ for reruns),
// then prints the median latency of every dashboard endpoint, from the rollups and from a raw scan.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { accountMessages, planAccounts, type GenerateOptions } from '../examples/generator/generate.js';
import { buildApp } from '../server/app.js';
import { parseEnv } from '../server/config.js';
import { toRow } from '../server/ingest/to-row.js';
import { projectSchema } from '../server/schema/project.js';
import type { Message } from '../server/schema/message.js';
import { EmbeddedStore } from '../server/store/embedded.js';
import { migrate } from '../server/store/migrations.js';

const TARGET = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 2000);
const USERS = Number(process.env.BENCH_USERS ?? 50_000);
const DAYS = 90;
const END = new Date().toISOString().slice(0, 10);
const dir = join('.bench-data', `queries-${TARGET}`);
const project = projectSchema.parse({
  id: 'bench',
  writeKey: 'bench_write_key_0123456789',
  secretKey: 'bench_secret_key_0123456789abcdef',
  coreFeatures: ['reports', 'export', 'dashboards'],
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function options(sessionRate: number): GenerateOptions {
  return { seed: 7, accounts: ACCOUNTS, usersPerAccount: USERS / ACCOUNTS, days: DAYS, endDate: END, decliningShare: 0.15, sessionRate };
}

/** Scales the session rate so that the whole dataset comes close to the target count. */
function calibrate(): number {
  const sample = 60;
  const o = options(1);
  const plans = planAccounts(o);
  let n = 0;
  for (let i = 0; i < sample; i++) for (const _ of accountMessages(plans[i], o, i)) n++;
  return Math.min(8, TARGET / ((n * ACCOUNTS) / sample));
}

async function load(store: EmbeddedStore): Promise<number> {
  const rate = calibrate();
  const o = options(rate);
  const plans = planAccounts(o);
  const receivedAt = Date.now();
  let lines: string[] = [];
  let total = 0;
  let chunk = 0;
  const started = performance.now();
  const flush = async () => {
    if (!lines.length) return;
    await store.insertJsonRows('events', Buffer.from(lines.join('\n') + '\n'), `bench-${chunk++}`);
    total += lines.length;
    lines = [];
    process.stdout.write(`\r  loaded ${total.toLocaleString()} events (${Math.round(total / ((performance.now() - started) / 1000)).toLocaleString()}/s)`);
  };
  let seq = 0;
  for (let i = 0; i < plans.length && total + lines.length < TARGET; i++) {
    for (const m of accountMessages(plans[i], o, i)) {
      const row = toRow({ ...(m as unknown as Message), messageId: `b-${seq++}` }, { projectId: project.id, receivedAt });
      lines.push(JSON.stringify(row));
      if (lines.length >= 200_000) await flush();
    }
  }
  await flush();
  process.stdout.write('\n');
  // Billing history for revenue and health: every account pays; some upgrade, some churn.
  const changes = plans.flatMap((p, i) => {
    const c = [{ account_id: p.id, mrr: p.mrr, status: 'active', effective_at: new Date(p.createdAt).toISOString() }];
    if (i % 7 === 0) c.push({ account_id: p.id, mrr: p.mrr * 2, status: 'active', effective_at: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    if (p.declining && i % 3 === 0) c.push({ account_id: p.id, mrr: 0, status: 'canceled', effective_at: new Date(Date.now() - 10 * 86_400_000).toISOString() });
    return c;
  });
  return changes.length && (await postChanges(store, changes), total);
}

let postChanges: (store: EmbeddedStore, changes: object[]) => Promise<void>;

async function main() {
  const fresh = !existsSync(join(dir, 'clickhouse'));
  mkdirSync(dir, { recursive: true });
  const store = new EmbeddedStore(join(dir, 'clickhouse'));
  await migrate(store, { database: store.database });
  const env = parseEnv({ HOLDFAST_DATA_DIR: join(dir, 'app'), LOG_LEVEL: 'warn', HOLDFAST_SNAPSHOT_INTERVAL_MS: '0', HOLDFAST_RATE_LIMIT_PER_IP: '100000000' });
  const app = await buildApp({ config: { env, projects: [project] }, store });
  const auth = { authorization: `Bearer ${project.secretKey}` };
  postChanges = async (_s, changes) => {
    const res = await app.inject({ method: 'POST', url: '/v1/projects/bench/subscriptions', headers: auth, payload: { changes } });
    if (res.statusCode !== 202) throw new Error(res.body);
  };
  const [{ n }] = await store.query<{ n: string }>("SELECT count() AS n FROM holdfast.events WHERE project_id = 'bench'");
  if (fresh || Number(n) < TARGET * 0.9) {
    console.log(`generating ~${TARGET.toLocaleString()} events: ${ACCOUNTS} accounts, ${USERS} users, ${DAYS} days`);
    const t = performance.now();
    await load(store);
    console.log(`  in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const [stats] = await store.query<{ n: string; users: string; accounts: string }>(
    "SELECT count() AS n, uniqExact(if(user_id != '', user_id, anonymous_id)) AS users, uniqExact(account_id) AS accounts FROM holdfast.events WHERE project_id = 'bench'",
  );
  console.log(`dataset: ${Number(stats.n).toLocaleString()} events, ${stats.users} users, ${stats.accounts} accounts\n`);

  const to = END;
  const from30 = new Date(Date.parse(END) - 29 * 86_400_000).toISOString().slice(0, 10);
  const from90 = new Date(Date.parse(END) - 89 * 86_400_000).toISOString().slice(0, 10);
  const endpoints: [string, string, boolean][] = [
    ['stickiness, 30 days', `/metrics/stickiness?from=${from30}&to=${to}`, true],
    ['stickiness, 90 days', `/metrics/stickiness?from=${from90}&to=${to}`, true],
    ['stickiness, one account', `/metrics/stickiness?from=${from30}&to=${to}&account_id=acct-00003`, true],
    ['features, 30 days', `/metrics/features?from=${from30}&to=${to}`, true],
    ['nps, 90 days', `/metrics/nps?from=${from90}&to=${to}`, true],
    ['csat, 90 days', `/metrics/csat?from=${from90}&to=${to}`, true],
    ['revenue, 12 months', `/metrics/revenue?months=12`, false],
    ['cancellations, 90 days', `/metrics/cancellations?from=${from90}&to=${to}`, false],
    ['accounts, worst 50, computed live', `/accounts?sort=health&limit=50&fresh=true`, false],
    ['accounts, worst 50, from today’s snapshot', `/accounts?sort=health&limit=50`, false],
    ['one account', `/accounts/acct-00003`, false],
  ];
  const time = async (url: string) => {
    const runs: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      const res = await app.inject({ url: `/v1/projects/bench${url}`, headers: auth });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i > 0) runs.push(performance.now() - t); // the first run warms caches
    }
    return median(runs);
  };
  const table = [];
  for (const [name, url, raw] of endpoints) {
    const rollup = await time(url);
    const scan = raw ? await time(`${url}&source=raw`) : null;
    table.push({ endpoint: name, 'rollups ms': Math.round(rollup), 'raw scan ms': scan === null ? '-' : Math.round(scan), speed_up: scan === null ? '-' : `${(scan / rollup).toFixed(1)}x` });
  }
  console.log(`median of ${RUNS} runs per endpoint (after one warm-up), in-process requests (app.inject):`);
  console.table(table);
  // The dashboard reads the account list from today's snapshot; the live computation is what refreshes it.
  const dashboard = table.filter((r) => !r.endpoint.includes('computed live'));
  const worst = dashboard.reduce((a, b) => (b['rollups ms'] > a['rollups ms'] ? b : a));
  console.log(`slowest dashboard endpoint: ${worst.endpoint}, ${worst['rollups ms']} ms (target: under 300 ms)`);
  await app.close();
  await store.close();
}

await main();
