// The secret-key API: Bearer auth per project; write keys and other projects' keys are refused.
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { testConfig, testProject, testStore } from '../../helpers/server.js';

describe('secret-key auth', () => {
  it('answers only to the project’s own secret key', async () => {
    const a = testProject();
    const b = testProject();
    const app = await buildApp({ config: testConfig([a, b]), store: await testStore() });
    const get = (project: string, auth?: string) => app.inject({ url: `/v1/projects/${project}/metrics/stickiness`, headers: auth ? { authorization: auth } : {} });
    try {
      expect((await get(a.id, `Bearer ${a.secretKey}`)).statusCode).toBe(200);
      const none = await get(a.id);
      expect(none.statusCode).toBe(401);
      expect(none.json().code).toBe('HF_ERR_MISSING_SECRET_KEY');
      expect((await get(a.id, `Bearer ${b.secretKey}`)).json().code).toBe('HF_ERR_INVALID_SECRET_KEY');
      expect((await get(a.id, `Bearer ${a.writeKey}`)).json().code).toBe('HF_ERR_INVALID_SECRET_KEY');
      expect((await get(a.id, `Basic ${Buffer.from(`${a.secretKey}:`).toString('base64')}`)).statusCode).toBe(401);
      expect((await get('nope', `Bearer ${a.secretKey}`)).json().code).toBe('HF_ERR_UNKNOWN_PROJECT');
      expect((await get('nope', 'Bearer guess')).json().code).toBe('HF_ERR_INVALID_SECRET_KEY');
    } finally {
      await app.close();
    }
  });
});
