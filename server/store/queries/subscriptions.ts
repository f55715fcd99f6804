// Billing state changes: written by POST subscriptions and the Stripe webhook, read for revenue and health.
import type { Change, Status } from '../../analytics/revenue.js';
import { chTime, fromChTime } from '../../ingest/to-row.js';
import type { Store } from '../types.js';

export interface SubscriptionChange {
  account_id: string;
  mrr: number;
  currency: string;
  status: Status;
  effective_at: number;
  change_id: string;
  source: 'api' | 'stripe';
}

export async function insertChanges(store: Store, projectId: string, changes: SubscriptionChange[]): Promise<void> {
  const now = chTime(Date.now());
  const rows = changes
    .map((c) =>
      JSON.stringify({
        project_id: projectId,
        account_id: c.account_id,
        effective_at: chTime(c.effective_at),
        change_id: c.change_id,
        mrr: c.mrr.toFixed(2),
        currency: c.currency,
        status: c.status,
        source: c.source,
        received_at: now,
      }),
    )
    .join('\n');
  // A fresh token: the same change sent again is collapsed by its change_id (ReplacingMergeTree), not here.
  await store.insertJsonRows('subscriptions', Buffer.from(rows + '\n'), `sub-${projectId}-${Date.now()}-${Math.random()}`);
}

export async function loadChanges(store: Store, projectId: string, before?: number): Promise<(Change & { currency: string })[]> {
  const rows = await store.query<{ account_id: string; at: string; mrr: string; status: Status; currency: string }>(
    `SELECT account_id, toString(effective_at) AS at, toString(mrr) AS mrr, status, currency
     FROM ${store.database}.subscriptions FINAL
     WHERE project_id = {p:String} ${before ? "AND effective_at < fromUnixTimestamp64Milli({b:Int64}, 'UTC')" : ''}
     ORDER BY account_id, effective_at, change_id`,
    { p: projectId, b: before ?? 0 },
  );
  return rows.map((r) => ({ account_id: r.account_id, effective_at: fromChTime(r.at), mrr: Number(r.mrr), status: r.status, currency: r.currency }));
}
