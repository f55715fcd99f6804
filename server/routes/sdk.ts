// Serves the browser SDK: /sdk.js (what the snippet loads; cached briefly so upgrades reach pages) and
// /sdk/<version>/holdfast.js (immutable, for pinning), plus the snippet for a project.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Errors } from '../errors.js';
import { snippet } from '../../sdk/snippet.js';

const DIST = new URL('../../dist/sdk/', import.meta.url);

interface Asset {
  body: Buffer;
  etag: string;
}

export default async function sdkRoutes(app: FastifyInstance) {
  const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  let cached: Asset | undefined;

  async function asset(): Promise<Asset> {
    if (cached) return cached;
    const body = await readFile(new URL('holdfast.js', DIST)).catch(() => {
      throw new Errors.AssetMissing('dist/sdk/holdfast.js');
    });
    cached = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 20)}"` };
    return cached;
  }

  async function send(request: FastifyRequest, reply: FastifyReply, cacheControl: string) {
    const a = await asset();
    reply.header('content-type', 'application/javascript; charset=utf-8').header('cache-control', cacheControl).header('etag', a.etag);
    if (request.headers['if-none-match'] === a.etag) return reply.status(304).send();
    return reply.send(a.body);
  }

  app.get('/sdk.js', (request, reply) => send(request, reply, 'public, max-age=300, stale-while-revalidate=86400'));
  app.get<{ Params: { version: string } }>('/sdk/:version/holdfast.js', (request, reply) => {
    if (request.params.version !== version) throw new Errors.NotFound(`SDK version ${request.params.version} (this collector serves ${version})`);
    return send(request, reply, 'public, max-age=31536000, immutable');
  });

  // The snippet for a project, as the README and examples show it (write keys are public).
  app.get<{ Querystring: { writeKey?: string } }>('/snippet', async (request, reply) => {
    const key = request.query.writeKey ?? '';
    if (!app.projects.byWrite(key)) throw new Errors.UnknownWriteKey();
    const host = `${request.protocol}://${request.host}`;
    return reply.type('text/plain; charset=utf-8').send(snippet(host, key) + '\n');
  });
}
