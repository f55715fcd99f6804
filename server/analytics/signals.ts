// Usage-drop signals per account (DESIGN.md section 6), each with the numbers and dates behind it.

export interface WindowActivity {
  events: number;
  users: number;
  sessions: number;
  minutes: number;
  logins: number;
  tickets: number;
}

export interface AccountFacts {
  today: string;
  /** Last 30 days and the 30 days before. */
  current: WindowActivity;
  previous: WindowActivity;
  windows: { current: [string, string]; previous: [string, string] };
  /** Core features the project names, with the account's last use (null: never). */
  coreFeatures: Record<string, string | null>;
  /** The account's most active user over the 60 days, and their last active day. */
  champion: { user: string; events: number; last_active: string } | null;
  /** NPS responses from the account's users, newest first. */
  nps: { score: number; at: string }[];
}

export interface Signal {
  type: 'usage_drop' | 'login_drop' | 'core_features_unused' | 'champion_quiet' | 'support_tickets_rising' | 'nps_detractor' | 'nps_falling';
  severity: 'high' | 'medium';
  message: string;
  evidence: Record<string, unknown>;
}

export const DROP = 0.3;
const QUIET_DAYS = 14;
const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function signals(f: AccountFacts): Signal[] {
  const out: Signal[] = [];
  const dropped = (['events', 'users', 'sessions', 'minutes'] as const)
    .map((metric) => ({ metric, previous: f.previous[metric], current: f.current[metric] }))
    .filter((d) => d.previous > 0 && (d.previous - d.current) / d.previous >= DROP)
    .map((d) => ({ ...d, change: Math.round(((d.current - d.previous) / d.previous) * 1000) / 1000 }));
  if (dropped.length) {
    out.push({
      type: 'usage_drop',
      severity: dropped.some((d) => d.change <= -0.6) ? 'high' : 'medium',
      message: `Activity down against the previous 30 days: ${dropped.map((d) => `${d.metric} ${pct(d.change)}`).join(', ')}`,
      evidence: { windows: f.windows, metrics: dropped },
    });
  }
  if (f.previous.logins > 0 && (f.previous.logins - f.current.logins) / f.previous.logins >= DROP) {
    out.push({
      type: 'login_drop',
      severity: 'medium',
      message: `Logins less frequent: ${f.current.logins} in the last 30 days against ${f.previous.logins} before`,
      evidence: { windows: f.windows, previous: f.previous.logins, current: f.current.logins },
    });
  }
  const unused = Object.entries(f.coreFeatures).filter(([, last]) => !last || daysBetween(last.slice(0, 10), f.today) > QUIET_DAYS);
  if (unused.length && Object.keys(f.coreFeatures).length) {
    out.push({
      type: 'core_features_unused',
      severity: unused.length === Object.keys(f.coreFeatures).length ? 'high' : 'medium',
      message: `Core features not used in the last ${QUIET_DAYS} days: ${unused.map(([k]) => k).join(', ')}`,
      evidence: { features: unused.map(([feature, last_used]) => ({ feature, last_used })) },
    });
  }
  if (f.champion && daysBetween(f.champion.last_active, f.today) >= QUIET_DAYS) {
    out.push({
      type: 'champion_quiet',
      severity: 'high',
      message: `The most active user (${f.champion.user}) has been quiet for ${daysBetween(f.champion.last_active, f.today)} days`,
      evidence: f.champion,
    });
  }
  if (f.current.tickets >= 2 && f.current.tickets > f.previous.tickets) {
    out.push({
      type: 'support_tickets_rising',
      severity: f.current.tickets >= 2 * Math.max(1, f.previous.tickets) ? 'high' : 'medium',
      message: `Support tickets rising: ${f.current.tickets} in the last 30 days against ${f.previous.tickets} before`,
      evidence: { windows: f.windows, previous: f.previous.tickets, current: f.current.tickets },
    });
  }
  const [latest, before] = f.nps;
  if (latest && latest.score < 6) {
    out.push({ type: 'nps_detractor', severity: 'high', message: `Latest NPS answer is ${latest.score}`, evidence: { latest } });
  } else if (latest && before && latest.score <= before.score - 2) {
    out.push({ type: 'nps_falling', severity: 'medium', message: `NPS fell from ${before.score} to ${latest.score}`, evidence: { latest, previous: before } });
  }
  return out;
}
