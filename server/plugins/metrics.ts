// Prometheus metrics, one registry per app so that several apps can live in one process (tests).
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PipelineObserver } from '../ingest/pipeline.js';

export function createMetrics() {
  const registry = new Registry();
  const m = {
    registry,
    accepted: new Counter({ name: 'holdfast_events_accepted_total', help: 'Events acknowledged to clients', labelNames: ['project'], registers: [registry] }),
    rejected: new Counter({ name: 'holdfast_requests_rejected_total', help: 'Requests answered with an error', labelNames: ['code'], registers: [registry] }),
    duplicates: new Counter({ name: 'holdfast_events_duplicate_total', help: 'Events dropped as recent duplicates by message id', registers: [registry] }),
    inserted: new Counter({ name: 'holdfast_events_inserted_total', help: 'Rows inserted into ClickHouse', registers: [registry] }),
    insertFailures: new Counter({ name: 'holdfast_insert_failures_total', help: 'Failed inserts (rows stay in the spool)', registers: [registry] }),
    insertSeconds: new Histogram({
      name: 'holdfast_insert_duration_seconds',
      help: 'Latency of one batched insert',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    spoolBytes: new Gauge({ name: 'holdfast_spool_bytes', help: 'Bytes waiting in the spool', registers: [registry] }),
    spoolSegments: new Gauge({ name: 'holdfast_spool_sealed_segments', help: 'Sealed segments waiting for insert', registers: [registry] }),
  };
  collectDefaultMetrics({ register: registry, prefix: 'holdfast_' });
  return m;
}

export type Metrics = ReturnType<typeof createMetrics>;

export function pipelineObserver(m: Metrics): PipelineObserver {
  return {
    inserted(rows, seconds) {
      m.inserted.inc(rows);
      m.insertSeconds.observe(seconds);
    },
    insertFailed: () => m.insertFailures.inc(),
    spoolChanged(bytes, segments) {
      m.spoolBytes.set(bytes);
      m.spoolSegments.set(segments);
    },
  };
}

export default fp(
  async (app) => {
    app.decorate('metrics', createMetrics());
  },
  { name: 'holdfast-metrics', fastify: '5.x' },
);
