// Accounts (secret key): health, tier, lifecycle, signals and intervention; sortable, paginated; one account
// with its score history.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Errors } from '../errors.js';
import { parseOrThrow } from '../ingest/validate.js';
import { accountViews, type AccountView } from '../analytics/accounts.js';
import { iso } from '../analytics/range.js';
import { latestViews, snapshotHistory } from '../store/queries/health-snapshots.js';
import { saveSnapshots } from '../analytics/snapshots.js';

export const accountListQuery = z.object({
  sort: z.enum(['health', 'mrr', 'drop', 'account_id']).default('health'),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  tier: z.enum(['healthy', 'needs_attention', 'at_risk', 'critical']).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Compute now instead of serving today's snapshot. */
  fresh: z.enum(['true', 'false', '1', '0']).optional(),
});

/** The list is served from a snapshot at most this old: at most one full computation a minute per project. */
export const SNAPSHOT_MAX_AGE_MS = 60_000;

const sortKey: Record<string, (a: AccountView) => number | string> = {
  health: (a) => a.health,
  mrr: (a) => a.mrr ?? -1,
  drop: (a) => a.activity.events_change ?? 0,
  account_id: (a) => a.account_id,
};

export default async function accountRoutes(app: FastifyInstance) {
  type Req = { Params: { projectId: string; accountId?: string }; Querystring: Record<string, string> };

  app.get<Req>('/accounts', async (request) => {
    const q = parseOrThrow(accountListQuery, request.query);
    const today = q.date ?? iso(Date.now());
    const project = request.project!;
    const fresh = q.fresh === 'true' || q.fresh === '1';
    // Computing every account takes a few hundred ms on large projects: today's list comes from a snapshot no
    // older than a minute, and a live computation refreshes that snapshot.
    const snap = !fresh && !q.date ? await latestViews<AccountView>(app.store, project.id, today, SNAPSHOT_MAX_AGE_MS) : null;
    let list = snap?.views ?? (await accountViews(app.store, project, today));
    const computedAt = snap?.taken_at ?? new Date().toISOString().slice(0, 23).replace('T', ' ');
    if (!snap && !q.date) await saveSnapshots(app.store, project.id, today, list);
    if (q.tier) list = list.filter((a) => a.tier === q.tier);
    // Worst first by default: lowest health, biggest drop; highest MRR first.
    const order = q.order ?? (q.sort === 'mrr' ? 'desc' : 'asc');
    const key = sortKey[q.sort];
    list.sort((a, b) => {
      const x = key(a), y = key(b);
      const c = x < y ? -1 : x > y ? 1 : a.account_id.localeCompare(b.account_id);
      return order === 'asc' ? c : -c;
    });
    return { date: today, computed_at: computedAt, from_snapshot: !!snap, total: list.length, offset: q.offset, limit: q.limit, sort: q.sort, order, accounts: list.slice(q.offset, q.offset + q.limit) };
  });

  app.get<Req>('/accounts/:accountId', async (request) => {
    const id = request.params.accountId!;
    const today = parseOrThrow(accountListQuery.pick({ date: true }), request.query).date ?? iso(Date.now());
    const [view] = await accountViews(app.store, request.project!, today, id);
    if (!view) throw new Errors.NotFound(`account ${id}`);
    return { date: today, ...view, history: await snapshotHistory(app.store, request.project!.id, id) };
  });
}
