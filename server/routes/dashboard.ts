// /dashboard: the built dashboard (dist/dashboard) with its stylesheet and uPlot's. It reads data only
// through the analytics API, with the secret key the user signs in with.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { Errors } from '../errors.js';

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Holdfast dashboard</title><link rel="stylesheet" href="/dashboard/app.css"></head><body><div id="app"></div><script src="/dashboard/app.js"></script></body></html>`;

export default async function dashboardRoutes(app: FastifyInstance) {
  const css = (await readFile(new URL('../dashboard/dashboard.css', import.meta.url), 'utf8')) + (await readFile(new URL('../../node_modules/uplot/dist/uPlot.min.css', import.meta.url), 'utf8'));
  let js: Buffer | undefined;
  app.get('/dashboard', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(HTML));
  app.get('/dashboard/app.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(css));
  app.get('/dashboard/app.js', async (_request, reply) => {
    js ??= await readFile(new URL('../../dist/dashboard/dashboard.js', import.meta.url)).catch(() => {
      throw new Errors.AssetMissing('dist/dashboard/dashboard.js');
    });
    return reply.type('application/javascript; charset=utf-8').header('cache-control', 'no-cache').send(js);
  });
}
