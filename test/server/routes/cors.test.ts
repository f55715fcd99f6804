// CORS preflights: answered for origins a project allows, not for others.
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/server.js';

describe('CORS', () => {
  it('allows the project origins and no others', async () => {
    const { app } = await buildTestApp();
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/v1/batch',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await preflight('https://app.example.com');
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(ok.headers['access-control-allow-methods']).toContain('POST');
    const denied = await preflight('https://evil.example');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });
});
