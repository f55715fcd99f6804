// The remote back end refuses a server too old for Holdfast. No ClickHouse server can run on this machine,
// so a loopback HTTP endpoint answers the version query as a server of that version would.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { compareVersions, MIN_SERVER_VERSION, RemoteStore } from '../../../server/store/remote.js';

function versionServer(version: string) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      res.setHeader('content-type', 'application/x-ndjson');
      res.end(/version\(\)/.test(`${req.url} ${body}`) ? JSON.stringify({ v: version }) + '\n' : '');
    });
  });
  return new Promise<{ url: string; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
  );
}

describe('remote ClickHouse version check', () => {
  const closers: (() => void)[] = [];
  afterAll(() => closers.forEach((c) => c()));

  it('compares dotted versions numerically', () => {
    expect(compareVersions('23.10.1', '23.8')).toBe(1);
    expect(compareVersions('23.8', '23.8.0')).toBe(0);
    expect(compareVersions('22.12.5.1', MIN_SERVER_VERSION)).toBe(-1);
  });

  it('refuses an old server with a clear message and accepts a current one', async () => {
    const old = await versionServer('22.3.1.1');
    closers.push(old.close);
    const store = new RemoteStore({ url: old.url, database: 'holdfast' });
    await expect(store.checkVersion()).rejects.toThrow(`ClickHouse server 22.3.1.1 is too old: Holdfast needs ${MIN_SERVER_VERSION} or newer`);
    await store.close();

    const fresh = await versionServer('25.3.2.1');
    closers.push(fresh.close);
    const ok = new RemoteStore({ url: fresh.url, database: 'holdfast' });
    await expect(ok.checkVersion()).resolves.toBe('25.3.2.1');
    await ok.close();
  });

  it('reports an unreachable server as a storage error', async () => {
    const store = new RemoteStore({ url: 'http://127.0.0.1:9', database: 'holdfast', requestTimeoutMs: 2000 });
    await expect(store.checkVersion()).rejects.toMatchObject({ name: 'StorageError' });
    await store.close();
  });
});
