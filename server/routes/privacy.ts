// DELETE /v1/projects/:projectId/users/:userId — erase a person (secret key).
import type { FastifyInstance } from 'fastify';
import { erasePerson } from '../store/queries/erase.js';

export default async function privacyRoutes(app: FastifyInstance) {
  app.delete<{ Params: { projectId: string; userId: string } }>('/users/:userId', async (request) => {
    // Rows of this person still in the spool would come back after the erasure: insert them first.
    await app.pipeline.drain();
    const report = await erasePerson(app.store, request.project!.id, request.params.userId);
    request.log.info({ project: request.project!.id, events: report.events }, 'person erased');
    return { erased: true, user_id: request.params.userId, ...report };
  });
}
