// The project file (HOLDFAST_CONFIG): the projects a collector serves and their keys.
import { z } from 'zod';
import { alertRuleSchema } from './alerts.js';
import { cancelFlowSchema, contactPolicySchema, surveySchema } from './surveys.js';

const origin = z
  .string()
  .refine((o) => o === '*' || /^https?:\/\/[^/\s]+$/.test(o), 'must be "*" or a scheme://host[:port] origin without a path');

export const projectSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be lowercase letters, digits, "-" or "_" (max 64)'),
    name: z.string().min(1).max(200).optional(),
    writeKey: z.string().min(16, 'must be at least 16 characters').max(200),
    secretKey: z.string().min(24, 'must be at least 24 characters').max(200),
    allowedOrigins: z.array(origin).default([]),
    coreFeatures: z.array(z.string().min(1)).default([]),
    storeIp: z.boolean().default(false),
    surveys: z.array(surveySchema).default([]),
    contactPolicy: contactPolicySchema.prefault({}),
    cancelFlow: cancelFlowSchema.prefault({}),
    alerts: z.array(alertRuleSchema).default([]),
    /** Signing secret of the Stripe webhook endpoint (whsec_...), to verify its events. */
    stripeWebhookSecret: z.string().min(8).optional(),
    /** Health-score weights (relative; re-weighted over the components that have data). */
    healthWeights: z
      .object({ usage: z.number().min(0), engagement: z.number().min(0), value: z.number().min(0), relationship: z.number().min(0) })
      .strict()
      .refine((w) => w.usage + w.engagement + w.value + w.relationship > 0, 'at least one weight must be positive')
      .default({ usage: 30, engagement: 25, value: 25, relationship: 20 }),
  })
  .strict();

export const projectFileSchema = z
  .object({ projects: z.array(projectSchema).min(1, 'must list at least one project') })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.projects.forEach((p, i) => {
      for (const [field, value] of [['id', p.id], ['writeKey', p.writeKey], ['secretKey', p.secretKey]] as const) {
        const k = `${field}:${value}`;
        // Keys are compared across fields too: a write key reused as a secret key would leak the secret.
        const any = `key:${value}`;
        if (seen.has(k) || (field !== 'id' && seen.has(any))) {
          ctx.addIssue({ code: 'custom', path: ['projects', i, field], message: `duplicate ${field}` });
        }
        seen.add(k);
        if (field !== 'id') seen.add(any);
      }
    });
  });

export type Project = z.infer<typeof projectSchema>;
