// What the SDK asks before showing a widget: the survey to show now (if any), one survey by id, and the
// cancel flow's reasons, offers and holdout assignment. Write key auth, like ingestion.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Errors, validationError } from '../errors.js';
import { parseOrThrow } from '../ingest/validate.js';
import { authenticateWrite } from '../plugins/auth.js';
import type { Project } from '../schema/project.js';
import type { Survey } from '../schema/surveys.js';
import { surveyHistory } from '../store/queries/survey-history.js';
import { decide } from '../surveys/eligibility.js';
import { inSample } from '../surveys/sampling.js';

const id = z.string().min(1).max(256);
export const askerSchema = z.object({
  writeKey: z.string().optional(),
  userId: id.optional(),
  anonymousId: id.optional(),
  accountId: id.optional(),
  event: z.string().min(1).max(200).optional(),
});

/** What a browser may know of a survey: no targeting. */
const publicSurvey = (s: Survey) => ({ id: s.id, type: s.type, question: s.question, style: s.style });

export default async function surveyRoutes(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    await app.limitBy(request, 'ip');
    reply.header('cache-control', 'no-store');
  });

  function asker(request: FastifyRequest): { project: Project; q: z.infer<typeof askerSchema> } {
    const project = authenticateWrite(request, app.projects, (request.query as { writeKey?: unknown }).writeKey);
    return { project, q: parseOrThrow(askerSchema, request.query) };
  }

  app.get('/v1/surveys/next', async (request) => {
    const { project, q } = asker(request);
    await app.limitBy(request, 'key');
    const triggers = [...new Set(project.surveys.flatMap((s) => (s.targeting.triggerEvent ? [s.targeting.triggerEvent] : [])))];
    if (!q.userId && !q.anonymousId) throw validationError([{ path: 'userId', message: 'userId or anonymousId is required' }]);
    const history = await surveyHistory(app.store, project.id, q, q.accountId);
    const d = decide(project.surveys, project.contactPolicy, history, q);
    return d.survey ? { survey: publicSurvey(d.survey), triggers } : { survey: null, reason: d.reason, triggers };
  });

  app.get<{ Params: { surveyId: string } }>('/v1/surveys/:surveyId', async (request) => {
    const { project } = asker(request);
    const survey = project.surveys.find((s) => s.id === request.params.surveyId);
    if (!survey) throw new Errors.NotFound(`survey ${request.params.surveyId}`);
    return { survey: publicSurvey(survey) };
  });

  app.get('/v1/cancel-flow', async (request) => {
    const { project, q } = asker(request);
    const flow = project.cancelFlow;
    const who = q.accountId ?? q.userId ?? q.anonymousId;
    if (!who) throw validationError([{ path: 'accountId', message: 'accountId, userId or anonymousId is required' }]);
    // By account, so that everyone in an account sees the same arm of the experiment.
    const holdout = inSample(`holdout:${project.id}:${who}`, flow.holdoutPercent);
    return {
      reasons: flow.reasons,
      offers: flow.offers,
      holdout,
      exitQuestions: flow.exitQuestions,
    };
  });
}
