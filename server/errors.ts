// The one catalogue of errors the API can return. Codes are stable and documented in README.md.
import createError from '@fastify/error';

export interface FieldError {
  path: string;
  message: string;
}

const def = (code: string, message: string, status: number) => createError(code, message, status);

export const Errors = {
  InvalidJson: def('HF_ERR_INVALID_JSON', 'Request body is not valid JSON: %s', 400),
  Validation: def('HF_ERR_VALIDATION', 'Request body failed validation', 400),
  MissingWriteKey: def('HF_ERR_MISSING_WRITE_KEY', 'No write key: send it as HTTP Basic user name or as "writeKey" in the body', 401),
  UnknownWriteKey: def('HF_ERR_UNKNOWN_WRITE_KEY', 'Unknown write key', 401),
  MissingSecretKey: def('HF_ERR_MISSING_SECRET_KEY', 'This API needs the project secret key as "Authorization: Bearer <secretKey>"', 401),
  InvalidSecretKey: def('HF_ERR_INVALID_SECRET_KEY', 'The secret key does not belong to project %s', 401),
  UnknownProject: def('HF_ERR_UNKNOWN_PROJECT', 'Project %s not found', 404),
  InvalidSignature: def('HF_ERR_INVALID_SIGNATURE', 'Webhook signature verification failed', 400),
  OriginNotAllowed: def('HF_ERR_ORIGIN_NOT_ALLOWED', 'Origin %s is not allowed for this project', 403),
  NotFound: def('HF_ERR_NOT_FOUND', 'Route %s not found', 404),
  PayloadTooLarge: def('HF_ERR_PAYLOAD_TOO_LARGE', 'Request body exceeds the limit of %s bytes', 413),
  UnsupportedMediaType: def('HF_ERR_UNSUPPORTED_MEDIA_TYPE', 'Content-Type %s is not supported; send application/json or text/plain', 415),
  RateLimited: def('HF_ERR_RATE_LIMITED', 'Too many requests; retry after %s', 429),
  SpoolFull: def('HF_ERR_SPOOL_FULL', 'The ingestion spool is full because storage is unavailable; retry later', 503),
  ShuttingDown: def('HF_ERR_SHUTTING_DOWN', 'The collector is shutting down; retry later', 503),
  AssetMissing: def('HF_ERR_ASSET_MISSING', 'The browser bundle %s is not built; run npm run build', 503),
  BadRequest: def('HF_ERR_BAD_REQUEST', 'Bad request: %s', 400),
  Internal: def('HF_ERR_INTERNAL', 'Internal server error', 500),
} as const;

/** Attaches field-level details to a validation error. */
export function validationError(errors: FieldError[]) {
  return Object.assign(new Errors.Validation(), { errors });
}

/** A documented list of every code, used by the docs and by tests. */
export const errorCodes = Object.values(Errors).map((E) => {
  const e = new E('x');
  return { code: e.code, status: e.statusCode ?? 500 };
});
