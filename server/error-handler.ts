// Every error leaves as { code, message, errors? } with a documented HF_ERR_* code; nothing internal leaks.
import type { FastifyError, FastifyInstance } from 'fastify';
import { Errors, type FieldError } from './errors.js';

type AnyError = FastifyError & { errors?: FieldError[]; headers?: Record<string, string> };

function translate(err: AnyError, bodyLimit: number): AnyError {
  if (err.code?.startsWith('HF_ERR_')) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Errors.PayloadTooLarge(bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Errors.UnsupportedMediaType('(missing or unsupported)');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Errors.InvalidJson('empty body');
  }
  if (err instanceof SyntaxError) return new Errors.InvalidJson(err.message);
  // Fastify's other client errors (bad content length, bad URL, ...) keep their meaning, with our code.
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new Errors.BadRequest(err.message);
  return new Errors.Internal();
}

export function installErrorHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: AnyError, request, reply) => {
    const err = translate(error, bodyLimit);
    const status = err.statusCode ?? 500;
    if (status >= 500 && err.code !== 'HF_ERR_SPOOL_FULL') request.log.error({ err: error }, 'request failed');
    app.metrics.rejected.inc({ code: err.code });
    if (err.headers) reply.headers(err.headers);
    return reply.status(status).send({ code: err.code, message: err.message, ...(err.errors ? { errors: err.errors } : {}) });
  });
  app.setNotFoundHandler((request, reply) => {
    const err = new Errors.NotFound(`${request.method} ${request.url.split('?')[0]}`);
    app.metrics.rejected.inc({ code: err.code });
    return reply.status(404).send({ code: err.code, message: err.message });
  });
}
