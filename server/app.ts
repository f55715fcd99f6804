// The composition root: registers plugins and routes, never listens. Tests build it and call app.inject().
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { HoldfastConfig } from './config.js';
import { installErrorHandler } from './error-handler.js';
import { Errors } from './errors.js';
import './fastify-types.js';
import auth from './plugins/auth.js';
import cors from './plugins/cors.js';
import metrics from './plugins/metrics.js';
import rateLimit from './plugins/rate-limit.js';
import storage from './plugins/storage.js';
import ingestRoutes from './routes/ingest.js';
import opsRoutes from './routes/ops.js';
import assetRoutes from './routes/assets.js';
import surveyRoutes from './routes/surveys.js';
import demoRoutes from './routes/demo.js';
import projectRoutes from './routes/projects.js';
import { stripeRoutes } from './routes/billing.js';
import snapshots from './plugins/snapshots.js';
import docsRoutes from './routes/docs.js';
import dashboardRoutes from './routes/dashboard.js';
import alerts from './plugins/alerts.js';
import type { Store } from './store/types.js';

export interface BuildOptions {
  config: HoldfastConfig;
  /** Pino options or a logger instance; defaults to the config's LOG_LEVEL. */
  logger?: FastifyServerOptions['logger'];
  loggerInstance?: FastifyServerOptions['loggerInstance'];
  /** A store owned by the caller (see the storage plugin). */
  store?: Store;
}

/** Log paths that may hold secrets; pino replaces them. */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.writeKey',
  '*.secretKey',
  '*.password',
  '*.authorization',
];

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { env } = options.config;
  const app = Fastify({
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : { logger: options.logger ?? { level: env.LOG_LEVEL, redact: { paths: REDACT, censor: '[redacted]' } } }),
    bodyLimit: env.HOLDFAST_BODY_LIMIT,
    // Our own 503 with a code (below) instead of Fastify's bare one.
    return503OnClosing: false,
    // Errors raised before routing (a malformed URL) get a documented code too.
    frameworkErrors: (error, _request, reply) => {
      const err = new Errors.BadRequest(error.message);
      void (reply as FastifyReply).status(400).send({ code: err.code, message: err.message });
    },
    trustProxy: env.HOLDFAST_TRUST_PROXY,
    // Request logs at debug: at thousands of requests a second, info-level access logs cost more than ingestion.
    logController: new LogController({ disableRequestLogging: env.LOG_LEVEL !== 'debug' && env.LOG_LEVEL !== 'trace' }),
  });
  app.decorate('config', options.config);
  // Every route, as registered: the API docs are checked against it.
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD' && method !== 'OPTIONS') routeTable.push({ method, url: r.url });
  });
  let closing = false;
  app.addHook('preClose', async () => void (closing = true));
  app.addHook('onRequest', async () => {
    if (closing) throw new Errors.ShuttingDown();
  });
  await app.register(metrics);
  await app.register(auth);
  await app.register(cors);
  await app.register(rateLimit, {
    perIp: env.HOLDFAST_RATE_LIMIT_PER_IP,
    perKey: env.HOLDFAST_RATE_LIMIT_PER_KEY,
    windowMs: env.HOLDFAST_RATE_LIMIT_WINDOW_MS,
  });
  await app.register(storage, { store: options.store });
  await app.register(alerts);
  installErrorHandler(app, env.HOLDFAST_BODY_LIMIT);
  await app.register(opsRoutes);
  await app.register(ingestRoutes);
  await app.register(assetRoutes);
  await app.register(surveyRoutes);
  await app.register(demoRoutes);
  await app.register(projectRoutes, { prefix: '/v1/projects/:projectId' });
  await app.register(stripeRoutes);
  await app.register(docsRoutes);
  await app.register(dashboardRoutes);
  await app.register(snapshots);
  return app;
}
