// @vitest-environment happy-dom
// Every API call produces the Segment-format message the collector expects.
import { describe, expect, it } from 'vitest';
import { Holdfast } from '../../sdk/src/holdfast.js';
import { events, until, useSdk } from '../helpers/sdk.js';

describe('SDK API', () => {
  const ctx = useSdk();

  it('identify, group, track, page, login and feature send their messages with ids and context', async () => {
    const hf = ctx.make();
    hf.identify('user-1', { email: 'ada@example.com' });
    hf.group('acme', { plan: 'pro' });
    hf.track('Report Exported', { format: 'csv' });
    hf.page('Settings', { section: 'billing' });
    hf.login();
    hf.feature('export', { rows: 10 });
    await hf.flush();
    const req = ctx.rec.requests.at(-1)!;
    expect(req.path).toBe('/v1/batch');
    expect(req.headers['content-type']).toMatch(/^text\/plain/);
    expect(req.body.writeKey).toBe('wk_test_0123456789');
    expect(Date.parse(req.body.sentAt!)).toBe(Date.now());
    // The session starts with identify, for an identified user: that is a login of its own (trackLogins).
    expect(events(ctx.rec)).toEqual(['Session Started', 'Signed In', 'identify', 'group', 'Report Exported', 'page', 'Signed In', 'Feature Used']);
    expect(ctx.rec.messages()[1]).toMatchObject({ userId: 'user-1', properties: { session_start: true } });

    const [, , identify, group, track, page, login, feature] = ctx.rec.messages();
    expect(identify).toMatchObject({ type: 'identify', userId: 'user-1', traits: { email: 'ada@example.com' } });
    expect(group).toMatchObject({ type: 'group', groupId: 'acme', userId: 'user-1', traits: { plan: 'pro' } });
    expect(track).toMatchObject({ type: 'track', event: 'Report Exported', properties: { format: 'csv' }, userId: 'user-1', context: { groupId: 'acme' } });
    expect(page).toMatchObject({ type: 'page', name: 'Settings', properties: { path: '/app/home', section: 'billing', url: `${ctx.rec.url}/app/home` } });
    expect(login).toMatchObject({ event: 'Signed In', userId: 'user-1' });
    expect(feature).toMatchObject({ event: 'Feature Used', properties: { feature: 'export', rows: 10 } });
    const ids = ctx.rec.messages().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of ctx.rec.messages()) {
      expect(m.anonymousId).toBe(hf.anonymousId);
      expect(m.timestamp).toBe(new Date().toISOString());
      expect(m.context).toMatchObject({ library: { name: 'holdfast.js', version: expect.any(String) }, locale: navigator.language, userAgent: navigator.userAgent });
      expect(m.context.sessionId).toBe(ctx.rec.messages()[0].properties.session_id);
    }
  });

  it('keeps the anonymous id across reloads and replaces it on reset', async () => {
    const hf = ctx.make();
    const anon = hf.anonymousId;
    expect(anon).toMatch(/^[0-9a-f-]{36}$/);
    expect(ctx.make().anonymousId).toBe(anon); // a reload
    hf.group('g2');
    hf.identify('u2');
    hf.reset();
    expect(hf.userId).toBeUndefined();
    expect(hf.accountId).toBeUndefined();
    expect(hf.anonymousId).not.toBe(anon);
    await hf.flush();
    expect(events(ctx.rec)).toEqual(['Session Started', 'group', 'identify', 'Session Ended']);
  });

  it('runs calls made before init once it starts, and ready callbacks', async () => {
    const hf = new Holdfast();
    const order: string[] = [];
    hf.track('Early');
    hf.ready(() => order.push('ready'));
    expect(ctx.rec.requests).toHaveLength(0);
    hf.init('wk_test_0123456789', { host: ctx.rec.url, autoPage: false });
    hf.ready(() => order.push('ready again'));
    await hf.flush();
    expect(events(ctx.rec)).toEqual(['Session Started', 'Early']);
    expect(order).toEqual(['ready', 'ready again']);
  });

  it('tracks a page view on load and on single-page-app navigation', async () => {
    const hf = ctx.make({ autoPage: true });
    history.pushState({}, '', '/app/reports?tab=2');
    history.replaceState({}, '', '/app/reports?tab=2'); // same place: no new view
    history.pushState({}, '', '/app/settings');
    await hf.flush();
    const pages = ctx.rec.messages().filter((m) => m.type === 'page');
    expect(pages.map((p) => p.properties.path + p.properties.search)).toEqual(['/app/home', '/app/reports?tab=2', '/app/settings']);
  });

  it('sends nothing while opted out, remembers the choice, and resumes on opt-in', async () => {
    const hf = ctx.make();
    hf.track('Before');
    hf.optOut();
    hf.track('While out');
    await hf.flush();
    expect(ctx.rec.messages()).toHaveLength(0); // the queue was cleared too
    expect(localStorage.getItem('hf_o')).toBe('1');
    ctx.make().track('Still out after reload');
    hf.optIn();
    hf.track('Back');
    await hf.flush();
    expect(events(ctx.rec)).toEqual(['Back']);
  });

  it('treats Global Privacy Control as an opt-out when asked to', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      ctx.make({ respectGPC: true }).track('Ignored');
      const plain = ctx.make();
      plain.track('Counted');
      await plain.flush();
      expect(events(ctx.rec)).toEqual(['Session Started', 'Counted']);
    } finally {
      delete (navigator as any).globalPrivacyControl;
    }
  });

  it('delivers through flush() and reports it with the queue empty', async () => {
    const hf = ctx.make();
    hf.track('A');
    await hf.flush();
    await until(() => ctx.rec.requests.length === 1);
    expect(JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('hf_q_')) ?? 'none') ?? 'null')).toBeNull();
  });
});
