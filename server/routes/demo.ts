// The demo SaaS app (examples/demo) with the snippet for the demo project, so a newcomer sees Holdfast work
// in one command. Only served when a demo project is configured (HOLDFAST_DEMO_PROJECT, or the local demo).
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { Errors } from '../errors.js';
import { snippet } from '../../sdk/snippet.js';

const DIR = new URL('../../examples/demo/', import.meta.url);
const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'settings.html': 'text/html; charset=utf-8',
  'demo.js': 'application/javascript; charset=utf-8',
  'demo.css': 'text/css; charset=utf-8',
};

export default async function demoRoutes(app: FastifyInstance) {
  const projectId = app.config.env.HOLDFAST_DEMO_PROJECT;
  const project = projectId ? app.projects.get(projectId) : undefined;
  if (projectId && !project) throw new Error(`HOLDFAST_DEMO_PROJECT: no project "${projectId}" in the configuration`);
  if (!project) return;

  app.get('/', async (_request, reply) => reply.redirect('/demo/'));
  app.get<{ Params: { file?: string } }>('/demo/:file?', async (request, reply) => {
    const file = request.params.file || 'index.html';
    const type = FILES[file];
    if (!type) throw new Errors.NotFound(`/demo/${file}`);
    let body = await readFile(new URL(file, DIR), 'utf8');
    if (file.endsWith('.html')) {
      const host = `${request.protocol}://${request.host}`;
      body = body.replace('<!--holdfast-snippet-->', snippet(host, project.writeKey, { surveys: 1500 }));
    }
    return reply.type(type).header('cache-control', 'no-cache').send(body);
  });
}
