// Server-side APIs under /v1/projects/:projectId/ take the project's secret key as a Bearer token.
import type { FastifyRequest } from 'fastify';
import { Errors } from '../errors.js';
import type { ProjectRegistry } from './auth.js';
import type { Project } from '../schema/project.js';

export function authenticateSecret(request: FastifyRequest, registry: ProjectRegistry, projectId: string): Project {
  const header = request.headers.authorization;
  const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!key) throw new Errors.MissingSecretKey();
  const project = registry.get(projectId);
  const owner = registry.bySecretKey(key);
  // Same answer for an unknown project and a foreign key, so that keys cannot probe project ids.
  if (!owner || owner !== project) {
    if (!project && owner) throw new Errors.UnknownProject(projectId);
    throw new Errors.InvalidSecretKey(projectId);
  }
  request.project = project;
  return project;
}
