// The dashboard in chromium, after the real demo:seed filled a project through the API: every page shows the numbers
// the API answers, a wrong key is refused, and each page is saved as a screenshot at laptop and phone widths.
import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../../server/app.js';
import { launchBrowser } from '../helpers/browser.js';
import { api, tempDir, testConfig, testProject, testStore, type TestApp } from '../helpers/server.js';

const ARTIFACTS = 'test-artifacts/dashboard';

describe('dashboard in chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const project = testProject({ id: 'dash', coreFeatures: ['reports', 'export', 'dashboards'] });
    const store = await testStore();
    const config = testConfig([project]);
    const app: FastifyInstance = await buildApp({ config, store });
    t = { app, project, store, config };
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    // The real `npm run demo:seed`, pointed at this collector and this project.
    const dir = tempDir();
    writeFileSync(join(dir, 'demo-project.json'), JSON.stringify({ projects: [project] }));
    // Asynchronously: the collector answering the script lives in this process.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo-seed.ts'], { env: { ...process.env, HOLDFAST_URL: url, HOLDFAST_DATA_DIR: dir, ACCOUNTS: '24', SEED: '5' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const [code] = await once(child, 'exit');
    expect(code, out).toBe(0);
    expect(out).toMatch(/billing changes/);
    await app.pipeline.drain();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.app.close();
  });

  async function signIn(page: Page, key: string) {
    await page.goto(`${url}/dashboard?project=dash`);
    await page.fill('input[name=key]', key);
    await page.click('button[type=submit]');
  }
  const text = (page: Page, id: string) => page.locator(`[data-testid=${id}] .stat-value`).innerText();

  it('refuses a wrong secret key', async () => {
    const page = await browser.newPage();
    await signIn(page, 'not-the-key');
    await expect(page.locator('[role=alert]').innerText()).resolves.toMatch(/secret key/i);
    expect(await page.locator('header nav').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/signin-refused.png` });
    await page.close();
  });

  for (const [width, height, name] of [[1280, 860, 'laptop'], [390, 844, 'phone']] as const) {
    it(`shows the API's numbers on every page (${name})`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      await signIn(page, t.project.secretKey);

      const stick = await api(t, '/metrics/stickiness');
      await page.locator('[data-testid=mau]').waitFor();
      expect(await text(page, 'mau')).toBe(stick.mau.toLocaleString('en-US'));
      expect(await text(page, 'dau-mau')).toBe(`${(stick.dau_mau * 100).toFixed(1)}%`);
      await page.screenshot({ path: `${ARTIFACTS}/${name}-overview.png`, fullPage: true });

      const accounts = await api(t, '/accounts?sort=health&limit=100');
      await page.click('a[href="#/accounts"]');
      await page.locator('[data-testid=accounts] tbody tr').first().waitFor();
      expect(await page.locator('[data-testid=accounts] tbody tr').count()).toBe(accounts.accounts.length);
      expect(await page.locator('[data-testid=accounts] tbody tr').first().getAttribute('data-account')).toBe(accounts.accounts[0].account_id);
      await page.screenshot({ path: `${ARTIFACTS}/${name}-accounts.png`, fullPage: true });

      const worst = accounts.accounts[0];
      await page.locator('[data-testid=accounts] tbody tr').first().locator('a').click();
      await page.locator('[data-testid=health]').waitFor();
      expect(await text(page, 'health')).toBe(worst.health.toFixed(1));
      await page.screenshot({ path: `${ARTIFACTS}/${name}-account.png`, fullPage: true });

      const features = await api(t, '/metrics/features');
      await page.click('a[href="#/features"]');
      await page.locator('[data-testid=features] tbody tr').first().waitFor();
      expect(await page.locator('[data-testid=features] tbody tr').first().getAttribute('data-feature')).toBe(features.features[0].feature);
      await page.screenshot({ path: `${ARTIFACTS}/${name}-features.png`, fullPage: true });

      const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
      const nps = await api(t, `/metrics/nps?from=${from}`);
      await page.click('a[href="#/surveys"]');
      await page.locator('[data-testid=nps]').waitFor();
      expect(await text(page, 'nps')).toBe(nps.score.toFixed(0));
      expect(await text(page, 'nps-split')).toBe(`${nps.promoters} / ${nps.passives} / ${nps.detractors}`);
      await page.screenshot({ path: `${ARTIFACTS}/${name}-surveys.png`, fullPage: true });

      const cfrom = new Date(Date.now() - 179 * 86_400_000).toISOString().slice(0, 10);
      const cancel = await api(t, `/metrics/cancellations?from=${cfrom}`);
      await page.click('a[href="#/cancellations"]');
      await page.locator('[data-testid=save-rate]').waitFor();
      expect(await text(page, 'save-rate')).toBe(cancel.save_rate == null ? '—' : `${(cancel.save_rate * 100).toFixed(0)}%`);
      await page.screenshot({ path: `${ARTIFACTS}/${name}-cancellations.png`, fullPage: true });

      const revenue = await api(t, '/metrics/revenue?months=6');
      await page.click('a[href="#/revenue"]');
      await page.locator('[data-testid=mrr]').waitFor();
      expect(await text(page, 'mrr')).toBe(revenue.mrr_end.toLocaleString('en-US', { maximumFractionDigits: 0 }));
      expect(await text(page, 'nrr')).toBe(revenue.nrr == null ? '—' : `${(revenue.nrr * 100).toFixed(1)}%`);
      await page.screenshot({ path: `${ARTIFACTS}/${name}-revenue.png`, fullPage: true });
      await page.close();
    }, 60_000);
  }
});
