// Through a listening server: plain fetch, and the official Segment Node client pointed at Holdfast.
import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, rowsOf, waitFor, type TestApp } from '../../helpers/server.js';

describe('a listening collector', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await buildTestApp();
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('accepts a text/plain batch as a browser would send it', async () => {
    const res = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://app.example.com' },
      body: JSON.stringify({ writeKey: t.project.writeKey, batch: [{ type: 'track', event: 'Signed In', anonymousId: 'anon-7', messageId: 'fetch-1' }] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true });
    await waitFor(() => rowsOf(t.store, t.project.id, "message_id = 'fetch-1'"), (r) => r.length === 1);
  });

  it('receives identify, group and track from @segment/analytics-node unchanged', async () => {
    const analytics = new Analytics({ writeKey: t.project.writeKey, host: url, flushAt: 10, maxRetries: 0 });
    analytics.identify({ userId: 'seg-user', traits: { email: 'seg@example.com', name: 'Seg' } });
    analytics.group({ userId: 'seg-user', groupId: 'seg-account', traits: { plan: 'enterprise', mrr: 900 } });
    analytics.track({ userId: 'seg-user', event: 'Feature Used', properties: { feature: 'reports' }, context: { groupId: 'seg-account' } });
    await analytics.closeAndFlush({ timeout: 10_000 });

    const rows = await waitFor(() => rowsOf(t.store, t.project.id, "user_id = 'seg-user'"), (r) => r.length === 3);
    const byType = Object.fromEntries(rows.map((r) => [r.type, r]));
    expect(JSON.parse(byType.identify.traits!)).toEqual({ email: 'seg@example.com', name: 'Seg' });
    expect(byType.group).toMatchObject({ account_id: 'seg-account' });
    expect(JSON.parse(byType.group.traits!)).toEqual({ plan: 'enterprise', mrr: 900 });
    expect(byType.track).toMatchObject({ event: 'Feature Used', account_id: 'seg-account', library_name: '@segment/analytics-node' });
    // The client's own message ids are kept, so its retries deduplicate.
    for (const r of rows) expect(r.message_id).toMatch(/^node-next-/);
  });

  afterAll(() => t.app.close());
});
