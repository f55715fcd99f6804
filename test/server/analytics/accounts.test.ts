// Accounts: signals fire on a declining account and stay quiet on a steady one; health, tiers, lifecycle,
// interventions, sorting and pagination, and the score history.
import { beforeAll, describe, expect, it } from 'vitest';
import { takeSnapshots } from '../../../server/analytics/snapshots.js';
import { api, buildTestApp, dateAgo, daysAgo, ingest, type TestApp } from '../../helpers/server.js';

/** 60 days of activity for an account: `perDay(daysAgo)` events per user per day. */
function history(account: string, users: string[], perDay: (ago: number, user: number) => number, features = ['reports', 'export']) {
  const out: Record<string, unknown>[] = [{ type: 'group', userId: users[0], groupId: account, timestamp: daysAgo(200), traits: { name: account, renewal_date: dateAgo(-45) } }];
  for (let ago = 59; ago >= 0; ago--) {
    users.forEach((u, ui) => {
      for (let k = 0; k < perDay(ago, ui); k++) {
        const ctx = { groupId: account, sessionId: `${u}-${ago}` };
        out.push({ userId: u, event: k === 0 ? 'Signed In' : 'Feature Used', properties: k === 0 ? {} : { feature: features[k % features.length] }, timestamp: daysAgo(ago + 0.5 - k / 100), context: ctx });
      }
    });
  }
  return out;
}

