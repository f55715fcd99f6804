// Validates a request's messages, collecting field-level errors with their paths (e.g. "batch.3.userId").
import type { z, ZodError, ZodType } from 'zod';
import { validationError, type FieldError } from '../errors.js';
import { messageSchema, type Message } from '../schema/message.js';

/** Segment's per-message limit. */
export const MAX_MESSAGE_BYTES = 32 * 1024;

/** Parses input with a schema, or throws the documented 400 naming each field at fault. */
export function parseOrThrow<T extends ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(zodErrors(r.error, ''));
  return r.data;
}

export function zodErrors(err: ZodError, prefix: string): FieldError[] {
  return err.issues.map((i) => ({ path: [prefix, ...i.path].filter((p) => p !== '').join('.'), message: i.message }));
}

export function validateMessages(raw: unknown[], prefix: (i: number) => string): { messages: Message[]; errors: FieldError[] } {
  const messages: Message[] = [];
  const errors: FieldError[] = [];
  raw.forEach((m, i) => {
    const r = messageSchema.safeParse(m);
    if (r.success) messages.push(r.data);
    else errors.push(...zodErrors(r.error, prefix(i)));
  });
  return { messages, errors };
}
