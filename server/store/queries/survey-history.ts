// What a survey decision needs from stored history, for one person (any device) and their account.
import { fromChTime } from '../../ingest/to-row.js';
import type { Store } from '../types.js';

export interface SurveyHistory {
  /** survey id -> last time it was shown (ms) */
  shown: Map<string, number>;
  lastAnySurvey: number | null;
  lastNps: number | null;
  /** Start of a cancel flow not yet finished, if any. */
  openCancelFlow: number | null;
  daysActive: number;
  accountFirstSeen: number | null;
  accountTraits: Record<string, unknown>;
}

const ms = (t: string | null | undefined) => (t ? fromChTime(t) : null);

/** Person key: user_id when identified, otherwise anonymous_id. */
export async function surveyHistory(store: Store, projectId: string, person: { userId?: string; anonymousId?: string }, accountId?: string): Promise<SurveyHistory> {
  const db = store.database;
  const column = person.userId ? 'user_id' : 'anonymous_id';
  const key = person.userId ?? person.anonymousId ?? '';
  const params = { p: projectId, k: key, a: accountId ?? '' };
  const [shownRows, [activity], [account]] = await Promise.all([
    store.query<{ sid: string; stype: string; last: string }>(
      `SELECT JSONExtractString(properties, 'survey_id') AS sid, any(JSONExtractString(properties, 'survey_type')) AS stype,
              toString(max(timestamp)) AS last
       FROM ${db}.events
       WHERE project_id = {p:String} AND ${column} = {k:String} AND type = 'track' AND event = 'Survey Shown'
       GROUP BY sid`,
      params,
    ),
    store.query<{ days: string; started: string | null; finished: string | null }>(
      `SELECT uniqExact(toDate(timestamp)) AS days,
              toString(maxIf(timestamp, event = 'Cancellation Started')) AS started,
              toString(maxIf(timestamp, event IN ('Cancellation Completed', 'Save Offer Accepted', 'Cancellation Abandoned'))) AS finished
       FROM ${db}.events
       WHERE project_id = {p:String} AND ${column} = {k:String}`,
      params,
    ),
    accountId
      ? store.query<{ first: string | null; traits: string | null }>(
          `SELECT (SELECT toString(toDateTime(min(day), 'UTC')) FROM ${db}.account_daily WHERE project_id = {p:String} AND account_id = {a:String}) AS first,
                  (SELECT argMax(traits, updated_at) FROM ${db}.accounts WHERE project_id = {p:String} AND account_id = {a:String}) AS traits`,
          params,
        )
      : Promise.resolve([{ first: null, traits: null }]),
  ]);
  const shown = new Map(shownRows.map((r) => [r.sid, ms(r.last)!]));
  const times = [...shown.values()];
  const npsTimes = shownRows.filter((r) => r.stype === 'nps').map((r) => ms(r.last)!);
  const epoch = (t: number | null) => (t && t > 0 ? t : null);
  const started = epoch(ms(activity?.started));
  const finished = epoch(ms(activity?.finished));
  let traits: Record<string, unknown> = {};
  try {
    traits = account?.traits ? JSON.parse(account.traits) : {};
  } catch {
    traits = {};
  }
  return {
    shown,
    lastAnySurvey: times.length ? Math.max(...times) : null,
    lastNps: npsTimes.length ? Math.max(...npsTimes) : null,
    openCancelFlow: started && (!finished || finished < started) ? started : null,
    daysActive: Number(activity?.days ?? 0),
    accountFirstSeen: epoch(ms(account?.first)),
    accountTraits: traits,
  };
}
