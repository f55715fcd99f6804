// Billing history and cancel flows that go with generated accounts: every account pays from its creation;
// some expand; declining accounts open the cancel flow, some are saved by an offer, some cancel.
import type { AccountPlan, Message } from './generate.js';
import { rng } from './random.js';

const DAY = 86_400_000;
const REASONS: [string, string[]][] = [
  ['price', ['discount', 'pause']],
  ['value', ['success_plan']],
  ['low_usage', ['training']],
  ['competitor', ['executive_call']],
  ['other', []],
];

export interface BillingChange {
  account_id: string;
  mrr: number;
  status: 'active' | 'paused' | 'canceled';
  effective_at: string;
  currency: string;
}

export function billingAndCancellations(plans: AccountPlan[], end: number, seed = 1) {
  const r = rng(seed * 31337);
  const changes: BillingChange[] = [];
  const messages: Message[] = [];
  const iso = (t: number) => new Date(t).toISOString();
  for (const a of plans) {
    changes.push({ account_id: a.id, mrr: a.mrr, status: 'active', effective_at: iso(a.createdAt), currency: 'EUR' });
    if (r.chance(0.25)) changes.push({ account_id: a.id, mrr: a.mrr * 2, status: 'active', effective_at: iso(end - r.int(20, 150) * DAY), currency: 'EUR' });
    if (!a.declining && !r.chance(0.05)) continue;
    const at = end - r.int(2, 80) * DAY;
    const user = a.users[0];
    const ctx = { groupId: a.id };
    const holdout = r.chance(0.15);
    const [reason, offers] = r.pick(REASONS);
    const t = (min: number) => iso(at + min * 60_000);
    messages.push({ type: 'track', event: 'Cancellation Started', userId: user, timestamp: t(0), properties: { holdout }, context: ctx });
    messages.push({ type: 'track', event: 'Cancellation Reason Selected', userId: user, timestamp: t(1), properties: { reason, holdout }, context: ctx });
    const shown = holdout ? [] : offers;
    for (const o of shown) messages.push({ type: 'track', event: 'Save Offer Shown', userId: user, timestamp: t(2), properties: { offer: o, offer_kind: o, reason }, context: ctx });
    if (shown.length && r.chance(0.45)) {
      messages.push({ type: 'track', event: 'Save Offer Accepted', userId: user, timestamp: t(3), properties: { offer: shown[0], offer_kind: shown[0], reason }, context: ctx });
      if (shown[0] === 'discount') changes.push({ account_id: a.id, mrr: Math.round(a.mrr * 0.75), status: 'active', effective_at: t(4), currency: 'EUR' });
      if (shown[0] === 'pause') changes.push({ account_id: a.id, mrr: a.mrr, status: 'paused', effective_at: t(4), currency: 'EUR' });
      continue;
    }
    if (shown.length) messages.push({ type: 'track', event: 'Save Offer Declined', userId: user, timestamp: t(3), properties: { offers: shown, reason }, context: ctx });
    if (r.chance(0.85)) {
      messages.push({ type: 'track', event: 'Cancellation Completed', userId: user, timestamp: t(5), properties: { reason, holdout, via: 'confirm' }, context: ctx });
      changes.push({ account_id: a.id, mrr: 0, status: 'canceled', effective_at: t(6), currency: 'EUR' });
    } else {
      messages.push({ type: 'track', event: 'Cancellation Abandoned', userId: user, timestamp: t(5), properties: { step: 'questions', reason, holdout }, context: ctx });
    }
  }
  return { changes, messages };
}
