// Billing through the API: POST subscriptions and the Stripe webhook, read back as revenue metrics.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { api, buildTestApp } from '../../helpers/server.js';

const post = (t: Awaited<ReturnType<typeof buildTestApp>>, body: unknown, key = t.project.secretKey) =>
  t.app.inject({ method: 'POST', url: `/v1/projects/${t.project.id}/subscriptions`, headers: { authorization: `Bearer ${key}` }, payload: body as object });

describe('billing API', () => {
  it('takes billing state changes and derives the month', async () => {
    const t = await buildTestApp();
    const changes = [
      { account_id: 'a', mrr: 100, status: 'active', effective_at: '2026-01-10T00:00:00Z' },
      { account_id: 'b', mrr: 200, status: 'active', effective_at: '2026-01-12T00:00:00Z' },
      { account_id: 'b', mrr: 0, status: 'canceled', effective_at: '2026-02-14T00:00:00Z' },
      { account_id: 'c', mrr: 50, status: 'active', effective_at: '2026-02-20T00:00:00Z', currency: 'usd' },
    ];
    const res = await post(t, { changes });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 4 });
    // Sent again (a retry): nothing counts twice.
    await post(t, { changes });
    const feb = await api(t, '/metrics/revenue?month=2026-02');
    expect(feb).toMatchObject({ month: '2026-02', mrr_start: 300, mrr_end: 150, churned_mrr: 200, new_mrr: 50, customers_start: 2, churned_customers: 1, logo_churn_rate: 0.5, currency: 'USD' });
    const series = await api(t, '/metrics/revenue?month=2026-02&months=2');
    expect(series.series.map((m: { month: string; new_mrr: number }) => [m.month, m.new_mrr])).toEqual([['2026-01', 300], ['2026-02', 50]]);
  });

  it('refuses bad changes with the field at fault', async () => {
    const t = await buildTestApp();
    const res = await post(t, { account_id: 'a', mrr: -5, status: 'maybe', effective_at: 'soon' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['effective_at', 'mrr', 'status']);
    expect((await api(t, '/metrics/revenue?month=2026-13', 400)).errors[0].path).toBe('month');
  });

  it('maps signed Stripe subscription events to the same movements, and refuses a bad signature', async () => {
    const secret = 'whsec_test_secret_123';
    const t = await buildTestApp({ project: { stripeWebhookSecret: secret } });
    const stripe = new Stripe('sk_test_unused');
    const send = (event: object, sign = secret) => {
      const payload = JSON.stringify(event);
      return t.app.inject({
        method: 'POST',
        url: `/v1/projects/${t.project.id}/stripe/webhook`,
        headers: { 'content-type': 'application/json', 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: sign }) },
        payload,
      });
    };
    const sub = (status: string, amount: number, interval = 'month') => ({
      id: 'sub_1',
      customer: 'cus_1',
      status,
      metadata: { account_id: 'acme' },
      items: { data: [{ quantity: 2, price: { unit_amount: amount, currency: 'eur', recurring: { interval, interval_count: 1 } } }] },
    });
    const created = Date.parse('2026-03-05T00:00:00Z') / 1000;
    expect((await send({ id: 'evt_1', type: 'customer.subscription.created', created, data: { object: sub('active', 4900) } })).json()).toEqual({ received: true, recorded: true });
    await send({ id: 'evt_2', type: 'customer.subscription.updated', created: created + 86400 * 30, data: { object: sub('active', 120000, 'year') } });
    await send({ id: 'evt_3', type: 'customer.subscription.deleted', created: created + 86400 * 60, data: { object: sub('canceled', 120000, 'year') } });
    expect((await send({ id: 'evt_4', type: 'invoice.paid', created, data: { object: {} } })).json()).toEqual({ received: true, recorded: false });
    const bad = await send({ id: 'evt_5', type: 'customer.subscription.deleted', created, data: { object: sub('canceled', 1) } }, 'whsec_wrong_secret');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('HF_ERR_INVALID_SIGNATURE');

    expect(await api(t, '/metrics/revenue?month=2026-03')).toMatchObject({ new_mrr: 98, currency: 'EUR' });
    expect(await api(t, '/metrics/revenue?month=2026-04')).toMatchObject({ mrr_start: 98, expansion_mrr: 200 - 98, mrr_end: 200 });
    expect(await api(t, '/metrics/revenue?month=2026-05')).toMatchObject({ churned_mrr: 200, churned_customers: 1, logo_churn_rate: 1 });
  });
});
