// Debian's chromium driven by playwright-core, and a tiny web server for the "customer app" pages: the app
// lives on its own origin, as it would in production, so CORS is exercised for real.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export interface PageServer {
  url: string;
  /** Sets the HTML served at a path. */
  set(path: string, html: string): void;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const html = pages.get((req.url ?? '/').split('?')[0]);
    if (!html) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (path, html) => void pages.set(path, html),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export const page = (head: string, body = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Test app</title>${head}</head><body>${body}</body></html>`;
