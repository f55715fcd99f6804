// Serves the browser bundles: /sdk.js (what the snippet loads; cached briefly so upgrades reach pages),
// /sdk/<version>/holdfast.js (immutable, for pinning), /widgets/* (loaded by the SDK when a widget is due),
// and the snippet for a project.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Errors } from '../errors.js';
import { snippet } from '../../sdk/snippet.js';
import { VERSION } from '../version.js';

const DIST = new URL('../../dist/', import.meta.url);
const SHORT = 'public, max-age=300, stale-while-revalidate=86400';
const WIDGET_FILE = /^(widgets|locale-(fi|sv|pl|zh))\.js$/;

interface Asset {
  body: Buffer;
  etag: string;
}

export default async function assetRoutes(app: FastifyInstance) {
  const version = VERSION;
  const cache = new Map<string, Asset>();

  async function asset(path: string): Promise<Asset> {
    const hit = cache.get(path);
    if (hit) return hit;
    const body = await readFile(new URL(path, DIST)).catch(() => {
      throw new Errors.AssetMissing(`dist/${path}`);
    });
    const a = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 20)}"` };
    cache.set(path, a);
    return a;
  }

  async function send(request: FastifyRequest, reply: FastifyReply, path: string, cacheControl: string) {
    const a = await asset(path);
    reply.header('content-type', 'application/javascript; charset=utf-8').header('cache-control', cacheControl).header('etag', a.etag);
    if (request.headers['if-none-match'] === a.etag) return reply.status(304).send();
    return reply.send(a.body);
  }

  app.get('/sdk.js', (request, reply) => send(request, reply, 'sdk/holdfast.js', SHORT));
  app.get<{ Params: { version: string } }>('/sdk/:version/holdfast.js', (request, reply) => {
    if (request.params.version !== version) throw new Errors.NotFound(`SDK version ${request.params.version} (this collector serves ${version})`);
    return send(request, reply, 'sdk/holdfast.js', 'public, max-age=31536000, immutable');
  });
  app.get<{ Params: { file: string } }>('/widgets/:file', (request, reply) => {
    if (!WIDGET_FILE.test(request.params.file)) throw new Errors.NotFound(`/widgets/${request.params.file}`);
    return send(request, reply, `widgets/${request.params.file}`, SHORT);
  });

  // The snippet for a project, as the README and examples show it (write keys are public).
  app.get<{ Querystring: { writeKey?: string } }>('/snippet', async (request, reply) => {
    const key = request.query.writeKey ?? '';
    if (!app.projects.byWrite(key)) throw new Errors.UnknownWriteKey();
    const host = `${request.protocol}://${request.host}`;
    return reply.type('text/plain; charset=utf-8').send(snippet(host, key) + '\n');
  });
}
