// Settings are validated at boot; a wrong one stops the start with one line naming it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseEnv } from '../../server/config.js';
import { tempDir, testProject } from '../helpers/server.js';

const fail = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('environment', () => {
  it('has defaults for everything', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', HOLDFAST_DATA_DIR: './data', LOG_LEVEL: 'info', HOLDFAST_SPOOL_FSYNC: true, CLICKHOUSE_DATABASE: 'holdfast' });
    expect(env.CLICKHOUSE_URL).toBeUndefined();
  });

  it('names the setting at fault', () => {
    expect(fail(() => parseEnv({ PORT: 'eighty' }))).toMatch(/^Invalid setting PORT: /);
    expect(fail(() => parseEnv({ PORT: '70000' }))).toMatch(/^Invalid setting PORT: /);
    expect(fail(() => parseEnv({ LOG_LEVEL: 'loud' }))).toMatch(/^Invalid setting LOG_LEVEL: /);
    expect(fail(() => parseEnv({ CLICKHOUSE_URL: 'not a url' }))).toMatch(/^Invalid setting CLICKHOUSE_URL: /);
    expect(fail(() => parseEnv({ CLICKHOUSE_DATABASE: 'x; DROP' }))).toMatch(/^Invalid setting CLICKHOUSE_DATABASE: must be a plain identifier/);
    expect(fail(() => parseEnv({ HOLDFAST_SPOOL_FSYNC: 'maybe' }))).toMatch(/^Invalid setting HOLDFAST_SPOOL_FSYNC: /);
  });
});

describe('project file', () => {
  const withFile = (content: unknown) => {
    const dir = tempDir();
    const path = join(dir, 'holdfast.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return { HOLDFAST_CONFIG: path, HOLDFAST_DATA_DIR: dir };
  };

  it('loads valid projects with defaults filled in', () => {
    const p = testProject({ id: 'acme' });
    const { projects, demo } = loadConfig(withFile({ projects: [{ id: p.id, writeKey: p.writeKey, secretKey: p.secretKey }] }));
    expect(demo).toBeUndefined();
    expect(projects[0]).toMatchObject({ id: 'acme', allowedOrigins: [], storeIp: false });
  });

  it('names the file, the project and the field at fault', () => {
    const p = testProject();
    expect(fail(() => loadConfig(withFile('{ nope')))).toMatch(/HOLDFAST_CONFIG: .* is not valid JSON/);
    expect(fail(() => loadConfig(withFile({ projects: [{ ...p, writeKey: 'short' }] })))).toMatch(/projects\.0\.writeKey: must be at least 16/);
    expect(fail(() => loadConfig(withFile({ projects: [{ ...p, allowedOrigins: ['https://x.com/path'] }] })))).toMatch(/projects\.0\.allowedOrigins\.0/);
    expect(fail(() => loadConfig(withFile({ projects: [{ ...p, typo: 1 }] })))).toMatch(/Unrecognized key.*typo/);
    expect(fail(() => loadConfig(withFile({ projects: [p, { ...testProject(), id: p.id }] })))).toMatch(/projects\.1\.id: duplicate id/);
    expect(fail(() => loadConfig(withFile({ projects: [p, { ...testProject(), writeKey: p.secretKey }] })))).toMatch(/projects\.1\.writeKey: duplicate/);
    expect(fail(() => loadConfig({ HOLDFAST_CONFIG: '/nonexistent/holdfast.json' }))).toMatch(/cannot read .* \(ENOENT\)/);
  });

  it('creates a demo project with fresh keys when no file is given, and keeps it', () => {
    const dir = tempDir();
    const first = loadConfig({ HOLDFAST_DATA_DIR: dir });
    expect(first.demo).toMatchObject({ created: true });
    expect(existsSync(join(dir, 'demo-project.json'))).toBe(true);
    const [p] = first.projects;
    expect(p.id).toBe('demo');
    expect(p.writeKey).toMatch(/^hf_pub_/);
    expect(p.secretKey).toMatch(/^hf_sec_/);
    const again = loadConfig({ HOLDFAST_DATA_DIR: dir });
    expect(again.demo).toMatchObject({ created: false });
    expect(again.projects[0].secretKey).toBe(p.secretKey);
    expect(loadConfig({ HOLDFAST_DATA_DIR: tempDir() }).projects[0].writeKey).not.toBe(p.writeKey);
    expect(JSON.parse(readFileSync(join(dir, 'demo-project.json'), 'utf8')).projects[0].allowedOrigins).toEqual(['*']);
  });
});
