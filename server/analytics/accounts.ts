// The account view: health (score, tier, components), lifecycle stage, signals with evidence and the
// recommended intervention, for every account of a project or one of them.
import type { Project } from '../schema/project.js';
import { accountFacts } from '../store/queries/account-facts.js';
import { loadChanges } from '../store/queries/subscriptions.js';
import type { Store } from '../store/types.js';
import { health } from './health.js';
import { lifecycle } from './lifecycle.js';
import { addDays } from './range.js';
import { byAccount, stateAt } from './revenue.js';
import { signals, type AccountFacts } from './signals.js';

const DAY = 86_400_000;

export async function accountViews(store: Store, project: Project, today: string, accountId?: string) {
  const core = project.coreFeatures;
  const [facts, changes] = await Promise.all([accountFacts(store, project.id, today, core, accountId), loadChanges(store, project.id)]);
  const billing = byAccount(accountId ? changes.filter((c) => c.account_id === accountId) : changes);
  const end = Date.parse(today) + DAY;
  const ids = new Set([...facts.rows.map((r) => r.account_id), ...billing.keys()]);
  const rowsById = new Map(facts.rows.map((r) => [r.account_id, r]));
  const empty = { events: 0, users: 0, sessions: 0, minutes: 0, logins: 0, tickets: 0 };

  return [...ids].map((id) => {
    const r = rowsById.get(id) ?? { account_id: id, current: empty, previous: empty, userDays: 0, firstDay: null, lastDay: null, lastCsm: null };
    const traits = facts.traits.get(id) ?? {};
    const used = new Map((facts.features.get(id) ?? []).map((f) => [f.feature, f.last.startsWith('1970') ? null : f.last]));
    const answers = facts.answers.get(id) ?? [];
    const npsAnswers = answers.filter((a) => a.survey_type === 'nps').map((a) => ({ score: a.score, at: a.at }));
    const csatAnswers = answers.filter((a) => a.survey_type === 'csat');
    const subs = billing.get(id);
    const now = subs ? stateAt(subs, end) : undefined;
    const before = subs ? stateAt(subs, end - 90 * DAY) : undefined;
    const mrr = (s?: { status: string; mrr: number }) => (s?.status === 'active' ? s.mrr : 0);
    const af: AccountFacts = {
      today,
      current: r.current,
      previous: r.previous,
      windows: { current: [addDays(today, -29), today], previous: [addDays(today, -59), addDays(today, -30)] },
      coreFeatures: Object.fromEntries(core.map((f) => [f, used.get(f) ?? null])),
      champion: facts.champions.get(id) ?? null,
      nps: npsAnswers,
    };
    const coreUsed = core.filter((f) => {
      const last = used.get(f);
      return last && Date.parse(last.slice(0, 10)) >= Date.parse(addDays(today, -29));
    }).length;
    const h = health(
      {
        current: r.current,
        previous: r.previous,
        userDays: r.userDays,
        latestNps: npsAnswers[0]?.score ?? null,
        latestCsat: csatAnswers[0]?.score ?? null,
        mrrNow: subs ? mrr(now) : null,
        mrr90: subs ? mrr(before) : null,
        coreUsed,
        coreTotal: core.length,
        daysSinceCsm: r.lastCsm ? Math.round((Date.parse(today) - Date.parse(r.lastCsm)) / DAY) : null,
      },
      project.healthWeights,
    );
    const firstSeen = typeof traits.created_at === 'string' ? traits.created_at : r.firstDay;
    const change = r.previous.events ? Math.round(((r.current.events - r.previous.events) / r.previous.events) * 1000) / 1000 : null;
    return {
      account_id: id,
      name: typeof traits.name === 'string' ? traits.name : null,
      health: h.score,
      tier: h.tier,
      intervention: h.intervention,
      components: h.components,
      missing_components: h.missing,
      lifecycle: lifecycle(firstSeen, traits.renewal_date, today),
      mrr: subs ? mrr(now) : null,
      status: now?.status ?? null,
      activity: { current: r.current, previous: r.previous, events_change: change, last_active: r.lastDay },
      signals: signals(af),
    };
  });
}

export type AccountView = Awaited<ReturnType<typeof accountViews>>[number];
