// Which alerts fire: account transitions (a tier entered, a signal started) against the last state each rule
// saw, and events as they are accepted (a detractor answer, a completed cancellation).
import type { AccountView } from '../analytics/accounts.js';
import type { AlertRule } from '../schema/alerts.js';
import type { EventRow } from '../ingest/to-row.js';
import type { Alert } from './deliver.js';

const label = (v: AccountView) => (v.name ? `${v.name} (${v.account_id})` : v.account_id);
const TIER_NAMES: Record<string, string> = { healthy: 'healthy', needs_attention: 'needs attention', at_risk: 'at risk', critical: 'critical' };

export function accountAlerts(rule: AlertRule, views: AccountView[], prev: Map<string, string>, day: string) {
  const alerts: Alert[] = [];
  const states: [string, string][] = [];
  for (const v of views) {
    const before = prev.get(v.account_id);
    if (rule.on === 'tier_entered') {
      if (before === v.tier) continue;
      states.push([v.account_id, v.tier]);
      if (rule.tiers.includes(v.tier))
        alerts.push({
          rule,
          id: `${rule.id}:${v.account_id}:${v.tier}:${day}`,
          payload: { type: 'tier_entered', account_id: v.account_id, name: v.name, tier: v.tier, previous_tier: before ?? null, health: v.health, intervention: v.intervention, signals: v.signals.map((s) => s.type) },
          text: `${label(v)} entered ${TIER_NAMES[v.tier]}: health ${v.health}${before ? ` (was ${TIER_NAMES[before] ?? before})` : ''}. Recommended: ${v.intervention}.`,
        });
    } else if (rule.on === 'signal') {
      const active = v.signals.filter((s) => !rule.signals || rule.signals.includes(s.type));
      const now = active.map((s) => s.type).sort().join(',');
      if (now === (before ?? '')) continue;
      states.push([v.account_id, now]);
      const had = new Set((before ?? '').split(',').filter(Boolean));
      for (const s of active.filter((x) => !had.has(x.type)))
        alerts.push({
          rule,
          id: `${rule.id}:${v.account_id}:${s.type}:${day}`,
          payload: { type: 'signal', account_id: v.account_id, name: v.name, signal: s, health: v.health, tier: v.tier },
          text: `${label(v)}: ${s.message}.`,
        });
    }
  }
  return { alerts, states };
}

export function eventAlerts(rule: AlertRule, projectId: string, rows: EventRow[]): Alert[] {
  const out: Alert[] = [];
  for (const r of rows) {
    if (r.type !== 'track') continue;
    const props = r.properties as Record<string, unknown>;
    const who = r.user_id || r.anonymous_id;
    if (rule.on === 'detractor' && r.event === 'Survey Responded' && props.survey_type === 'nps' && typeof props.score === 'number' && props.score <= rule.maxScore) {
      const comment = typeof props.comment === 'string' ? props.comment : '';
      out.push({
        rule,
        id: `${rule.id}:${r.message_id}`,
        payload: { type: 'detractor', project_id: projectId, account_id: r.account_id || null, user_id: who, score: props.score, comment: comment || null, at: r.timestamp },
        text: `NPS ${props.score} from ${who}${r.account_id ? ` (${r.account_id})` : ''}${comment ? `: "${comment}"` : ''}`,
      });
    } else if (rule.on === 'cancellation' && r.event === 'Cancellation Completed') {
      out.push({
        rule,
        id: `${rule.id}:${r.message_id}`,
        payload: { type: 'cancellation', project_id: projectId, account_id: r.account_id || null, user_id: who, reason: props.reason ?? null, answers: props, at: r.timestamp },
        text: `${r.account_id || who} cancelled${props.reason ? ` (reason: ${props.reason})` : ''}`,
      });
    }
  }
  return out;
}
