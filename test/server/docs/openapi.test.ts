// /docs covers every route the app registers, with schemas generated from the zod validators.
import { describe, expect, it } from 'vitest';
import { MAX_BATCH } from '../../../server/schema/message.js';
import { buildTestApp } from '../../helpers/server.js';

describe('API docs', () => {
  it('describe every registered route, and only those', async () => {
    const { app } = await buildTestApp({ project: { id: 'docs' }, env: { HOLDFAST_DEMO_PROJECT: 'docs' } });
    const spec = (await app.inject('/docs/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const registered = [...new Set(app.routeTable.map((r) => `${r.method} ${r.url.replace(/\?$/, '').replace(':file?', ':file')}`))].sort();
    for (const r of registered) expect(documented, `${r} is not documented`).toContain(r);
    for (const d of documented) expect(registered, `${d} is documented but not served`).toContain(d);
  });

  it('generate request schemas from the validators, with examples', async () => {
    const { app } = await buildTestApp();
    const spec = (await app.inject('/docs/openapi.json')).json();
    const batch = spec.paths['/v1/batch'].post.requestBody.content;
    expect(batch['application/json'].schema.properties.batch.maxItems).toBe(MAX_BATCH);
    expect(batch['text/plain']).toBeDefined();
    expect(batch['application/json'].example.batch[0].event).toBe('Feature Used');
    const subs = spec.paths['/v1/projects/{projectId}/subscriptions'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(subs)).toContain('"enum":["active","paused","canceled"]');
    const stick = spec.paths['/v1/projects/{projectId}/metrics/stickiness'].get;
    expect(stick.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['projectId', 'from', 'to', 'account_id']));
    expect(stick.security).toEqual([{ secretKey: [] }]);
    const page = await app.inject('/docs');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('/v1/projects/{projectId}/users/{userId}');
  });
});
