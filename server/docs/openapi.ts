// The OpenAPI description of every route, with request schemas generated from the zod schemas that validate
// them (one source of truth) and an example for each.
import { z } from 'zod';
import { batchSchema, messageSchema } from '../schema/message.js';
import { subscriptionBatchSchema, subscriptionChangeSchema } from '../schema/billing.js';
import { rangeQuery } from '../analytics/range.js';
import { askerSchema } from '../routes/surveys.js';
import { metricsQuery } from '../routes/analytics.js';
import { accountListQuery } from '../routes/accounts.js';

type Auth = 'write' | 'secret' | 'stripe' | 'none';

interface RouteDoc {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  auth: Auth;
  tag: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  example?: unknown;
  response?: unknown;
}

const json = (s: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const track = { type: 'track', userId: 'user-42', event: 'Feature Used', properties: { feature: 'export' }, context: { groupId: 'acme' }, messageId: 'm-1', timestamp: '2026-11-23T10:00:00Z' };
const OK = { success: true };
const P = '/v1/projects/{projectId}';
const range = metricsQuery.extend(rangeQuery.shape);

export const ROUTES: RouteDoc[] = [
  { method: 'post', path: '/v1/batch', tag: 'Ingestion', auth: 'write', summary: 'Send a batch of Segment-format messages (JSON or text/plain)', body: batchSchema, example: { writeKey: '<write key>', batch: [track] }, response: OK },
  ...(['track', 'identify', 'group', 'page', 'screen', 'alias'] as const).map((type) => ({
    method: 'post' as const,
    path: `/v1/${type}`,
    tag: 'Ingestion',
    auth: 'write' as const,
    summary: `Send one ${type} message`,
    body: messageSchema,
    example: type === 'track' ? track : type === 'group' ? { userId: 'user-42', groupId: 'acme', traits: { plan: 'pro' } } : type === 'alias' ? { userId: 'user-42', previousId: 'anon-1' } : { userId: 'user-42', traits: { email: 'ada@example.com' } },
    response: OK,
  })),
  { method: 'get', path: '/v1/surveys/next', tag: 'Widgets', auth: 'write', summary: 'The survey due for a person now, if any', query: askerSchema, response: { survey: { id: 'nps-q4', type: 'nps', style: 'stars' }, triggers: ['Report Exported'] } },
  { method: 'get', path: '/v1/surveys/{surveyId}', tag: 'Widgets', auth: 'write', summary: 'One survey by id', query: askerSchema.pick({ writeKey: true }), response: { survey: { id: 'nps-q4', type: 'nps', style: 'stars' } } },
  { method: 'get', path: '/v1/cancel-flow', tag: 'Widgets', auth: 'write', summary: 'Cancel-flow reasons, offers and the holdout arm of an account', query: askerSchema, response: { reasons: [{ id: 'price', offers: ['discount', 'pause'] }], offers: { discount: { kind: 'discount', percent: 25, months: 3 } }, holdout: false, exitQuestions: ['different'] } },
  { method: 'get', path: `${P}/metrics/stickiness`, tag: 'Analytics', auth: 'secret', summary: 'DAU/MAU, daily DAU and the active-days histogram', query: range, response: { dau_mau: 0.42, mean_dau: 120.5, mau: 287, daily: [{ day: '2026-11-23', dau: 131 }], histogram: [{ days: 1, users: 40 }] } },
  { method: 'get', path: `${P}/metrics/features`, tag: 'Analytics', auth: 'secret', summary: 'Feature adoption', query: range, response: { active_accounts: 50, features: [{ feature: 'export', uses: 812, users: 90, accounts: 31, adoption_rate: 0.62, core: true }] } },
  { method: 'get', path: `${P}/metrics/nps`, tag: 'Analytics', auth: 'secret', summary: 'Net Promoter Score', query: range, response: { score: 30, responses: 10, promoters: 6, passives: 1, detractors: 3 } },
  { method: 'get', path: `${P}/metrics/csat`, tag: 'Analytics', auth: 'secret', summary: 'Customer satisfaction', query: range, response: { score: 75, responses: 4, satisfied: 3 } },
  { method: 'get', path: `${P}/metrics/revenue`, tag: 'Analytics', auth: 'secret', summary: 'MRR movements and revenue metrics for a month', query: z.object({ month: z.string().optional(), months: z.number().int().optional() }), response: { month: '2026-10', mrr_start: 50000, churned_mrr: 10000, logo_churn_rate: 0.02, nrr: 0.85 } },
  { method: 'get', path: `${P}/metrics/cancellations`, tag: 'Analytics', auth: 'secret', summary: 'Cancel-flow funnel, save rates and holdout lift', query: rangeQuery, response: { save_rate: 0.31, holdout: { lift: 0.12, ci95: [0.02, 0.22] } } },
  { method: 'get', path: `${P}/accounts`, tag: 'Accounts', auth: 'secret', summary: 'Accounts with health, tier, signals and intervention', query: accountListQuery, response: { total: 2, accounts: [{ account_id: 'acme', health: 38.5, tier: 'critical' }] } },
  { method: 'get', path: `${P}/accounts/{accountId}`, tag: 'Accounts', auth: 'secret', summary: 'One account, with its score history', response: { account_id: 'acme', health: 38.5, tier: 'critical', signals: [{ type: 'usage_drop' }], history: [] } },
  { method: 'post', path: `${P}/subscriptions`, tag: 'Billing', auth: 'secret', summary: 'Billing state changes (one, or { changes: [...] })', body: z.union([subscriptionChangeSchema, subscriptionBatchSchema]), example: { account_id: 'acme', mrr: 499, currency: 'EUR', status: 'active', effective_at: '2026-11-01T00:00:00Z' }, response: { accepted: 1 } },
  { method: 'post', path: `${P}/stripe/webhook`, tag: 'Billing', auth: 'stripe', summary: 'Stripe subscription events (Stripe-Signature checked)', response: { received: true, recorded: true } },
  { method: 'delete', path: `${P}/users/{userId}`, tag: 'Privacy', auth: 'secret', summary: "Erase a person's events, traits and answers", response: { erased: true, user_id: 'user-42', events: 314, anonymous_ids: 2, account_days_rebuilt: 40 } },
  { method: 'get', path: '/sdk.js', tag: 'Assets', auth: 'none', summary: 'The browser SDK (briefly cached)' },
  { method: 'get', path: '/sdk/{version}/holdfast.js', tag: 'Assets', auth: 'none', summary: 'The browser SDK of one version (immutable)' },
  { method: 'get', path: '/widgets/{file}', tag: 'Assets', auth: 'none', summary: 'The widgets bundle and its locale chunks' },
  { method: 'get', path: '/snippet', tag: 'Assets', auth: 'none', summary: 'The script-tag snippet for a write key', query: z.object({ writeKey: z.string() }) },
  { method: 'get', path: '/demo/{file}', tag: 'Demo', auth: 'none', summary: 'The demo app (when a demo project is configured)' },
  { method: 'get', path: '/', tag: 'Demo', auth: 'none', summary: 'Redirects to the demo app' },
  { method: 'get', path: '/dashboard', tag: 'Dashboard', auth: 'none', summary: 'The dashboard (signs in with the secret key)' },
  { method: 'get', path: '/dashboard/app.js', tag: 'Dashboard', auth: 'none', summary: 'The dashboard script' },
  { method: 'get', path: '/dashboard/app.css', tag: 'Dashboard', auth: 'none', summary: 'The dashboard stylesheet' },
  { method: 'get', path: '/healthz', tag: 'Operations', auth: 'none', summary: 'Liveness', response: { status: 'ok' } },
  { method: 'get', path: '/readyz', tag: 'Operations', auth: 'none', summary: 'Readiness: storage reachable, spool state' },
  { method: 'get', path: '/metrics', tag: 'Operations', auth: 'none', summary: 'Prometheus metrics' },
  { method: 'get', path: '/docs', tag: 'Operations', auth: 'none', summary: 'This description, readable' },
  { method: 'get', path: '/docs/openapi.json', tag: 'Operations', auth: 'none', summary: 'This description, as OpenAPI 3.1' },
];

const SECURITY: Record<Auth, unknown[]> = { write: [{ writeKey: [] }, { writeKeyInBody: [] }], secret: [{ secretKey: [] }], stripe: [{ stripeSignature: [] }], none: [] };

const errorSchema = { type: 'object', properties: { code: { type: 'string', example: 'HF_ERR_VALIDATION' }, message: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } } };

