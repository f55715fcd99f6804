// CORS for browsers: an origin is answered if some project allows it. The project itself is only known
// once the write key is read, so ingestion checks the origin against that project too (403 otherwise).
import cors from '@fastify/cors';
import fp from 'fastify-plugin';

export default fp(
  async (app) => {
    await app.register(cors, {
      origin: (origin, cb) => cb(null, !origin || app.projects.anyAllows(origin)),
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['Content-Type', 'Authorization'],
      maxAge: 86_400,
    });
  },
  { name: 'holdfast-cors', fastify: '5.x', dependencies: ['holdfast-auth'] },
);
