// Per-IP and per-write-key budgets (@fastify/rate-limit's limiter). Over budget: 429 with Retry-After.
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { Errors } from '../errors.js';

export interface RateLimitOptions {
  perIp: number;
  perKey: number;
  windowMs: number;
}

export default fp<RateLimitOptions>(
  async (app, opts) => {
    for (const [name, v] of Object.entries({ perIp: opts.perIp, perKey: opts.perKey, windowMs: opts.windowMs })) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`holdfast-rate-limit: ${name} must be a positive integer`);
    }
    await app.register(rateLimit, { global: false });
    const limiters = {
      ip: app.createRateLimit({ max: opts.perIp, timeWindow: opts.windowMs, keyGenerator: (r) => `ip:${r.ip}` }),
      key: app.createRateLimit({ max: opts.perKey, timeWindow: opts.windowMs, keyGenerator: (r) => `key:${r.project?.id}` }),
    };
    app.decorate('limitBy', async (request, kind) => {
      const res = await limiters[kind](request);
      if (res.isAllowed || !res.isExceeded) return;
      const seconds = Math.max(1, res.ttlInSeconds);
      const err = new Errors.RateLimited(`${seconds} s`) as Error & { headers?: Record<string, string> };
      err.headers = { 'retry-after': String(seconds) };
      throw err;
    });
  },
  { name: 'holdfast-rate-limit', fastify: '5.x', dependencies: ['holdfast-auth'] },
);
