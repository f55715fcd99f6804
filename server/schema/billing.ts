// Billing state changes, as POST /v1/projects/:id/subscriptions takes them (snake_case JSON).
import { z } from 'zod';
import { parseOrThrow } from '../ingest/validate.js';

export const subscriptionChangeSchema = z
  .object({
    account_id: z.string().min(1).max(256),
    mrr: z.number().min(0).max(1e12),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code').transform((c) => c.toUpperCase()).default('USD'),
    status: z.enum(['active', 'paused', 'canceled']),
    effective_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time'),
    /** Makes a retried call idempotent; defaults to a hash of the change. */
    change_id: z.string().min(1).max(256).optional(),
  })
  .strict();

export const subscriptionBatchSchema = z.object({ changes: z.array(subscriptionChangeSchema).min(1).max(10_000) }).strict();

/** One change, or { changes: [...] }: picked by shape so that errors name the field, not "no union matched". */
export function parseSubscriptionBody(body: unknown): SubscriptionChangeInput[] {
  if (body && typeof body === 'object' && 'changes' in body) return parseOrThrow(subscriptionBatchSchema, body).changes;
  return [parseOrThrow(subscriptionChangeSchema, body)];
}
export type SubscriptionChangeInput = z.infer<typeof subscriptionChangeSchema>;
