// npm run bench:ingest — end-to-end ingestion (HTTP -> spool -> embedded ClickHouse) against a bare-Fastify
// baseline, in one run on this machine. Load comes from this process (autocannon); each server is a child
// process. Prints events/s and latency medians over BENCH_RUNS runs, the ratio, and checks the stored count.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { EmbeddedStore } from '../server/store/embedded.js';
import { startCollector, stopCollector, type Collector } from '../test/helpers/process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WRITE_KEY = 'bench_write_key_0123456789';

interface Result {
  eventsPerSec: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let counter = 0;
function message(): string {
  const id = counter++;
  return `{"type":"track","event":"Feature Used","userId":"user-${id % 5000}","messageId":"bench-${process.pid}-${id}","timestamp":"${new Date().toISOString()}","properties":{"feature":"reports","plan":"pro"},"context":{"groupId":"acct-${id % 300}","userAgent":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36","library":{"name":"holdfast.js","version":"0.1.0"}}}`;
}

const batchBody = (n: number) => `{"writeKey":"${WRITE_KEY}","sentAt":"${new Date().toISOString()}","batch":[${Array.from({ length: n }, message).join(',')}]}`;
const singleBody = () => message().replace('{"type":"track",', `{"writeKey":"${WRITE_KEY}","type":"track",`);

async function load(url: string, path: string, body: () => string, perRequest: number): Promise<Result> {
  const r = await autocannon({
    url: url + path,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: 'POST', headers: { 'content-type': 'text/plain' }, setupRequest: (req) => ({ ...req, body: body() }) }],
  });
  const ok = r['2xx'];
  return { eventsPerSec: (ok * perRequest) / SECONDS, p50: r.latency.p50, p99: r.latency.p99, ok: ok * perRequest, errors: r.non2xx + r.errors };
}

async function scenario(name: string, server: Collector, path: string, body: () => string, perRequest: number) {
  const runs: Result[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(server.url, path, body, perRequest));
  return {
    name,
    eventsPerSec: median(runs.map((r) => r.eventsPerSec)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    accepted: runs.reduce((s, r) => s + r.ok, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'holdfast-bench-'));
  const config = join(dir, 'projects.json');
  writeFileSync(
    config,
    JSON.stringify({ projects: [{ id: 'bench', writeKey: WRITE_KEY, secretKey: 'bench_secret_key_0123456789abcdef', allowedOrigins: ['*'] }] }),
  );
  const env = {
    HOLDFAST_DATA_DIR: dir,
    HOLDFAST_CONFIG: config,
    LOG_LEVEL: 'warn',
    HOLDFAST_RATE_LIMIT_PER_IP: '100000000',
    HOLDFAST_RATE_LIMIT_PER_KEY: '100000000',
  };
  console.log(`ingest bench: ${RUNS} runs x ${SECONDS}s per scenario, ${CONNECTIONS} connections, loopback; medians\n`);

  const baseline = await startBaseline();
  const base50 = await scenario('baseline, 50-event batches', baseline, '/v1/batch', () => batchBody(50), 50);
  const base1 = await scenario('baseline, single events', baseline, '/v1/track', singleBody, 1);
  await stopCollector(baseline);

  const holdfast = await startCollector(env);
  const hf50 = await scenario('holdfast, 50-event batches', holdfast, '/v1/batch', () => batchBody(50), 50);
  const hf1 = await scenario('holdfast, single events', holdfast, '/v1/track', singleBody, 1);
  // The collector's own count: autocannon does not count replies that arrive after its window closes.
  const metrics = await (await fetch(`${holdfast.url}/metrics`)).text();
  const serverAccepted = Number(/holdfast_events_accepted_total\{project="bench"\} (\d+)/.exec(metrics)?.[1] ?? NaN);
  const stopped = await stopCollector(holdfast); // SIGTERM flushes the spool into storage

  const store = new EmbeddedStore(join(dir, 'clickhouse'));
  const [row] = await store.query<{ n: string; ids: string }>(
    "SELECT count() AS n, uniqExact(message_id) AS ids FROM holdfast.events WHERE project_id = 'bench'",
  );
  await store.close();

  const table = [base50, hf50, base1, hf1].map((s) => ({
    scenario: s.name,
    'events/s': Math.round(s.eventsPerSec),
    'p50 ms': s.p50,
    'p99 ms': s.p99,
    errors: s.errors,
  }));
  console.table(table);
  console.log(`ratio holdfast/baseline, 50-event batches: ${(hf50.eventsPerSec / base50.eventsPerSec).toFixed(3)}`);
  console.log(`ratio holdfast/baseline, single events:    ${(hf1.eventsPerSec / base1.eventsPerSec).toFixed(3)}`);
  const seen = hf50.accepted + hf1.accepted;
  const stored = Number(row.n);
  console.log(
    `acknowledged ${serverAccepted} events (${seen} replies seen by the load generator), stored ${stored} rows ` +
      `(${row.ids} distinct ids); collector exit ${stopped}`,
  );
  rmSync(dir, { recursive: true, force: true });
  if (stored !== serverAccepted || Number(row.ids) !== stored || stored < seen) {
    console.error('FAIL: stored rows differ from acknowledged events');
    process.exit(1);
  }
  console.log('nothing lost, nothing duplicated');
}

async function startBaseline(): Promise<Collector> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/baseline-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  while (!/listening on (\S+)/.test(out)) {
    await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => Promise.reject(new Error('baseline died')))]);
  }
  return { child, url: /listening on (\S+)/.exec(out)![1], output: () => out };
}

await main();
