// Builds real apps on a real embedded ClickHouse. chDB binds one data directory per process, so a test file
// shares one store across its apps; each app gets its own spool directory and its own project ids.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../../server/app.js';
import { parseEnv, type Env, type HoldfastConfig } from '../../server/config.js';
import type { z } from 'zod';
import { projectSchema, type Project } from '../../server/schema/project.js';
import { EmbeddedStore } from '../../server/store/embedded.js';
import { migrate } from '../../server/store/migrations.js';

export const tempDir = (prefix = 'holdfast-test-') => mkdtempSync(join(tmpdir(), prefix));

let shared: Promise<EmbeddedStore> | null = null;

/** The process's one embedded store, migrated, closed after the file's tests. */
export function testStore(): Promise<EmbeddedStore> {
  if (!shared) {
    shared = (async () => {
      const store = new EmbeddedStore(join(tempDir('holdfast-ch-'), 'clickhouse'));
      await migrate(store, { database: store.database });
      afterAll(() => store.close());
      return store;
    })();
  }
  return shared;
}

export type ProjectInput = Partial<z.input<typeof projectSchema>>;

/** A project as the config file would give it, defaults filled in by the real schema. */
export function testProject(overrides: ProjectInput = {}): Project {
  const id = overrides.id ?? `p${randomBytes(4).toString('hex')}`;
  return projectSchema.parse({
    id,
    writeKey: `wk_${id}_${randomBytes(8).toString('hex')}`,
    secretKey: `sk_${id}_${randomBytes(16).toString('hex')}`,
    allowedOrigins: ['https://app.example.com'],
    ...overrides,
  });
}

export function testConfig(projects: Project[], env: Record<string, string> = {}): HoldfastConfig {
  const parsed: Env = parseEnv({
    HOLDFAST_DATA_DIR: tempDir(),
    HOLDFAST_FLUSH_INTERVAL_MS: '50',
    LOG_LEVEL: 'silent',
    HOLDFAST_SNAPSHOT_INTERVAL_MS: '0',
    ...env,
  });
  return { env: parsed, projects };
}

export interface TestApp {
  app: FastifyInstance;
  project: Project;
  store: EmbeddedStore;
  config: HoldfastConfig;
}

/** A real app with one project, on the shared store; closed after the file's tests. */
export async function buildTestApp(opts: { project?: ProjectInput; env?: Record<string, string> } = {}): Promise<TestApp> {
  const store = await testStore();
  const project = testProject(opts.project);
  const config = testConfig([project], opts.env);
  const app = await buildApp({ config, store });
  afterAll(() => app.close());
  return { app, project, store, config };
}

export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type Row = Record<string, string | null>;

export function rowsOf(store: EmbeddedStore, projectId: string, where = '1'): Promise<Row[]> {
  return store.query<Row>(
    `SELECT * FROM holdfast.events WHERE project_id = {p:String} AND ${where} ORDER BY timestamp, message_id`,
    { p: projectId },
  );
}

export async function countOf(store: EmbeddedStore, projectId: string): Promise<{ rows: number; ids: number }> {
  const [r] = await store.query<{ rows: string; ids: string }>(
    'SELECT count() AS rows, uniqExact(message_id) AS ids FROM holdfast.events WHERE project_id = {p:String}',
    { p: projectId },
  );
  return { rows: Number(r.rows), ids: Number(r.ids) };
}

export const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

let seq = 0;
export function track(event: string, extra: Record<string, unknown> = {}) {
  return { type: 'track', event, userId: 'u1', messageId: `m-${process.pid}-${Date.now()}-${seq++}`, ...extra };
}

let fixtureSeq = 0;
/** Stores messages through the real ingestion route and waits until they are queryable. */
export async function ingest(t: TestApp, messages: Record<string, unknown>[]): Promise<void> {
  const before = (await countOf(t.store, t.project.id)).rows;
  for (let i = 0; i < messages.length; i += 2000) {
    const batch = messages.slice(i, i + 2000).map((m) => ({ type: 'track', messageId: `fx-${process.pid}-${fixtureSeq++}`, ...m }));
    const res = await t.app.inject({ method: 'POST', url: '/v1/batch', payload: { writeKey: t.project.writeKey, batch } });
    if (res.statusCode !== 200) throw new Error(`ingest failed: ${res.body}`);
  }
  // Flush until the spool is empty: a flush that resolves has finished its inserts, materialized views
  // included, whereas rows can be visible in events a moment before the rollups' parts are committed.
  await t.app.pipeline.drain();
  await waitFor(() => countOf(t.store, t.project.id), (c) => c.rows >= before + messages.length);
}

/** GET on the secret-key API of the test project. */
export async function api<T = any>(t: TestApp, path: string, expectStatus = 200): Promise<T> {
  const res = await t.app.inject({ url: `/v1/projects/${t.project.id}${path}`, headers: { authorization: `Bearer ${t.project.secretKey}` } });
  if (res.statusCode !== expectStatus) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export const DAY_MS = 86_400_000;
/** An ISO time n days before now (fractional days allowed). */
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();
/** A YYYY-MM-DD date n days before today (UTC). */
export const dateAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);
