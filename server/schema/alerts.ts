// Alert rules (playbooks) in the project file: what to watch and where to post it.
import { z } from 'zod';

const tiers = z.enum(['healthy', 'needs_attention', 'at_risk', 'critical']);
const signalTypes = z.enum(['usage_drop', 'login_drop', 'core_features_unused', 'champion_quiet', 'support_tickets_rising', 'nps_detractor', 'nps_falling']);

export const alertRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
    /** tier_entered: an account enters one of `tiers`; signal: a usage-drop signal starts; detractor: an NPS
     * answer of `maxScore` or less arrives; cancellation: a cancel flow completes. */
    on: z.enum(['tier_entered', 'signal', 'detractor', 'cancellation']),
    tiers: z.array(tiers).default(['at_risk', 'critical']),
    signals: z.array(signalTypes).optional(),
    maxScore: z.number().min(0).max(10).default(6),
    url: z.string().url(),
    /** Signs each body with HMAC-SHA256 (header X-Holdfast-Signature: sha256=<hex>). */
    secret: z.string().min(16).optional(),
    /** slack: a Slack-compatible { text } body instead of the JSON event. */
    format: z.enum(['json', 'slack']).default('json'),
  })
  .strict();

export type AlertRule = z.infer<typeof alertRuleSchema>;
