// Liveness, readiness, Prometheus metrics, and logs that never hold a secret.
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { REDACT } from '../../../server/app.js';
import { basic, buildTestApp, testConfig, testProject, testStore, track } from '../../helpers/server.js';

describe('operations endpoints', () => {
  it('answers /healthz and /readyz with storage and spool state', async () => {
    const { app } = await buildTestApp();
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', storage: { kind: 'embedded', reachable: true, inserting: true }, spool: { full: false } });
  });

  it('counts accepted, rejected and inserted events in /metrics', async () => {
    const { app, project } = await buildTestApp();
    await app.inject({ method: 'POST', url: '/v1/batch', payload: { writeKey: project.writeKey, batch: [track('a'), track('b')] } });
    await app.inject({ method: 'POST', url: '/v1/batch', payload: { writeKey: 'nope-nope-nope-nope', batch: [track('c')] } });
    await app.pipeline.flush();
    const res = await app.inject('/metrics');
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toContain(`holdfast_events_accepted_total{project="${project.id}"} 2`);
    expect(res.body).toContain('holdfast_requests_rejected_total{code="HF_ERR_UNKNOWN_WRITE_KEY"} 1');
    expect(res.body).toContain('holdfast_events_inserted_total 2');
    expect(res.body).toMatch(/holdfast_insert_duration_seconds_count [1-9]/);
    expect(res.body).toContain('holdfast_spool_bytes 0');
  });
});

describe('logs', () => {
  it('redact keys and authorization headers even at trace level', async () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, cb) => ((out += chunk), cb()) });
    const project = testProject();
    const config = testConfig([project], { LOG_LEVEL: 'trace' });
    const loggerInstance = pino({ level: 'trace', redact: { paths: REDACT, censor: '[redacted]' } }, sink);
    const app = await buildApp({ config, store: await testStore(), loggerInstance });
    try {
      await app.inject({ method: 'POST', url: '/v1/track', headers: { authorization: basic(project.writeKey) }, payload: track('x') });
      await app.inject({ method: 'POST', url: '/v1/track', payload: { ...track('y'), writeKey: project.writeKey } });
      app.log.info({ project }, 'a log line that carries a project');
      await app.inject({ method: 'POST', url: '/v1/track', headers: { authorization: basic(project.writeKey) }, payload: '{bad' });
    } finally {
      await app.close();
    }
    expect(out).toContain('incoming request');
    expect(out).toContain('[redacted]');
    expect(out).not.toContain(project.writeKey);
    expect(out).not.toContain(project.secretKey);
    expect(out).not.toContain(Buffer.from(`${project.writeKey}:`).toString('base64'));
  });
});
