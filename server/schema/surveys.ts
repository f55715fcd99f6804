// Survey definitions, the contact policy and the cancel flow, as a project's config declares them.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be lowercase letters, digits, "-" or "_"');
const traitValue = z.union([z.string(), z.number(), z.boolean()]);

export const targetingSchema = z
  .object({
    /** Only users the app has identified (default). */
    identifiedOnly: z.boolean().default(true),
    /** Days since the account was first seen. */
    minAccountAgeDays: z.number().int().min(0).default(0),
    /** Distinct days on which the user was active. */
    minDaysActive: z.number().int().min(0).default(0),
    /** Account traits (from group calls) that must match exactly. */
    accountTraits: z.record(z.string(), traitValue).default({}),
    /** Show only right after this event. */
    triggerEvent: z.string().min(1).optional(),
  })
  .strict();

export const surveySchema = z
  .object({
    id: slug,
    type: z.enum(['nps', 'csat']),
    /** Overrides the locale's standard question. */
    question: z.string().min(1).max(300).optional(),
    /** CSAT scale: stars or faces. */
    style: z.enum(['stars', 'faces']).default('stars'),
    targeting: targetingSchema.prefault({}),
    samplePercent: z.number().min(0).max(100).default(100),
    /** "once" per user ever, or again after N days. */
    frequency: z.union([z.literal('once'), z.object({ everyDays: z.number().int().min(1) }).strict()]).default('once'),
  })
  .strict();

export const contactPolicySchema = z
  .object({
    minDaysBetweenSurveys: z.number().min(0).default(14),
    npsEveryDays: z.number().min(0).default(90),
    /** A cancel flow started this recently, and not finished, silences surveys. */
    cancelFlowQuietHours: z.number().min(0).default(72),
  })
  .strict();

export const offerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('discount'), percent: z.number().min(1).max(100), months: z.number().int().min(1) }).strict(),
  z.object({ kind: z.literal('pause'), months: z.number().int().min(1).max(12) }).strict(),
  z.object({ kind: z.literal('downgrade'), plan: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('training') }).strict(),
  z.object({ kind: z.literal('success_plan') }).strict(),
  z.object({ kind: z.literal('executive_call') }).strict(),
]);

export const DEFAULT_OFFERS = {
  discount: { kind: 'discount', percent: 25, months: 3 },
  pause: { kind: 'pause', months: 2 },
  training: { kind: 'training' },
  success_plan: { kind: 'success_plan' },
  executive_call: { kind: 'executive_call' },
} as const;

/** The design's defaults: price -> discount or pause; value -> success plan; low usage or product -> training;
 * competitor -> executive call; closing -> pause. */
export const DEFAULT_REASONS = [
  { id: 'price', offers: ['discount', 'pause'] },
  { id: 'value', offers: ['success_plan'] },
  { id: 'low_usage', offers: ['training'] },
  { id: 'product', offers: ['training'] },
  { id: 'competitor', offers: ['executive_call'] },
  { id: 'closing', offers: ['pause'] },
  { id: 'other', offers: [] },
];

export const EXIT_QUESTIONS = ['different', 'destination', 'recommend', 'return'] as const;

export const cancelFlowSchema = z
  .object({
    reasons: z
      .array(z.object({ id: slug, label: z.string().min(1).max(120).optional(), offers: z.array(slug).max(3).default([]) }).strict())
      .min(1)
      .default(DEFAULT_REASONS),
    offers: z.record(slug, offerSchema).default({ ...DEFAULT_OFFERS }),
    /** Share of flows (by account) that see no offer, so the true save rate can be measured. */
    holdoutPercent: z.number().min(0).max(100).default(10),
    exitQuestions: z.array(z.enum(EXIT_QUESTIONS)).default([...EXIT_QUESTIONS]),
  })
  .strict()
  .superRefine((flow, ctx) => {
    flow.reasons.forEach((r, i) =>
      r.offers.forEach((o, j) => {
        if (!flow.offers[o]) ctx.addIssue({ code: 'custom', path: ['reasons', i, 'offers', j], message: `unknown offer "${o}"` });
      }),
    );
  });

export type Survey = z.infer<typeof surveySchema>;
export type ContactPolicy = z.infer<typeof contactPolicySchema>;
export type CancelFlowConfig = z.infer<typeof cancelFlowSchema>;
export type Offer = z.infer<typeof offerSchema>;
