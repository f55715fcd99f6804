// Everything the account view needs, for every account of a project at once: activity in the last 30 days
// and the 30 before (from the rollups), core-feature use, the champion, survey answers, traits.
import { addDays } from '../../analytics/range.js';
import type { WindowActivity } from '../../analytics/signals.js';
import type { Store } from '../types.js';

export interface AccountRow {
  account_id: string;
  current: WindowActivity;
  previous: WindowActivity;
  userDays: number;
  firstDay: string | null;
  lastDay: string | null;
  lastCsm: string | null;
}

const n = (x: unknown) => Number(x ?? 0);
const day = (x: string | null | undefined) => (x && !x.startsWith('1970') ? x : null);

export async function accountFacts(store: Store, projectId: string, today: string, core: string[], accountId?: string) {
  const db = store.database;
  const cur = addDays(today, -29);
  const prev = addDays(today, -59);
  const one = accountId ? ' AND account_id = {a:String}' : '';
  const p = { p: projectId, cur, prev, today, core, a: accountId ?? '' };
  const win = (agg: string, col: string) =>
    `${agg}If(${col}, day >= {cur:Date}) AS ${col.replace(/\W/g, '')}_cur, ${agg}If(${col}, day < {cur:Date}) AS ${col.replace(/\W/g, '')}_prev`;
  const [activity, userDays, lifetime, features, champions, answers, traits] = await Promise.all([
    store.query<Record<string, string>>(
      `SELECT account_id, ${win('sum', 'events')}, ${win('uniqExactMerge', 'users')}, ${win('uniqExactMerge', 'sessions')},
              ${win('sum', 'session_ms')}, ${win('sum', 'logins')}, ${win('sum', 'tickets')}
       FROM ${db}.account_daily WHERE project_id = {p:String} AND day BETWEEN {prev:Date} AND {today:Date}${one} GROUP BY account_id`,
      p,
    ),
    store.query<{ account_id: string; ud: string }>(
      `SELECT account_id, sum(u) AS ud FROM (SELECT account_id, day, uniqExactMerge(users) AS u FROM ${db}.account_daily
       WHERE project_id = {p:String} AND day BETWEEN {cur:Date} AND {today:Date}${one} GROUP BY account_id, day) GROUP BY account_id`,
      p,
    ),
    store.query<{ account_id: string; first: string; last: string; csm: string }>(
      `SELECT account_id, toString(min(day)) AS first, toString(max(day)) AS last, toString(maxIf(day, csm_touches > 0)) AS csm
       FROM ${db}.account_daily WHERE project_id = {p:String} AND day <= {today:Date}${one} GROUP BY account_id`,
      p,
    ),
    core.length
      ? store.query<{ account_id: string; feature: string; last: string }>(
          `SELECT account_id, feature, toString(max(last_used)) AS last FROM ${db}.feature_daily
           WHERE project_id = {p:String} AND has({core:Array(String)}, feature) AND day <= {today:Date}${one} GROUP BY account_id, feature`,
          p,
        )
      : Promise.resolve([]),
    store.query<{ account_id: string; user: string; events: string; last: string }>(
      `SELECT account_id, argMax(user_key, e) AS user, max(e) AS events, toString(argMax(last, e)) AS last FROM (
         SELECT account_id, user_key, sum(events) AS e, max(day) AS last FROM ${db}.user_daily
         WHERE project_id = {p:String} AND account_id != '' AND day BETWEEN {prev:Date} AND {today:Date}${one} GROUP BY account_id, user_key)
       GROUP BY account_id`,
      p,
    ),
    store.query<{ account_id: string; survey_type: string; score: number; at: string }>(
      `SELECT account_id, survey_type, score, toString(timestamp) AS at FROM ${db}.survey_responses FINAL
       WHERE project_id = {p:String} AND account_id != '' AND toDate(timestamp) <= {today:Date}${one}
       ORDER BY timestamp DESC LIMIT 2 BY account_id, survey_type`,
      p,
    ),
    store.query<{ account_id: string; traits: string }>(
      `SELECT account_id, argMax(traits, updated_at) AS traits FROM ${db}.accounts WHERE project_id = {p:String}${one} GROUP BY account_id`,
      p,
    ),
  ]);
  const window = (r: Record<string, string> | undefined, w: 'cur' | 'prev'): WindowActivity => ({
    events: n(r?.[`events_${w}`]),
    users: n(r?.[`users_${w}`]),
    sessions: n(r?.[`sessions_${w}`]),
    minutes: Math.round(n(r?.[`session_ms_${w}`]) / 60_000),
    logins: n(r?.[`logins_${w}`]),
    tickets: n(r?.[`tickets_${w}`]),
  });
  const act = new Map(activity.map((r) => [r.account_id, r]));
  const ud = new Map(userDays.map((r) => [r.account_id, n(r.ud)]));
  const rows: AccountRow[] = lifetime.map((l) => ({
    account_id: l.account_id,
    current: window(act.get(l.account_id), 'cur'),
    previous: window(act.get(l.account_id), 'prev'),
    userDays: ud.get(l.account_id) ?? 0,
    firstDay: day(l.first),
    lastDay: day(l.last),
    lastCsm: day(l.csm),
  }));
  const group = <T extends { account_id: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) (m.get(x.account_id) ?? m.set(x.account_id, []).get(x.account_id)!).push(x);
    return m;
  };
  const parse = (s: string) => {
    try {
      return JSON.parse(s) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  return {
    rows,
    features: group(features),
    champions: new Map(champions.map((c) => [c.account_id, { user: c.user, events: n(c.events), last_active: c.last }])),
    answers: group(answers.map((a) => ({ ...a, score: Number(a.score) }))),
    traits: new Map(traits.map((t) => [t.account_id, parse(t.traits)])),
  };
}
