// Alert playbooks against a real local HTTP receiver: delivery, HMAC signature, retry after failures,
// one alert per transition, Slack-compatible text, event alerts for detractors and cancellations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountViews } from '../../../server/analytics/accounts.js';
import { sign } from '../../../server/alerts/deliver.js';
import { buildTestApp, dateAgo, daysAgo, ingest, type TestApp } from '../../helpers/server.js';
import { startReceiver } from '../../helpers/receiver.js';

const SECRET = 'alert-secret-0123456789';

describe('alerts', () => {
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let t: TestApp;

  beforeAll(async () => {
    rx = await startReceiver();
    t = await buildTestApp({
      project: {
        alerts: [
          { id: 'risk', on: 'tier_entered', url: `${rx.url}/risk`, secret: SECRET },
          { id: 'signals', on: 'signal', signals: ['usage_drop'], url: `${rx.url}/signals`, format: 'slack' },
          { id: 'detractors', on: 'detractor', url: `${rx.url}/detractors`, secret: SECRET },
          { id: 'cancels', on: 'cancellation', url: `${rx.url}/cancels`, format: 'slack' },
        ],
      },
    });
    // "fading": busy until 30 days ago, then silent: at risk or worse, with a usage drop.
    const msgs = [];
    for (let ago = 59; ago >= 31; ago--) for (const u of ['f1', 'f2']) msgs.push({ userId: u, event: 'Feature Used', properties: { feature: 'x' }, timestamp: daysAgo(ago), context: { groupId: 'fading' } });
    msgs.push({ userId: 'f1', event: 'Signed In', timestamp: daysAgo(3), context: { groupId: 'fading' } });
    await ingest(t, msgs);
  });
  afterAll(() => rx.close());

  const check = async () => {
    const fired = await t.app.alerts.checkAccounts(t.project, dateAgo(0), await accountViews(t.store, t.project, dateAgo(0)));
    await t.app.alerts.deliverer.idle();
    return fired;
  };

  it('posts a signed alert when an account enters at-risk or critical, once per transition', async () => {
    expect(await check()).toBe(2); // the tier, and the usage-drop signal
    const risk = rx.got.filter((g) => g.path === '/risk');
    expect(risk).toHaveLength(1);
    expect(risk[0].body).toMatchObject({ rule: 'risk', type: 'tier_entered', account_id: 'fading', previous_tier: null });
    expect(['at_risk', 'critical']).toContain(risk[0].body.tier);
    const ts = String(risk[0].headers['x-holdfast-timestamp']);
    expect(risk[0].headers['x-holdfast-signature']).toBe(sign(SECRET, ts, risk[0].raw));
    expect(risk[0].headers['x-holdfast-signature']).not.toBe(sign('wrong-secret-0123456789', ts, risk[0].raw));
    const slack = rx.got.filter((g) => g.path === '/signals');
    expect(slack).toHaveLength(1);
    expect(Object.keys(slack[0].body)).toEqual(['text']);
    expect(slack[0].body.text).toMatch(/^fading: Activity down against the previous 30 days/);

    expect(await check()).toBe(0); // same state: no repeat
    expect(rx.got.filter((g) => g.path === '/risk')).toHaveLength(1);
  });

  it('retries a failing receiver with back-off until it accepts', async () => {
    rx.fail(500, 503);
    const before = rx.got.length;
    await ingest(t, [{ userId: 'f2', event: 'Survey Responded', properties: { survey_id: 'n', survey_type: 'nps', score: 3, comment: 'Too slow' }, timestamp: daysAgo(0), context: { groupId: 'fading' } }]);
    await t.app.alerts.deliverer.idle();
    const attempts = rx.got.slice(before).filter((g) => g.path === '/detractors');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers['x-holdfast-alert-id'])).size).toBe(1);
    expect(attempts[2].body).toMatchObject({ type: 'detractor', account_id: 'fading', user_id: 'f2', score: 3, comment: 'Too slow' });
  });

  it('posts completed cancellations, and ignores promoters', async () => {
    const before = rx.got.length;
    await ingest(t, [
      { userId: 'f1', event: 'Survey Responded', properties: { survey_id: 'n', survey_type: 'nps', score: 9 }, timestamp: daysAgo(0), context: { groupId: 'fading' } },
      { userId: 'f1', event: 'Cancellation Completed', properties: { reason: 'price' }, timestamp: daysAgo(0), context: { groupId: 'fading' } },
    ]);
    await t.app.alerts.deliverer.idle();
    const got = rx.got.slice(before);
    expect(got.map((g) => g.path)).toEqual(['/cancels']);
    expect(got[0].body).toEqual({ text: 'fading cancelled (reason: price)' });
  });
});
