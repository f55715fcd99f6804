// Erasure: a person's events are gone from the raw tables and from every answer, others' data stays.
import { describe, expect, it } from 'vitest';
import { api, buildTestApp, ingest } from '../../helpers/server.js';

describe('DELETE users/:userId', () => {
  it('erases the person everywhere and rebuilds the rollups of the days they touched', async () => {
    const t = await buildTestApp();
    const day = (d: number) => `2026-03-0${d}T10:00:00.000Z`;
    await ingest(t, [
      { type: 'page', anonymousId: 'anon-ada', name: 'Pricing', timestamp: day(1), context: { groupId: 'acme' } },
      { type: 'identify', userId: 'ada', anonymousId: 'anon-ada', traits: { email: 'ada@example.com' }, timestamp: day(1) },
      { userId: 'ada', event: 'Feature Used', properties: { feature: 'export' }, timestamp: day(2), context: { groupId: 'acme' } },
      { userId: 'ada', event: 'Survey Responded', properties: { survey_id: 'n', survey_type: 'nps', score: 2, comment: 'ada was here' }, timestamp: day(2), context: { groupId: 'acme' } },
      { userId: 'bob', event: 'Feature Used', properties: { feature: 'export' }, timestamp: day(2), context: { groupId: 'acme' } },
      { userId: 'bob', event: 'Survey Responded', properties: { survey_id: 'n', survey_type: 'nps', score: 10 }, timestamp: day(3), context: { groupId: 'acme' } },
    ]);
    const range = 'from=2026-03-01&to=2026-03-05';
    expect((await api(t, `/metrics/stickiness?${range}`)).mau).toBe(3); // anon-ada before identify, ada, bob

    const res = await t.app.inject({ method: 'DELETE', url: `/v1/projects/${t.project.id}/users/ada`, headers: { authorization: `Bearer ${t.project.secretKey}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ erased: true, events: 4, anonymous_ids: 1 });

    const db = t.store.database;
    const left = await t.store.query<{ n: string }>(
      `SELECT count() AS n FROM ${db}.events WHERE project_id = {p:String} AND (user_id = 'ada' OR anonymous_id = 'anon-ada' OR position(properties, 'ada was here') > 0)`,
      { p: t.project.id },
    );
    expect(Number(left[0].n)).toBe(0);
    for (const [table, col] of [['persons', 'user_id'], ['survey_responses', 'user_key'], ['user_daily', 'user_key']]) {
      const [r] = await t.store.query<{ n: string }>(`SELECT count() AS n FROM ${db}.${table} WHERE project_id = {p:String} AND ${col} IN ('ada', 'anon-ada')`, { p: t.project.id });
      expect(Number(r.n), table).toBe(0);
    }
    const s = await api(t, `/metrics/stickiness?${range}`);
    expect(s.mau).toBe(1);
    expect(s).toEqual(await api(t, `/metrics/stickiness?${range}&source=raw`));
    const f = await api(t, `/metrics/features?${range}`);
    expect(f.features.find((x: { feature: string }) => x.feature === 'export')).toMatchObject({ uses: 1, users: 1 });
    expect(f).toEqual(await api(t, `/metrics/features?${range}&source=raw`));
    const n = await api(t, `/metrics/nps?${range}`);
    expect(n).toMatchObject({ responses: 1, score: 100, latest_comments: [] });
    const acme = await api(t, '/accounts/acme?date=2026-03-05');
    expect(JSON.stringify(acme)).not.toContain('ada');
    expect(acme.activity.current.users).toBe(1);
  });

  it('needs the secret key', async () => {
    const t = await buildTestApp();
    const res = await t.app.inject({ method: 'DELETE', url: `/v1/projects/${t.project.id}/users/ada`, headers: { authorization: `Bearer ${t.project.writeKey}` } });
    expect(res.statusCode).toBe(401);
  });
});
