// The health score: weights, re-weighting of missing components, tiers and interventions, lifecycle.
import { describe, expect, it } from 'vitest';
import { health, tierOf } from '../../../server/analytics/health.js';
import { lifecycle } from '../../../server/analytics/lifecycle.js';

const activity = (events: number, users = 4) => ({ events, users, sessions: events / 5, minutes: events, logins: events / 5, tickets: 0 });
const base = { current: activity(300), previous: activity(300), userDays: 4 * 30 * 0.4, latestNps: 9, latestCsat: null, mrrNow: 100, mrr90: 100, coreUsed: 2, coreTotal: 2, daysSinceCsm: 10 };

describe('health score', () => {
  it('weights the components 30/25/25/20 by default', () => {
    const h = health(base);
    const by = Object.fromEntries(h.components.map((c) => [c.name, c]));
    expect(by.usage.score).toBe(100);
    expect(by.engagement.score).toBe(90);
    expect(by.value.score).toBe(85); // flat MRR 70, all core features 100
    expect(by.relationship.score).toBe(100);
    expect(h.score).toBe(Math.round((100 * 0.3 + 90 * 0.25 + 85 * 0.25 + 100 * 0.2) * 10) / 10);
    expect(h.tier).toBe('healthy');
  });

  it('re-weights over present components and flags the missing ones', () => {
    const h = health({ ...base, latestNps: null, daysSinceCsm: null });
    expect(h.missing).toEqual(['engagement', 'relationship']);
    expect(h.components.find((c) => c.name === 'usage')!.effective_weight).toBeCloseTo(30 / 55, 3);
    expect(h.score).toBe(Math.round(((100 * 30 + 85 * 25) / 55) * 10) / 10);
  });

  it('follows configured weights', () => {
    const h = health({ ...base, latestNps: 0 }, { usage: 0, engagement: 100, value: 0, relationship: 0 });
    expect(h.score).toBe(0);
    expect(h.tier).toBe('critical');
    expect(h.intervention).toBe('Executive escalation and a rescue plan');
  });

  it('maps scores to tiers at the documented boundaries', () => {
    expect([100, 80, 79.9, 60, 59.9, 40, 39.9, 0].map(tierOf)).toEqual(['healthy', 'healthy', 'needs_attention', 'needs_attention', 'at_risk', 'at_risk', 'critical', 'critical']);
  });

  it('places accounts in their lifecycle stage', () => {
    expect(lifecycle('2026-03-01', undefined, '2026-03-20').stage).toBe('onboarding');
    expect(lifecycle('2026-01-01', undefined, '2026-03-01').stage).toBe('early_success');
    expect(lifecycle('2025-01-01', undefined, '2026-03-01').stage).toBe('growth');
    expect(lifecycle('2025-01-01', '2026-04-15', '2026-03-01')).toEqual({ stage: 'renewal_prep', account_age_days: 424, days_to_renewal: 45 });
  });
});
