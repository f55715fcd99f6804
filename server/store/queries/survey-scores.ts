// Survey responses counted by month and by account, for NPS and CSAT.
import type { Range } from '../../analytics/range.js';
import { USER_KEY } from '../rollups.js';
import type { Store } from '../types.js';
import type { Source } from './activity.js';

export interface ScoreCounts {
  month: string;
  account_id: string;
  /** NPS: promoters 9-10, passives 7-8, detractors 0-6. CSAT: high = 4-5. */
  high: number;
  mid: number;
  low: number;
  responses: number;
}

export interface Comment {
  timestamp: string;
  account_id: string;
  user_key: string;
  score: number;
  comment: string;
}

export async function surveyScores(store: Store, projectId: string, type: 'nps' | 'csat', range: Range, accountId: string | undefined, source: Source) {
  const db = store.database;
  const bands = type === 'nps' ? ['score >= 9', 'score >= 7 AND score < 9', 'score <= 6'] : ['score >= 4', 'score = 3', 'score <= 2'];
  const from =
    source === 'rollup'
      ? `(SELECT timestamp, account_id, user_key, score, comment FROM ${db}.survey_responses FINAL WHERE project_id = {p:String} AND survey_type = {t:String})`
      : `(SELECT timestamp, account_id, ${USER_KEY} AS user_key, JSONExtractFloat(properties, 'score') AS score, JSONExtractString(properties, 'comment') AS comment
          FROM ${db}.events WHERE project_id = {p:String} AND type = 'track' AND event = 'Survey Responded' AND JSONExtractString(properties, 'survey_type') = {t:String})`;
  const where = `toDate(timestamp) BETWEEN {from:Date} AND {to:Date}${accountId ? ' AND account_id = {a:String}' : ''}`;
  const p = { p: projectId, t: type, from: range.from, to: range.to, a: accountId ?? '' };
  const [counts, comments] = await Promise.all([
    store.query<Record<string, string>>(
      `SELECT toString(toStartOfMonth(timestamp)) AS month, account_id, countIf(${bands[0]}) AS high, countIf(${bands[1]}) AS mid, countIf(${bands[2]}) AS low, count() AS responses
       FROM ${from} WHERE ${where} GROUP BY month, account_id ORDER BY month, account_id`,
      p,
    ),
    store.query<Comment>(
      `SELECT toString(timestamp) AS timestamp, account_id, user_key, score, comment FROM ${from} WHERE ${where} AND comment != '' ORDER BY timestamp DESC LIMIT 20`,
      p,
    ),
  ]);
  return {
    counts: counts.map((r) => ({ month: r.month.slice(0, 7), account_id: r.account_id, high: +r.high, mid: +r.mid, low: +r.low, responses: +r.responses })),
    comments: comments.map((c) => ({ ...c, score: Number(c.score) })),
  };
}
