// Module augmentation: Holdfast's decorators on Fastify itself.
import type { HoldfastConfig } from './config.js';
import type { IngestPipeline } from './ingest/pipeline.js';
import type { RecentIds } from './ingest/recent-ids.js';
import type { Metrics } from './plugins/metrics.js';
import type { ProjectRegistry } from './plugins/auth.js';
import type { Project } from './schema/project.js';
import type { Store } from './store/types.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: HoldfastConfig;
    routeTable: { method: string; url: string }[];
    store: Store;
    pipeline: IngestPipeline;
    recentIds: RecentIds;
    projects: ProjectRegistry;
    metrics: Metrics;
    /** Rejects with HF_ERR_RATE_LIMITED once the request's key is over its budget. */
    limitBy(request: FastifyRequest, kind: 'ip' | 'key'): Promise<void>;
  }
  interface FastifyRequest {
    project: Project | null;
  }
}
