// Zod schemas of the wire format: Segment's HTTP tracking API. Types are derived from these.
import { z } from 'zod';

const MAX_ID = 256;
const id = z.union([z.string().min(1).max(MAX_ID), z.number().finite().transform(String)]);
const isoDate = z
  .string()
  .max(64)
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time');
export const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
// Free-form objects (properties, traits) are checked for shape only: copying every key through a record schema
// was the largest cost of validation at ingest rates.
const dict = z.custom<Record<string, unknown>>(isPlainObject, 'must be a JSON object');

const context = z
  .object({
    groupId: id.optional(),
    userAgent: z.string().max(2048).optional(),
    locale: z.string().max(64).optional(),
    ip: z.string().max(64).optional(),
    page: dict.optional(),
    library: dict.optional(),
  })
  .passthrough();

const common = {
  messageId: z.string().min(1).max(MAX_ID).optional(),
  timestamp: isoDate.optional(),
  originalTimestamp: isoDate.optional(),
  sentAt: isoDate.optional(),
  userId: id.nullish(),
  anonymousId: id.nullish(),
  context: context.optional(),
  integrations: dict.optional(),
};

const eventName = z.string().min(1).max(200);

const track = z.object({ ...common, type: z.literal('track'), event: eventName, properties: dict.optional() });
const identify = z.object({ ...common, type: z.literal('identify'), traits: dict.optional() });
const group = z.object({ ...common, type: z.literal('group'), groupId: id, traits: dict.optional() });
const page = z.object({
  ...common,
  type: z.literal('page'),
  name: z.string().max(200).optional(),
  category: z.string().max(200).optional(),
  properties: dict.optional(),
});
const screen = z.object({ ...common, type: z.literal('screen'), name: z.string().max(200).optional(), properties: dict.optional() });
const alias = z.object({ ...common, type: z.literal('alias'), previousId: id });

export const messageTypes = ['track', 'identify', 'group', 'page', 'screen', 'alias'] as const;
export type MessageType = (typeof messageTypes)[number];

export const messageSchema = z
  .discriminatedUnion('type', [track, identify, group, page, screen, alias])
  .superRefine((m, ctx) => {
    if (m.userId == null && m.anonymousId == null) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'userId or anonymousId is required' });
    }
    if (m.type === 'alias' && m.userId == null) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'alias needs userId' });
    }
  });

export type Message = z.infer<typeof messageSchema>;

/** Segment allows at most 2,500 messages per batch (500 KB); we keep the count limit. */
export const MAX_BATCH = 2500;

export const batchSchema = z.object({
  batch: z.array(z.unknown()).min(1, 'must hold at least one message').max(MAX_BATCH),
  sentAt: isoDate.optional(),
  context: context.optional(),
  writeKey: z.string().optional(),
  integrations: dict.optional(),
});

export type BatchEnvelope = z.infer<typeof batchSchema>;
