// The analytics API (secret key): stickiness, features, NPS, CSAT, revenue, cancellations.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseOrThrow } from '../ingest/validate.js';
import { cancellationReport } from '../analytics/cancellations.js';
import { addDays, parseRange } from '../analytics/range.js';
import { monthMetrics } from '../analytics/revenue.js';
import { summarise } from '../analytics/scores.js';
import { features, stickiness, type Source } from '../store/queries/activity.js';
import { cancelEvents } from '../store/queries/cancel-events.js';
import { surveyScores } from '../store/queries/survey-scores.js';
import { loadChanges } from '../store/queries/subscriptions.js';

export const metricsQuery = z.object({
  account_id: z.string().min(1).max(256).optional(),
  /** "raw" scans the events instead of the rollups (same answers; for checks and benchmarks). */
  source: z.enum(['rollup', 'raw']).default('rollup'),
});

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');

const parse = parseOrThrow;

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

export default async function analyticsRoutes(app: FastifyInstance) {
  type Req = { Params: { projectId: string }; Querystring: Record<string, string> };

  app.get<Req>('/metrics/stickiness', async (request) => {
    const range = parseRange(request.query);
    const q = parse(metricsQuery.passthrough(), request.query);
    const s = await stickiness(app.store, { projectId: request.project!.id, range, accountId: q.account_id }, q.source as Source);
    const byDay = new Map(s.daily.map((d) => [d.day, d.dau]));
    const daily = Array.from({ length: range.days }, (_, i) => addDays(range.from, i)).map((day) => ({ day, dau: byDay.get(day) ?? 0 }));
    const meanDau = daily.reduce((a, d) => a + d.dau, 0) / range.days;
    return {
      from: range.from,
      to: range.to,
      account_id: q.account_id ?? null,
      dau_mau: s.mau ? r4(meanDau / s.mau) : null,
      mean_dau: r4(meanDau),
      mau: s.mau,
      daily,
      histogram: s.histogram,
    };
  });

  app.get<Req>('/metrics/features', async (request) => {
    const range = parseRange(request.query);
    const q = parse(metricsQuery.passthrough(), request.query);
    const project = request.project!;
    const f = await features(app.store, { projectId: project.id, range, accountId: q.account_id }, q.source as Source);
    const rows = new Map(f.rows.map((r) => [r.feature, r]));
    // Core features appear even when nobody used them: that is the finding.
    for (const c of project.coreFeatures) if (!rows.has(c)) rows.set(c, { feature: c, uses: 0, users: 0, accounts: 0, first_used: null, last_used: null });
    return {
      from: range.from,
      to: range.to,
      active_accounts: f.activeAccounts,
      features: [...rows.values()]
        .map((r) => ({ ...r, core: project.coreFeatures.includes(r.feature), adoption_rate: f.activeAccounts ? r4(r.accounts / f.activeAccounts) : null }))
        .sort((a, b) => b.accounts - a.accounts || b.uses - a.uses || a.feature.localeCompare(b.feature)),
    };
  });

  for (const type of ['nps', 'csat'] as const) {
    app.get<Req>(`/metrics/${type}`, async (request) => {
      const range = parseRange(request.query);
      const q = parse(metricsQuery.passthrough(), request.query);
      const { counts, comments } = await surveyScores(app.store, request.project!.id, type, range, q.account_id, q.source as Source);
      return { from: range.from, to: range.to, ...summarise(type, counts), latest_comments: comments };
    });
  }

  app.get<Req>('/metrics/revenue', async (request) => {
    const q = parse(z.object({ month: month.optional(), months: z.coerce.number().int().min(1).max(36).default(1) }).passthrough(), request.query);
    const last = q.month ?? new Date().toISOString().slice(0, 7);
    const changes = await loadChanges(app.store, request.project!.id);
    const currencies = [...new Set(changes.map((c) => c.currency))];
    const months = Array.from({ length: q.months }, (_, i) => {
      const [y, m] = last.split('-').map(Number);
      const d = new Date(Date.UTC(y, m - 1 - (q.months - 1 - i), 1));
      return d.toISOString().slice(0, 7);
    });
    const series = months.map((mo) => monthMetrics(changes, mo));
    return { ...series.at(-1)!, currency: currencies.length === 1 ? currencies[0] : currencies.length ? currencies : null, series: q.months > 1 ? series : undefined };
  });

  app.get<Req>('/metrics/cancellations', async (request) => {
    const range = parseRange(request.query);
    const project = request.project!;
    const [events, changes] = await Promise.all([cancelEvents(app.store, project.id, range.from, addDays(range.to, 31)), loadChanges(app.store, project.id)]);
    return { from: range.from, to: range.to, ...cancellationReport(events, changes, range) };
  });
}
