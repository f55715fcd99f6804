// Environment and project file, validated once at boot. A wrong setting stops the start with one line naming it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { projectFileSchema, type Project } from './schema/project.js';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const envSchema = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  HOLDFAST_DATA_DIR: z.string().min(1).default('./data'),
  HOLDFAST_CONFIG: z.string().min(1).optional(),
  CLICKHOUSE_URL: z.string().url().optional(),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier').default('holdfast'),
  CLICKHOUSE_CLUSTER: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be a plain cluster name').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOLDFAST_SPOOL_MAX_BYTES: int(1024, Number.MAX_SAFE_INTEGER).default(1024 * 1024 * 1024),
  HOLDFAST_SPOOL_FSYNC: bool.default(true),
  HOLDFAST_FLUSH_INTERVAL_MS: int(10, 60_000).default(1000),
  HOLDFAST_BATCH_ROWS: int(1, 1_000_000).default(100_000),
  HOLDFAST_BODY_LIMIT: int(1024, 64 * 1024 * 1024).default(512 * 1024),
  HOLDFAST_RATE_LIMIT_PER_KEY: int(1, Number.MAX_SAFE_INTEGER).default(30_000),
  HOLDFAST_RATE_LIMIT_PER_IP: int(1, Number.MAX_SAFE_INTEGER).default(6_000),
  HOLDFAST_RATE_LIMIT_WINDOW_MS: int(100, 3_600_000).default(60_000),
  /** Delete person-level rows (events, per-user rollups, survey answers) older than this; 0 keeps them. */
  HOLDFAST_RETENTION_DAYS: int(0, 36_500).default(0),
  /** How often health snapshots are taken (0: never). */
  HOLDFAST_SNAPSHOT_INTERVAL_MS: int(0, 7 * 86_400_000).default(6 * 3_600_000),
  /** Serve the demo app (examples/demo) for this project at /demo/; the local demo project by default. */
  HOLDFAST_DEMO_PROJECT: z.string().min(1).optional(),
  /** Behind a load balancer: read the client IP from X-Forwarded-For. */
  HOLDFAST_TRUST_PROXY: bool.default(false),
});

export type Env = z.infer<typeof envSchema>;

export interface HoldfastConfig {
  env: Env;
  projects: Project[];
  /** Set when no config file was given and the local demo project is in use. */
  demo?: { path: string; created: boolean };
}

export class ConfigError extends Error {
  constructor(setting: string, problem: string) {
    super(`Invalid setting ${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

function firstIssue(err: z.ZodError, prefix = ''): [string, string] {
  const issue = err.issues[0];
  const path = issue.path.join('.');
  return [prefix + path, issue.message];
}

export function parseEnv(raw: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(...firstIssue(result.error));
  return result.data;
}

export function readProjectFile(path: string): Project[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError('HOLDFAST_CONFIG', `cannot read ${path} (${(e as NodeJS.ErrnoException).code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError('HOLDFAST_CONFIG', `${path} is not valid JSON (${(e as Error).message})`);
  }
  const result = projectFileSchema.safeParse(json);
  if (!result.success) throw new ConfigError(...firstIssue(result.error, `HOLDFAST_CONFIG ${path}: `));
  return result.data.projects;
}

const key = (prefix: string, bytes: number) => `${prefix}_${randomBytes(bytes).toString('base64url')}`;

/** Loads the local demo project, creating it (with fresh keys) on first run. */
export function demoProject(dataDir: string): { projects: Project[]; path: string; created: boolean } {
  const path = join(dataDir, 'demo-project.json');
  if (existsSync(path)) return { projects: readProjectFile(path), path, created: false };
  mkdirSync(dataDir, { recursive: true });
  const file = {
    projects: [
      {
        id: 'demo',
        name: 'Demo SaaS',
        writeKey: key('hf_pub', 18),
        secretKey: key('hf_sec', 30),
        allowedOrigins: ['*'],
        coreFeatures: ['reports', 'export', 'dashboards'],
        surveys: [
          { id: 'nps-demo', type: 'nps' },
          { id: 'csat-demo', type: 'csat', style: 'faces', targeting: { triggerEvent: 'Feature Used' }, samplePercent: 0 },
        ],
      },
    ],
  };
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  return { projects: readProjectFile(path), path, created: true };
}

export function loadConfig(raw: NodeJS.ProcessEnv = process.env): HoldfastConfig {
  const env = parseEnv(raw);
  env.HOLDFAST_DATA_DIR = resolve(env.HOLDFAST_DATA_DIR);
  if (env.HOLDFAST_CONFIG) return { env, projects: readProjectFile(resolve(env.HOLDFAST_CONFIG)) };
  const demo = demoProject(env.HOLDFAST_DATA_DIR);
  env.HOLDFAST_DEMO_PROJECT ??= demo.projects[0].id;
  return { env, projects: demo.projects, demo: { path: demo.path, created: demo.created } };
}
