// /docs: the OpenAPI description, as JSON and as a plain readable page (no external assets).
import type { FastifyInstance } from 'fastify';
import { openapi, ROUTES } from '../docs/openapi.js';
import { VERSION } from '../version.js';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export default async function docsRoutes(app: FastifyInstance) {
  const version = VERSION;
  const spec = openapi(version);
  app.get('/docs/openapi.json', async () => spec);
  app.get('/docs', async (_request, reply) => {
    const rows = ROUTES.map(
      (r) => `<tr><td><code>${r.method.toUpperCase()}</code></td><td><code>${esc(r.path)}</code></td><td>${esc(r.summary)}</td><td>${r.auth}</td></tr>`,
    ).join('');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Holdfast API</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}td{padding:.3rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}</style></head><body><h1>Holdfast API ${esc(version)}</h1><p>Machine-readable: <a href="/docs/openapi.json">OpenAPI 3.1</a>. Errors are <code>{ code, message, errors? }</code> with <code>HF_ERR_*</code> codes.</p><table>${rows}</table></body></html>`;
  });
}
