// The collector serves the built SDK (briefly cached, and pinned by version) and a project's snippet.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/server.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

describe('asset routes', () => {
  it('serve /sdk.js with caching headers and an ETag', async () => {
    const { app } = await buildTestApp();
    const res = await app.inject('/sdk.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=300/);
    expect(res.body).toBe(readFileSync('dist/sdk/holdfast.js', 'utf8'));
    const again = await app.inject({ url: '/sdk.js', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('serve the pinned version as immutable, and refuse other versions', async () => {
    const { app } = await buildTestApp();
    const pinned = await app.inject(`/sdk/${version}/holdfast.js`);
    expect(pinned.statusCode).toBe(200);
    expect(pinned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const other = await app.inject('/sdk/0.0.0-old/holdfast.js');
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('HF_ERR_NOT_FOUND');
  });

  it('serve the widgets bundle and its locale chunks, and nothing else from there', async () => {
    const { app } = await buildTestApp();
    const w = await app.inject('/widgets/widgets.js');
    expect(w.statusCode).toBe(200);
    expect(w.body).toBe(readFileSync('dist/widgets/widgets.js', 'utf8'));
    expect((await app.inject('/widgets/locale-fi.js')).body).toContain('holdfastLocales');
    expect((await app.inject('/widgets/..%2F..%2Fpackage.json')).statusCode).toBe(404);
    expect((await app.inject('/widgets/locale-xx.js')).statusCode).toBe(404);
  });

  it('print the snippet for a known write key only', async () => {
    const { app, project } = await buildTestApp();
    const res = await app.inject({ url: `/snippet?writeKey=${project.writeKey}`, headers: { host: 'collector.example.com' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('"http://collector.example.com"');
    expect(res.body).toContain(JSON.stringify(project.writeKey));
    expect((await app.inject('/snippet?writeKey=nope')).statusCode).toBe(401);
  });
});
