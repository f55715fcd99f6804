// Stripe subscription events mapped to Holdfast billing changes. MRR is the sum of the items' recurring
// prices times quantities, normalised to a month (discounts and taxes are not subtracted). Trials and
// incomplete subscriptions are not paying customers.
import type { SubscriptionChange } from '../store/queries/subscriptions.js';

interface StripeItem {
  quantity?: number | null;
  price?: { unit_amount?: number | null; currency?: string; recurring?: { interval?: string; interval_count?: number } | null } | null;
}

export interface StripeSubscription {
  id: string;
  customer: string | { id: string };
  status: string;
  items?: { data?: StripeItem[] };
  pause_collection?: unknown;
  metadata?: Record<string, string>;
  currency?: string;
}

const PER_MONTH: Record<string, number> = { month: 1, year: 1 / 12, week: 52 / 12, day: 365 / 12 };

export function monthlyAmount(items: StripeItem[]): number {
  let cents = 0;
  for (const it of items) {
    const rec = it.price?.recurring;
    if (!rec?.interval || !it.price?.unit_amount) continue;
    cents += (it.price.unit_amount * (it.quantity ?? 1) * (PER_MONTH[rec.interval] ?? 0)) / (rec.interval_count || 1);
  }
  return Math.round(cents) / 100;
}

export const HANDLED = ['customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted', 'customer.subscription.paused', 'customer.subscription.resumed'];

export function fromStripe(event: { id: string; type: string; created: number; data: { object: unknown } }, accountKey = 'account_id'): SubscriptionChange | null {
  if (!HANDLED.includes(event.type)) return null;
  const sub = event.data.object as StripeSubscription;
  const customer = typeof sub.customer === 'string' ? sub.customer : sub.customer?.id;
  const items = sub.items?.data ?? [];
  let status: SubscriptionChange['status'];
  if (event.type === 'customer.subscription.deleted' || ['canceled', 'unpaid', 'incomplete_expired', 'trialing', 'incomplete'].includes(sub.status)) status = 'canceled';
  else if (sub.status === 'paused' || sub.pause_collection) status = 'paused';
  else status = 'active';
  return {
    account_id: sub.metadata?.[accountKey] || customer,
    mrr: status === 'canceled' ? 0 : monthlyAmount(items),
    currency: (items[0]?.price?.currency ?? sub.currency ?? 'usd').toUpperCase(),
    status,
    effective_at: event.created * 1000,
    change_id: event.id,
    source: 'stripe',
  };
}
