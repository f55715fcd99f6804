// Operations: liveness, readiness (storage reachable, spool state) and Prometheus metrics.
import type { FastifyInstance } from 'fastify';

export default async function opsRoutes(app: FastifyInstance) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const storage = await app.store.ping().catch(() => false);
    const spool = app.pipeline.spool;
    const body = {
      status: storage && !spool.full ? 'ready' : 'unavailable',
      storage: { kind: app.store.kind, reachable: storage, inserting: app.pipeline.storageHealthy },
      spool: { bytes: spool.bytes, max_bytes: spool.maxBytes, sealed_segments: spool.sealed().length, full: spool.full },
    };
    return reply.status(body.status === 'ready' ? 200 : 503).send(body);
  });

  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });
}
