// Segment-format messages in, rows out: real HTTP through app.inject() into embedded ClickHouse.
import { describe, expect, it } from 'vitest';
import { fromChTime } from '../../../server/ingest/to-row.js';
import { basic, buildTestApp, rowsOf, track, waitFor } from '../../helpers/server.js';

describe('POST /v1/batch', () => {
  it('stores every message type of a batch, enriched, with the account attached', async () => {
    const { app, project, store } = await buildTestApp();
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
    const res = await app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      payload: JSON.stringify({
        writeKey: project.writeKey,
        context: { userAgent: ua, locale: 'fi-FI', library: { name: 'holdfast.js', version: '0.1.0' } },
        batch: [
          { type: 'identify', messageId: 'id-1', userId: 'u1', traits: { email: 'a@example.com' } },
          { type: 'group', messageId: 'grp-1', userId: 'u1', groupId: 'acme', traits: { plan: 'pro' } },
          { type: 'track', messageId: 'trk-1', userId: 'u1', event: 'Feature Used', properties: { feature: 'export' }, context: { groupId: 'acme', ip: '203.0.113.9' } },
          { type: 'page', messageId: 'pg-1', anonymousId: 'anon-1', name: 'Home', properties: { url: 'https://app.example.com/home', path: '/home' } },
          { type: 'screen', messageId: 'sc-1', userId: 'u1', name: 'Settings' },
          { type: 'alias', messageId: 'al-1', userId: 'u1', previousId: 'anon-1' },
        ],
      }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true });

    const rows = await waitFor(() => rowsOf(store, project.id), (r) => r.length === 6);
    const by = Object.fromEntries(rows.map((r) => [r.message_id, r]));
    expect(by['trk-1']).toMatchObject({ type: 'track', event: 'Feature Used', user_id: 'u1', account_id: 'acme', browser: 'Chrome', os: 'Mac OS', device_type: 'desktop', locale: 'fi-FI', library_name: 'holdfast.js', ip: '' });
    expect(JSON.parse(by['trk-1'].properties!)).toEqual({ feature: 'export' });
    // The raw IP is not stored by default, not even inside the context blob.
    expect(by['trk-1'].context).not.toContain('203.0.113.9');
    expect(by['grp-1']).toMatchObject({ type: 'group', account_id: 'acme' });
    expect(JSON.parse(by['grp-1'].traits!)).toEqual({ plan: 'pro' });
    expect(by['pg-1']).toMatchObject({ type: 'page', name: 'Home', anonymous_id: 'anon-1', page_path: '/home' });
    expect(by['sc-1']).toMatchObject({ type: 'screen', name: 'Settings' });
    expect(JSON.parse(by['al-1'].properties!)).toEqual({ previous_id: 'anon-1' });

    const persons = await waitFor(() => store.query('SELECT user_id, traits FROM holdfast.persons FINAL WHERE project_id = {p:String}', { p: project.id }), (r) => r.length > 0);
    expect(persons).toEqual([{ user_id: 'u1', traits: '{"email":"a@example.com"}' }]);
    // Rollup parts can commit a moment after the events part: wait for them.
    const members = await waitFor(
      () => store.query("SELECT account_id, user_key FROM holdfast.user_daily WHERE project_id = {p:String} AND account_id != '' GROUP BY account_id, user_key", { p: project.id }),
      (r) => r.length > 0,
    );
    expect(members).toEqual([{ account_id: 'acme', user_key: 'u1' }]);
  });

  it('accepts the write key as HTTP Basic user name with a JSON body', async () => {
    const { app, project, store } = await buildTestApp();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: basic(project.writeKey) },
      payload: { batch: [track('Signed In', { messageId: 'basic-1' })] },
    });
    expect(res.statusCode).toBe(200);
    const rows = await waitFor(() => rowsOf(store, project.id), (r) => r.length === 1);
    expect(rows[0]).toMatchObject({ message_id: 'basic-1', event: 'Signed In' });
  });

  it('corrects client clock skew as timestamp + (receivedAt - sentAt)', async () => {
    const { app, project, store } = await buildTestApp();
    const now = Date.now();
    // The client's clock runs one hour fast: its sentAt is an hour ahead of our receive time.
    const sentAt = new Date(now + 3600_000).toISOString();
    const timestamp = new Date(now + 3600_000 - 10_000).toISOString();
    await app.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: { writeKey: project.writeKey, sentAt, batch: [track('Skewed', { messageId: 'skew-1', timestamp })] },
    });
    const [row] = await waitFor(() => rowsOf(store, project.id), (r) => r.length === 1);
    const stored = fromChTime(row.timestamp!);
    expect(Math.abs(stored - (now - 10_000))).toBeLessThan(2000);
    expect(row.original_timestamp).toBe(timestamp.slice(0, 23).replace('T', ' '));
  });

  it('takes one message on each single-message route', async () => {
    const { app, project, store } = await buildTestApp();
    const calls = [
      ['track', { event: 'Signed In', userId: 'u9', messageId: 's-track' }],
      ['identify', { userId: 'u9', traits: { name: 'Ada' }, messageId: 's-identify' }],
      ['group', { userId: 'u9', groupId: 'g9', messageId: 's-group' }],
      ['page', { anonymousId: 'a9', name: 'Pricing', messageId: 's-page' }],
      ['screen', { userId: 'u9', name: 'Home', messageId: 's-screen' }],
      ['alias', { userId: 'u9', previousId: 'a9', messageId: 's-alias' }],
    ] as const;
    for (const [type, body] of calls) {
      const res = await app.inject({ method: 'POST', url: `/v1/${type}`, headers: { authorization: basic(project.writeKey) }, payload: body });
      expect(res.statusCode, type).toBe(200);
    }
    const rows = await waitFor(() => rowsOf(store, project.id), (r) => r.length === 6);
    expect(rows.map((r) => `${r.type}:${r.message_id}`).sort()).toEqual(calls.map(([t]) => `${t}:s-${t}`).sort());
  });

  it('stores a message delivered twice (a client retry) once', async () => {
    const { app, project, store } = await buildTestApp();
    const payload = { writeKey: project.writeKey, batch: [track('Retried', { messageId: 'dup-1' })] };
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'POST', url: '/v1/batch', payload })).statusCode).toBe(200);
    await app.pipeline.flush();
    const rows = await waitFor(() => rowsOf(store, project.id), (r) => r.length >= 1);
    expect(rows).toHaveLength(1);
  });
});
