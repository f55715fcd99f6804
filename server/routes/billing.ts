// Billing input: POST subscriptions (secret key) and the Stripe webhook (Stripe's signature).
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Stripe from 'stripe';
import { Errors } from '../errors.js';
import { fromStripe } from '../analytics/stripe.js';
import { parseSubscriptionBody } from '../schema/billing.js';
import { insertChanges, type SubscriptionChange } from '../store/queries/subscriptions.js';

export async function subscriptionRoutes(app: FastifyInstance) {
  app.post<{ Params: { projectId: string } }>('/subscriptions', async (request, reply) => {
    const list = parseSubscriptionBody(request.body);
    const changes: SubscriptionChange[] = list.map((c) => ({
      account_id: c.account_id,
      mrr: c.mrr,
      currency: c.currency,
      status: c.status,
      effective_at: Date.parse(c.effective_at),
      change_id: c.change_id ?? createHash('sha256').update(JSON.stringify(c)).digest('hex').slice(0, 32),
      source: 'api',
    }));
    await insertChanges(app.store, request.project!.id, changes);
    return reply.status(202).send({ accepted: changes.length });
  });
}

// The signature covers the exact bytes Stripe sent, so this route keeps the body raw.
export async function stripeRoutes(app: FastifyInstance) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const verifier = new Stripe('sk_unused_for_verification');

  app.post<{ Params: { projectId: string } }>('/v1/projects/:projectId/stripe/webhook', async (request) => {
    const project = app.projects.get(request.params.projectId);
    if (!project?.stripeWebhookSecret) throw new Errors.UnknownProject(request.params.projectId);
    let event: Stripe.Event;
    try {
      event = verifier.webhooks.constructEvent(request.body as Buffer, String(request.headers['stripe-signature'] ?? ''), project.stripeWebhookSecret);
    } catch {
      throw new Errors.InvalidSignature();
    }
    const change = fromStripe(event as unknown as Parameters<typeof fromStripe>[0]);
    if (change) await insertChanges(app.store, project.id, [change]);
    return { received: true, recorded: !!change };
  });
}
