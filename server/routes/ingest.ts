// Segment-compatible ingestion: /v1/batch and the single-message routes. JSON or text/plain bodies (text/plain
// spares browsers a CORS preflight). A reply of 200 means every row is on disk in the spool.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Errors, validationError, type FieldError } from '../errors.js';
import { SpoolFullError } from '../ingest/spool.js';
import { chTime, toRow } from '../ingest/to-row.js';
import { MAX_MESSAGE_BYTES, validateMessages, zodErrors } from '../ingest/validate.js';
import { authenticateWrite } from '../plugins/auth.js';
import { batchSchema, isPlainObject, messageTypes, type MessageType } from '../schema/message.js';

const OK = { success: true } as const;

function parseJson(_req: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void) {
  try {
    done(null, JSON.parse(body));
  } catch (e) {
    done(new Errors.InvalidJson((e as Error).message));
  }
}

const isObject = isPlainObject;

export default async function ingestRoutes(app: FastifyInstance) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, parseJson);
  // The per-IP budget is spent before the body is read; the per-key one once the key is known.
  app.addHook('onRequest', async (request) => app.limitBy(request, 'ip'));

  async function ingest(request: FastifyRequest, reply: FastifyReply, raw: unknown[], envelope: Record<string, unknown>, prefix: (i: number) => string) {
    const project = authenticateWrite(request, app.projects, envelope.writeKey);
    await app.limitBy(request, 'key');
    const { messages, errors } = validateMessages(raw, prefix);
    if (errors.length) throw validationError(errors);
    const receivedAt = Date.now();
    const info = {
      projectId: project.id,
      receivedAt,
      receivedAtText: chTime(receivedAt),
      sentAt: typeof envelope.sentAt === 'string' ? envelope.sentAt : undefined,
      context: isObject(envelope.context) ? envelope.context : undefined,
      userAgentHeader: request.headers['user-agent'],
      ip: request.ip,
      storeIp: project.storeIp,
    };
    const lines: string[] = [];
    const ids: string[] = [];
    const watched = project.alerts.length ? ([] as ReturnType<typeof toRow>[]) : null;
    const sizeErrors: FieldError[] = [];
    messages.forEach((m, i) => {
      const row = toRow(m, info);
      const line = JSON.stringify(row);
      if (line.length > MAX_MESSAGE_BYTES) {
        sizeErrors.push({ path: prefix(i), message: `message exceeds ${MAX_MESSAGE_BYTES} bytes` });
        return;
      }
      const id = `${project.id}:${row.message_id}`;
      if (app.recentIds.seen(id)) return void app.metrics.duplicates.inc();
      ids.push(id);
      lines.push(line);
      watched?.push(row);
    });
    if (sizeErrors.length) {
      app.recentIds.forget(ids);
      throw validationError(sizeErrors);
    }
    if (lines.length) {
      try {
        await app.pipeline.accept(Buffer.from(lines.join('\n') + '\n'), lines.length);
      } catch (e) {
        app.recentIds.forget(ids);
        if (e instanceof SpoolFullError) throw new Errors.SpoolFull();
        throw e;
      }
      app.metrics.accepted.inc({ project: project.id }, lines.length);
      if (watched) app.alerts.onRows(project, watched);
    }
    return reply.send(OK);
  }

  app.post('/v1/batch', async (request, reply) => {
    const parsed = batchSchema.safeParse(request.body);
    if (!parsed.success) {
      // An unknown key is a 401 even when the body is malformed: authenticate first if we can.
      if (isObject(request.body)) authenticateWrite(request, app.projects, request.body.writeKey);
      else authenticateWrite(request, app.projects, undefined);
      throw validationError(zodErrors(parsed.error, ''));
    }
    const { batch, ...envelope } = parsed.data;
    return ingest(request, reply, batch, envelope, (i) => `batch.${i}`);
  });

  for (const type of messageTypes) {
    app.post(`/v1/${type}`, async (request, reply) => {
      const body = request.body;
      if (!isObject(body)) {
        authenticateWrite(request, app.projects, undefined);
        throw validationError([{ path: '', message: 'body must be a JSON object' }]);
      }
      if (body.type !== undefined && body.type !== type) {
        throw validationError([{ path: 'type', message: `must be "${type}" on /v1/${type}` }]);
      }
      const { writeKey, ...message } = body;
      return ingest(request, reply, [{ ...message, type: type satisfies MessageType }], { writeKey }, () => '');
    });
  }
}
