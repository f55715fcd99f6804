// The SDK end to end: a page with the snippet, in chromium, served apart from the real collector, whose
// rows land in embedded ClickHouse.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { snippet } from '../../sdk/snippet.js';
import { launchBrowser, page, startPageServer, type PageServer } from '../helpers/browser.js';
import { rowsOf, testConfig, testProject, testStore, waitFor } from '../helpers/server.js';
import type { Project } from '../../server/schema/project.js';

describe('SDK in chromium against the real collector', () => {
  let browser: Browser;
  let site: PageServer;
  let project: Project;
  let app: FastifyInstance;
  let collector: string;

  async function startCollector(port = 0) {
    const store = await testStore();
    app = await buildApp({ config: testConfig([project]), store });
    collector = await app.listen({ port, host: '127.0.0.1' });
    return collector;
  }

  beforeAll(async () => {
    site = await startPageServer();
    project = testProject({ allowedOrigins: [site.url] });
    await startCollector();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await site?.close();
  });

  const appPage = (script: string, options: Record<string, unknown> = {}) =>
    page(snippet(collector, project.writeKey, { flushInterval: 200, ...options }), `<button id="b">Export</button><script>${script}</script>`);

  it('records identify, group, track, login, feature, page and session events as rows', async () => {
    site.set('/app', appPage(`
      holdfast.identify('e2e-user', { email: 'e2e@example.com' });
      holdfast.group('e2e-account', { plan: 'pro' });
      holdfast.login();
      document.getElementById('b').onclick = () => holdfast.feature('export');
      holdfast.track('Dashboard Viewed', { widgets: 3 });
    `));
    const tab = await browser.newPage();
    const requested: string[] = [];
    tab.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await tab.goto(`${site.url}/app`);
    await tab.click('#b');
    // Messages sent before identify (the first page view, the session start) carry only the anonymous id.
    const visitor = "anonymous_id IN (SELECT anonymous_id FROM holdfast.events WHERE user_id = 'e2e-user')";
    const rows = await waitFor(
      () => rowsOf(app.store as never, project.id, visitor),
      (r) => r.some((x) => x.event === 'Feature Used') && r.some((x) => x.type === 'page'),
    );
    const kinds = rows.map((r) => (r.type === 'track' ? r.event : r.type));
    expect(kinds).toEqual(expect.arrayContaining(['identify', 'group', 'Signed In', 'Feature Used', 'Dashboard Viewed', 'page', 'Session Started']));
    const feature = rows.find((r) => r.event === 'Feature Used')!;
    expect(feature).toMatchObject({ account_id: 'e2e-account', user_id: 'e2e-user', library_name: 'holdfast.js', page_path: '/app', device_type: 'desktop' });
    expect(feature.browser).toMatch(/Chrome/);
    expect(JSON.parse(feature.properties as unknown as string)).toEqual({ feature: 'export' });
    const identify = rows.find((r) => r.type === 'identify')!;
    expect(identify.anonymous_id).toMatch(/^[0-9a-f-]{36}$/);
    // No survey was due: the widgets bundle was never fetched.
    expect(requested).toContain('/sdk.js');
    expect(requested.filter((p) => p.startsWith('/widgets/'))).toEqual([]);
    await tab.close();
  });

  it('delivers an event tracked right before the page is closed', async () => {
    site.set('/leave', appPage(`holdfast.identify('leaver'); document.getElementById('b').onclick = () => holdfast.track('Clicked Then Closed');`, { flushInterval: 60000 }));
    const tab = await browser.newPage();
    await tab.goto(`${site.url}/leave`);
    await tab.waitForFunction(() => (window as any).holdfast && !(window as any).holdfast.q);
    await tab.click('#b');
    await tab.close({ runBeforeUnload: true });
    const rows = await waitFor(() => rowsOf(app.store as never, project.id, "user_id = 'leaver'"), (r) => r.some((x) => x.event === 'Clicked Then Closed'));
    expect(rows.filter((r) => r.event === 'Clicked Then Closed')).toHaveLength(1);
  });

  it('queues events while the collector is down and delivers them after it is back and the page reloads', async () => {
    site.set('/offline', appPage(`holdfast.identify('offline-user'); document.getElementById('b').onclick = () => holdfast.track('Tracked While Down');`));
    const tab = await browser.newPage();
    await tab.goto(`${site.url}/offline`);
    await tab.waitForFunction(() => (window as any).holdfast && !(window as any).holdfast.q);
    const port = Number(new URL(collector).port);
    await app.close(); // the collector goes away
    await tab.click('#b');
    await tab.waitForFunction(() =>
      Object.keys(localStorage).some((k) => k.startsWith('hf_q_') && localStorage.getItem(k)!.includes('Tracked While Down')),
    );
    await startCollector(port); // back, same address
    await tab.reload();
    const rows = await waitFor(() => rowsOf(app.store as never, project.id, "user_id = 'offline-user'"), (r) => r.some((x) => x.event === 'Tracked While Down'));
    expect(rows.filter((r) => r.event === 'Tracked While Down')).toHaveLength(1);
    await tab.close();
  });
});
