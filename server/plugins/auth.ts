// Projects and their keys: write keys for ingestion (Basic auth user name or "writeKey" in the body),
// secret keys for server-side APIs (Bearer). Origins are checked against each project's allowedOrigins.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Errors } from '../errors.js';
import type { Project } from '../schema/project.js';

// Secret keys are looked up by digest so that the lookup time does not depend on how much of a guess matched.
const digest = (s: string) => createHash('sha256').update(s).digest('base64');

export class ProjectRegistry {
  private readonly byWriteKey = new Map<string, Project>();
  private readonly bySecret = new Map<string, Project>();
  private readonly byId = new Map<string, Project>();

  constructor(readonly list: Project[]) {
    for (const p of list) {
      this.byWriteKey.set(p.writeKey, p);
      this.bySecret.set(digest(p.secretKey), p);
      this.byId.set(p.id, p);
    }
  }

  byWrite(key: string): Project | undefined {
    return this.byWriteKey.get(key);
  }

  bySecretKey(key: string): Project | undefined {
    return this.bySecret.get(digest(key));
  }

  get(id: string): Project | undefined {
    return this.byId.get(id);
  }

  /** True if any project accepts this origin: what CORS answers before the project is known. */
  anyAllows(origin: string): boolean {
    return this.list.some((p) => allowsOrigin(p, origin));
  }
}

export function allowsOrigin(project: Project, origin: string): boolean {
  return project.allowedOrigins.some((o) => o === '*' || o === origin);
}

/** The write key of a Segment-style request: HTTP Basic user name first, then the body's writeKey. */
export function writeKeyOf(request: FastifyRequest, bodyKey: unknown): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const user = decoded.split(':')[0];
    if (user) return user;
  }
  return typeof bodyKey === 'string' && bodyKey ? bodyKey : undefined;
}

/** Resolves the project of an ingestion request, or throws the documented 401/403. */
export function authenticateWrite(request: FastifyRequest, registry: ProjectRegistry, bodyKey: unknown): Project {
  const key = writeKeyOf(request, bodyKey);
  if (!key) throw new Errors.MissingWriteKey();
  const project = registry.byWrite(key);
  if (!project) throw new Errors.UnknownWriteKey();
  const origin = request.headers.origin;
  // Requests without an Origin come from servers, which CORS does not concern.
  if (origin && !allowsOrigin(project, origin)) throw new Errors.OriginNotAllowed(origin);
  request.project = project;
  return project;
}

export default fp(
  async (app) => {
    app.decorate('projects', new ProjectRegistry(app.config.projects));
    app.decorateRequest('project', null);
  },
  { name: 'holdfast-auth', fastify: '5.x' },
);
