// Which survey, if any, a person should see now: targeting, sampling, per-survey frequency and the global
// contact policy, decided from stored history so that every device gets the same answer.
import type { SurveyHistory } from '../store/queries/survey-history.js';
import type { ContactPolicy, Survey } from '../schema/surveys.js';
import { inSample } from './sampling.js';

export interface Asker {
  userId?: string;
  anonymousId?: string;
  accountId?: string;
  /** The event that just happened, for surveys with a trigger. */
  event?: string;
}

export type Decision = { survey: Survey; reason?: undefined } | { survey: null; reason: string };

const DAY = 86_400_000;

export function decide(surveys: Survey[], policy: ContactPolicy, h: SurveyHistory, who: Asker, now = Date.now()): Decision {
  if (!surveys.length) return { survey: null, reason: 'no_surveys' };
  if (h.openCancelFlow && now - h.openCancelFlow < policy.cancelFlowQuietHours * 3_600_000) return { survey: null, reason: 'cancel_flow_open' };
  if (h.lastAnySurvey && now - h.lastAnySurvey < policy.minDaysBetweenSurveys * DAY) return { survey: null, reason: 'contact_policy' };
  let reason = 'not_targeted';
  for (const s of surveys) {
    const why = reject(s, policy, h, who, now);
    if (!why) return { survey: s };
    reason = why;
  }
  return { survey: null, reason };
}

function reject(s: Survey, policy: ContactPolicy, h: SurveyHistory, who: Asker, now: number): string | null {
  const t = s.targeting;
  if (t.triggerEvent ? who.event !== t.triggerEvent : who.event) return 'trigger';
  if (t.identifiedOnly && !who.userId) return 'not_identified';
  const last = h.shown.get(s.id);
  if (last && (s.frequency === 'once' || now - last < s.frequency.everyDays * DAY)) return 'frequency';
  if (s.type === 'nps' && h.lastNps && now - h.lastNps < policy.npsEveryDays * DAY) return 'nps_policy';
  if (t.minDaysActive > h.daysActive) return 'days_active';
  if (t.minAccountAgeDays > 0 && (!h.accountFirstSeen || now - h.accountFirstSeen < t.minAccountAgeDays * DAY)) return 'account_age';
  for (const [k, v] of Object.entries(t.accountTraits)) if (h.accountTraits[k] !== v) return 'account_traits';
  const person = who.userId ?? who.anonymousId ?? '';
  if (!inSample(`${s.id}:${person}`, s.samplePercent)) return 'sampled_out';
  return null;
}
