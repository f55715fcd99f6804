// Who sees which survey, decided by the real route from history stored in embedded ClickHouse.
import { describe, expect, it } from 'vitest';
import { buildTestApp, ingest, type ProjectInput, type TestApp } from '../../helpers/server.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function setup(project: ProjectInput) {
  return buildTestApp({ project });
}



async function next(t: TestApp, query: Record<string, string>) {
  const qs = new URLSearchParams({ writeKey: t.project.writeKey, ...query });
  const res = await t.app.inject(`/v1/surveys/next?${qs}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { survey: { id: string; type: string } | null; reason?: string; triggers: string[] };
}

const shown = (userId: string, surveyId: string, type: string, daysAgo: number) => ({
  userId,
  event: 'Survey Shown',
  timestamp: ago(daysAgo),
  properties: { survey_id: surveyId, survey_type: type },
});

describe('survey eligibility', () => {
  it('shows NPS to identified users only, by default', async () => {
    const t = await setup({ surveys: [{ id: 'nps', type: 'nps' }] });
    expect(await next(t, { anonymousId: 'anon-1' })).toMatchObject({ survey: null, reason: 'not_identified' });
    expect(await next(t, { userId: 'u1' })).toMatchObject({ survey: { id: 'nps', type: 'nps' } });
  });

  it('respects frequency: once, or again after N days', async () => {
    const t = await setup({
      surveys: [{ id: 'csat-once', type: 'csat' }, { id: 'csat-monthly', type: 'csat', frequency: { everyDays: 30 } }],
      contactPolicy: { minDaysBetweenSurveys: 0 },
    });
    await ingest(t, [shown('u1', 'csat-once', 'csat', 100), shown('u1', 'csat-monthly', 'csat', 20)]);
    expect(await next(t, { userId: 'u1' })).toMatchObject({ survey: null, reason: 'frequency' });
    await ingest(t, [shown('u2', 'csat-once', 'csat', 100), shown('u2', 'csat-monthly', 'csat', 31)]);
    expect((await next(t, { userId: 'u2' })).survey?.id).toBe('csat-monthly');
  });

  it('applies the global contact policy: one survey per 14 days, NPS once per 90 days', async () => {
    const t = await setup({ surveys: [{ id: 'nps-q4', type: 'nps' }, { id: 'csat', type: 'csat' }] });
    await ingest(t, [shown('u1', 'csat', 'csat', 5)]);
    expect(await next(t, { userId: 'u1' })).toMatchObject({ survey: null, reason: 'contact_policy' });
    await ingest(t, [shown('u2', 'nps-q3', 'nps', 60)]);
    // The NPS is held back by the 90-day rule; the CSAT may still be shown.
    expect((await next(t, { userId: 'u2' })).survey?.id).toBe('csat');
    await ingest(t, [shown('u3', 'nps-q3', 'nps', 91)]);
    expect((await next(t, { userId: 'u3' })).survey?.id).toBe('nps-q4');
  });

  it('stays quiet while a cancel flow is open', async () => {
    const t = await setup({ surveys: [{ id: 'nps', type: 'nps' }] });
    await ingest(t, [{ userId: 'u1', event: 'Cancellation Started', timestamp: ago(0.1) }]);
    expect(await next(t, { userId: 'u1' })).toMatchObject({ survey: null, reason: 'cancel_flow_open' });
    await ingest(t, [{ userId: 'u1', event: 'Save Offer Accepted', timestamp: ago(0.05) }]);
    expect((await next(t, { userId: 'u1' })).survey?.id).toBe('nps');
  });

  it('targets by days active, account age and account traits', async () => {
    const t = await setup({
      surveys: [{ id: 'nps', type: 'nps', targeting: { minDaysActive: 3, minAccountAgeDays: 30, accountTraits: { plan: 'pro' } } }],
    });
    const ctx = { context: { groupId: 'acme' } };
    await ingest(t, [
      { userId: 'u1', event: 'Signed In', timestamp: ago(40), ...ctx },
      { userId: 'u1', event: 'Signed In', timestamp: ago(20), ...ctx },
      { type: 'group', userId: 'u1', groupId: 'acme', traits: { plan: 'starter' }, timestamp: ago(40) },
    ]);
    expect(await next(t, { userId: 'u1', accountId: 'acme' })).toMatchObject({ reason: 'days_active' });
    await ingest(t, [{ userId: 'u1', event: 'Signed In', timestamp: ago(1), ...ctx }]);
    expect(await next(t, { userId: 'u1', accountId: 'acme' })).toMatchObject({ reason: 'account_traits' });
    await ingest(t, [{ type: 'group', userId: 'u1', groupId: 'acme', traits: { plan: 'pro' }, timestamp: ago(0.5) }]);
    expect((await next(t, { userId: 'u1', accountId: 'acme' })).survey?.id).toBe('nps');

    await ingest(t, [
      { userId: 'u2', event: 'Signed In', timestamp: ago(10), context: { groupId: 'young' } },
      { userId: 'u2', event: 'Signed In', timestamp: ago(5), context: { groupId: 'young' } },
      { userId: 'u2', event: 'Signed In', timestamp: ago(1), context: { groupId: 'young' } },
      { type: 'group', userId: 'u2', groupId: 'young', traits: { plan: 'pro' }, timestamp: ago(10) },
    ]);
    expect(await next(t, { userId: 'u2', accountId: 'young' })).toMatchObject({ reason: 'account_age' });
  });

  it('shows a triggered survey only right after its event, and lists the triggers', async () => {
    const t = await setup({ surveys: [{ id: 'csat-export', type: 'csat', targeting: { triggerEvent: 'Report Exported' } }] });
    const idle = await next(t, { userId: 'u1' });
    expect(idle).toMatchObject({ survey: null, reason: 'trigger', triggers: ['Report Exported'] });
    expect((await next(t, { userId: 'u1', event: 'Report Exported' })).survey?.id).toBe('csat-export');
  });

  it('samples deterministically by person', async () => {
    const t = await setup({ surveys: [{ id: 'nps', type: 'nps', samplePercent: 30 }] });
    const picked: string[] = [];
    for (let i = 0; i < 200; i++) if ((await next(t, { userId: `user-${i}` })).survey) picked.push(`user-${i}`);
    expect(picked.length).toBeGreaterThan(40);
    expect(picked.length).toBeLessThan(80);
    for (const u of picked.slice(0, 10)) expect((await next(t, { userId: u })).survey?.id).toBe('nps');
  });

  it('gives the same answer on every device of a person', async () => {
    const t = await setup({ surveys: [{ id: 'nps', type: 'nps' }] });
    await ingest(t, [{ ...shown('u1', 'nps', 'nps', 0.01), anonymousId: 'laptop' }]);
    expect(await next(t, { userId: 'u1', anonymousId: 'phone' })).toMatchObject({ survey: null, reason: 'contact_policy' });
  });

  it('needs a valid write key and a person', async () => {
    const t = await setup({ surveys: [{ id: 'nps', type: 'nps' }] });
    expect((await t.app.inject('/v1/surveys/next?userId=u1')).json().code).toBe('HF_ERR_MISSING_WRITE_KEY');
    expect((await t.app.inject('/v1/surveys/next?userId=u1&writeKey=nope')).statusCode).toBe(401);
    const res = await t.app.inject(`/v1/surveys/next?writeKey=${t.project.writeKey}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('userId');
    expect((await t.app.inject(`/v1/surveys/nps?writeKey=${t.project.writeKey}`)).json()).toEqual({ survey: { id: 'nps', type: 'nps', style: 'stars' } });
    expect((await t.app.inject(`/v1/surveys/nope?writeKey=${t.project.writeKey}`)).statusCode).toBe(404);
  });
});

