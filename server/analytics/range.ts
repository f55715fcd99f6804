// Date ranges of the analytics API: from/to as ISO dates (UTC), inclusive; default the last 30 days.
import { z } from 'zod';
import { validationError } from '../errors.js';
import { parseOrThrow } from '../ingest/validate.js';

export interface Range {
  from: string;
  to: string;
  days: number;
}

const DAY = 86_400_000;
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
export const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const MAX_DAYS = 731;

export const rangeQuery = z.object({ from: date.optional(), to: date.optional() });

export function parseRange(query: unknown, now = Date.now()): Range {
  const q = parseOrThrow(rangeQuery.passthrough(), query);
  const to = q.to ?? iso(now);
  const from = q.from ?? iso(Date.parse(to) - 29 * DAY);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
  if (days < 1) throw validationError([{ path: 'from', message: 'must not be after to' }]);
  if (days > MAX_DAYS) throw validationError([{ path: 'from', message: `a range spans at most ${MAX_DAYS} days` }]);
  return { from, to, days };
}

export const addDays = (d: string, n: number) => iso(Date.parse(d) + n * DAY);