describe('accounts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp({ project: { coreFeatures: ['reports', 'export'] } });
    const steadyUsers = ['s1', 's2', 's3'];
    const decliningUsers = ['champ', 'd2', 'd3'];
    await ingest(t, [
      ...history('steady', steadyUsers, () => 3),
      // Declining: busy until 30 days ago, then a trickle; the champion stops 20 days ago; only "export" lately.
      ...history('declining', decliningUsers, (ago, ui) => (ui === 0 ? (ago > 20 ? 6 : 0) : ago >= 30 ? 3 : ago % 4 === 0 ? 2 : 0), ['reports', 'export']),
      ...[3, 9, 12].map((ago) => ({ userId: 'd2', event: 'Support Ticket Opened', timestamp: daysAgo(ago), context: { groupId: 'declining' } })),
      { userId: 'd2', event: 'Survey Responded', timestamp: daysAgo(40), properties: { survey_id: 'n', survey_type: 'nps', score: 9 }, context: { groupId: 'declining' } },
      { userId: 'd3', event: 'Survey Responded', timestamp: daysAgo(2), properties: { survey_id: 'n', survey_type: 'nps', score: 4 }, context: { groupId: 'declining' } },
      { userId: 's1', event: 'Survey Responded', timestamp: daysAgo(5), properties: { survey_id: 'n', survey_type: 'nps', score: 10 }, context: { groupId: 'steady' } },
      { userId: 's1', event: 'CSM Contacted', timestamp: daysAgo(10), context: { groupId: 'steady' } },
    ]);
    const post = (changes: object[]) => t.app.inject({ method: 'POST', url: `/v1/projects/${t.project.id}/subscriptions`, headers: { authorization: `Bearer ${t.project.secretKey}` }, payload: { changes } });
    await post([
      { account_id: 'steady', mrr: 500, status: 'active', effective_at: daysAgo(200) },
      { account_id: 'steady', mrr: 800, status: 'active', effective_at: daysAgo(30) },
      { account_id: 'declining', mrr: 300, status: 'active', effective_at: daysAgo(200) },
    ]);
  }, 120_000);

  it('fires every usage-drop signal on the declining account, with evidence', async () => {
    const a = await api(t, '/accounts/declining');
    const types = a.signals.map((s: { type: string }) => s.type).sort();
    expect(types).toEqual(['champion_quiet', 'core_features_unused', 'login_drop', 'nps_detractor', 'support_tickets_rising', 'usage_drop']);
    const drop = a.signals.find((s: { type: string }) => s.type === 'usage_drop');
    const events = drop.evidence.metrics.find((m: { metric: string }) => m.metric === 'events');
    expect(events.previous).toBeGreaterThan(events.current);
    expect(events.change).toBeLessThanOrEqual(-0.3);
    expect(drop.evidence.windows.current).toEqual([dateAgo(29), dateAgo(0)]);
    const champion = a.signals.find((s: { type: string }) => s.type === 'champion_quiet');
    expect(champion.evidence).toMatchObject({ user: 'champ', last_active: dateAgo(21) });
    expect(a.signals.find((s: { type: string }) => s.type === 'core_features_unused').evidence.features.map((f: { feature: string }) => f.feature)).toEqual(['reports']);
    expect(a.signals.find((s: { type: string }) => s.type === 'support_tickets_rising').evidence).toMatchObject({ previous: 0, current: 3 });
  });

  it('stays quiet on the steady account and rates it healthier', async () => {
    const steady = await api(t, '/accounts/steady');
    expect(steady.signals).toEqual([]);
    const declining = await api(t, '/accounts/declining');
    expect(steady.health).toBeGreaterThan(declining.health);
    expect(steady.tier).toBe('healthy');
    expect(steady.intervention).toBe('Upsell and referral');
    expect(['at_risk', 'critical']).toContain(declining.tier);
    expect(steady.missing_components).toEqual([]);
    // No CSM contact recorded for the declining account: relationship is missing, re-weighted and flagged.
    expect(declining.missing_components).toEqual(['relationship']);
    const rel = declining.components.find((c: { name: string }) => c.name === 'relationship');
    expect(rel).toMatchObject({ missing: true, contribution: 0, effective_weight: 0 });
    const sum = declining.components.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
    expect(Math.abs(sum - declining.health)).toBeLessThan(0.3);
    expect(declining.components.reduce((s: number, c: { effective_weight: number }) => s + c.effective_weight, 0)).toBeCloseTo(1, 2);
    expect(steady.lifecycle).toMatchObject({ stage: 'renewal_prep', days_to_renewal: 45 });
    expect(steady.mrr).toBe(800);
  });

  it('lists accounts sorted by health, MRR or drop, with pagination and a tier filter', async () => {
    const byHealth = await api(t, '/accounts');
    expect(byHealth.accounts.map((a: { account_id: string }) => a.account_id)).toEqual(['declining', 'steady']);
    expect((await api(t, '/accounts?sort=mrr')).accounts[0].account_id).toBe('steady');
    expect((await api(t, '/accounts?sort=drop')).accounts[0].account_id).toBe('declining');
    const page = await api(t, '/accounts?sort=health&order=desc&limit=1&offset=1');
    expect(page).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(page.accounts.map((a: { account_id: string }) => a.account_id)).toEqual(['declining']);
    expect((await api(t, '/accounts?tier=healthy')).accounts.map((a: { account_id: string }) => a.account_id)).toEqual(['steady']);
    expect((await api(t, '/accounts?sort=nonsense', 400)).errors[0].path).toBe('sort');
    expect((await api(t, '/accounts/nobody', 404)).code).toBe('HF_ERR_NOT_FOUND');
  });

  it('serves the list from today’s snapshot once computed, and computes afresh on request', async () => {
    const live = await api(t, '/accounts?fresh=true');
    expect(live.from_snapshot).toBe(false);
    const cached = await api(t, '/accounts');
    expect(cached.from_snapshot).toBe(true);
    expect(cached.accounts).toEqual(live.accounts);
  });

  it('keeps daily snapshots, so a change of score can be explained', async () => {
    await takeSnapshots(t.store, t.project, dateAgo(1));
    await takeSnapshots(t.store, t.project, dateAgo(0));
    const a = await api(t, '/accounts/declining');
    expect(a.history.map((h: { day: string }) => h.day)).toEqual([dateAgo(1), dateAgo(0)]);
    expect(a.history[1]).toMatchObject({ score: a.health, tier: a.tier });
    expect(a.history[1].components.map((c: { name: string }) => c.name)).toEqual(['usage', 'engagement', 'value', 'relationship']);
  });
});