describe('cancel flow config', () => {
  it('answers reasons, offers and a stable holdout arm per account', async () => {
    const t = await setup({ cancelFlow: { holdoutPercent: 50 } });
    const get = async (accountId: string) => (await t.app.inject(`/v1/cancel-flow?writeKey=${t.project.writeKey}&accountId=${accountId}`)).json();
    const first = await get('acme');
    expect(first.reasons.map((r: { id: string }) => r.id)).toEqual(['price', 'value', 'low_usage', 'product', 'competitor', 'closing', 'other']);
    expect(first.reasons[0].offers).toEqual(['discount', 'pause']);
    expect(first.offers.discount).toEqual({ kind: 'discount', percent: 25, months: 3 });
    expect((await get('acme')).holdout).toBe(first.holdout);
    const arms = await Promise.all(Array.from({ length: 60 }, (_, i) => get(`acct-${i}`).then((r) => r.holdout)));
    expect(arms.filter(Boolean).length).toBeGreaterThan(15);
    expect(arms.filter(Boolean).length).toBeLessThan(45);
  });

  it('never holds out at 0% and always at 100%', async () => {
    const none = await setup({ cancelFlow: { holdoutPercent: 0 } });
    const all = await setup({ cancelFlow: { holdoutPercent: 100 } });
    for (let i = 0; i < 20; i++) {
      expect((await none.app.inject(`/v1/cancel-flow?writeKey=${none.project.writeKey}&accountId=a${i}`)).json().holdout).toBe(false);
      expect((await all.app.inject(`/v1/cancel-flow?writeKey=${all.project.writeKey}&accountId=a${i}`)).json().holdout).toBe(true);
    }
  });
});