export function openapi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = r.query
      ? Object.entries((json(r.query) as { properties?: Record<string, unknown>; required?: string[] }).properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: (json(r.query!) as { required?: string[] }).required?.includes(name) ?? false, schema }))
      : [];
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: SECURITY[r.auth],
      parameters: [...params, ...query],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(r.body), example: r.example }, ...(r.auth === 'write' ? { 'text/plain': { schema: json(r.body), example: r.example } } : {}) } } } : {}),
      responses: {
        '200': { description: 'OK', ...(r.response ? { content: { 'application/json': { example: r.response } } } : {}) },
        '4XX': { description: 'Error with a documented HF_ERR_* code', content: { 'application/json': { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Holdfast', version, description: 'Retention telemetry for B2B SaaS: Segment-compatible ingestion, surveys and cancel flows, retention analytics.' },
    components: {
      securitySchemes: {
        writeKey: { type: 'http', scheme: 'basic', description: 'The write key as user name, empty password' },
        writeKeyInBody: { type: 'apiKey', in: 'query', name: 'writeKey', description: 'Or writeKey in the JSON body (browsers, beacons)' },
        secretKey: { type: 'http', scheme: 'bearer', description: "The project's secret key" },
        stripeSignature: { type: 'apiKey', in: 'header', name: 'Stripe-Signature' },
      },
    },
    paths,
  };
}
