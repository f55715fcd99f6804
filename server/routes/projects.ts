// Everything under /v1/projects/:projectId/ takes the project's secret key (Bearer).
import type { FastifyInstance } from 'fastify';
import { authenticateSecret } from '../plugins/secret-auth.js';
import accountRoutes from './accounts.js';
import analyticsRoutes from './analytics.js';
import { subscriptionRoutes } from './billing.js';
import privacyRoutes from './privacy.js';

export default async function projectRoutes(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    await app.limitBy(request, 'ip');
    authenticateSecret(request, app.projects, (request.params as { projectId: string }).projectId);
    reply.header('cache-control', 'private, no-store');
  });
  await app.register(analyticsRoutes);
  await app.register(accountRoutes);
  await app.register(subscriptionRoutes);
  await app.register(privacyRoutes);
}
