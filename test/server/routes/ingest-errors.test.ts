// Bad input gets its documented status and code, and never harms what was already accepted.
import { beforeAll, describe, expect, it } from 'vitest';
import { basic, buildTestApp, rowsOf, track, waitFor, type TestApp } from '../../helpers/server.js';

describe('ingestion errors', () => {
  let t: TestApp;
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  beforeAll(async () => {
    t = await buildTestApp({ env: { HOLDFAST_BODY_LIMIT: '4096' } });
    const res = await post({ writeKey: t.project.writeKey, batch: [track('Accepted', { messageId: 'keep-1' })] });
    expect(res.statusCode).toBe(200);
  });

  it('rejects malformed JSON with 400 HF_ERR_INVALID_JSON', async () => {
    const res = await post('{"batch": [', { authorization: basic(t.project.writeKey) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('HF_ERR_INVALID_JSON');
  });

  it('names each field at fault, with its path in the batch', async () => {
    const res = await post({
      writeKey: t.project.writeKey,
      batch: [
        track('ok', { messageId: 'not-stored-1' }),
        { type: 'track', event: 42, userId: 'u1' },
        { type: 'track', event: 'No ids' },
        { type: 'group', userId: 'u1' },
        { type: 'teleport', userId: 'u1' },
        { type: 'track', event: 'x', userId: 'u1', timestamp: 'yesterday' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('HF_ERR_VALIDATION');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['batch.1.event', 'batch.2.userId', 'batch.3.groupId', 'batch.4.type', 'batch.5.timestamp']));
    expect(body.errors.find((e: { path: string }) => e.path === 'batch.2.userId').message).toMatch(/userId or anonymousId/);
    // The whole batch is refused: its valid message is not stored either, so a fixed resend cannot duplicate it.
    await t.app.pipeline.flush();
    expect((await rowsOf(t.store, t.project.id)).map((r) => r.message_id)).not.toContain('not-stored-1');
  });

  it('rejects a body that is not a batch', async () => {
    const res = await post({ writeKey: t.project.writeKey, batch: 'nope' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'HF_ERR_VALIDATION', errors: [{ path: 'batch' }] });
    const empty = await post({ writeKey: t.project.writeKey, batch: [] });
    expect(empty.json().errors[0]).toMatchObject({ path: 'batch', message: expect.stringMatching(/at least one/) });
  });

  it('refuses a huge body with 413 HF_ERR_PAYLOAD_TOO_LARGE', async () => {
    const res = await post({ writeKey: t.project.writeKey, batch: [track('big', { properties: { blob: 'x'.repeat(8000) } })] });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('HF_ERR_PAYLOAD_TOO_LARGE');
  });

  it('answers 401 for a missing or unknown write key', async () => {
    const missing = await post({ batch: [track('x')] });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('HF_ERR_MISSING_WRITE_KEY');
    const unknown = await post({ writeKey: 'not-a-key', batch: [track('x')] });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('HF_ERR_UNKNOWN_WRITE_KEY');
    const badBasic = await post({ batch: [track('x')] }, { authorization: basic('wrong-key') });
    expect(badBasic.json().code).toBe('HF_ERR_UNKNOWN_WRITE_KEY');
  });

  it('answers 403 to a browser origin the project does not allow', async () => {
    const res = await post({ writeKey: t.project.writeKey, batch: [track('x')] }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'HF_ERR_ORIGIN_NOT_ALLOWED' });
    const allowed = await post({ writeKey: t.project.writeKey, batch: [track('x')] }, { origin: 'https://app.example.com' });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
  });

  it('answers 415 to an unsupported content type', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/batch', headers: { 'content-type': 'application/xml' }, payload: '<batch/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('HF_ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 400 HF_ERR_BAD_REQUEST to Fastify’s other client errors, such as a malformed URL', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/surveys/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('HF_ERR_BAD_REQUEST');
  });

  it('answers 404 with a code for an unknown route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('HF_ERR_NOT_FOUND');
  });

  it('kept the accepted event intact through all of the above', async () => {
    await t.app.pipeline.flush();
    const rows = await waitFor(() => rowsOf(t.store, t.project.id), (r) => r.some((x) => x.message_id === 'keep-1'));
    expect(rows.filter((r) => r.message_id === 'keep-1')).toHaveLength(1);
    expect(rows.find((r) => r.message_id === 'keep-1')).toMatchObject({ event: 'Accepted', user_id: 'u1' });
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a write key is over its budget', async () => {
    const t = await buildTestApp({ env: { HOLDFAST_RATE_LIMIT_PER_KEY: '3', HOLDFAST_RATE_LIMIT_PER_IP: '1000' } });
    const send = () => t.app.inject({ method: 'POST', url: '/v1/track', headers: { authorization: basic(t.project.writeKey) }, payload: track('x') });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await send()).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const res = await send();
    expect(res.json().code).toBe('HF_ERR_RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 429 once an IP is over its budget, before reading the key', async () => {
    const t = await buildTestApp({ env: { HOLDFAST_RATE_LIMIT_PER_KEY: '1000', HOLDFAST_RATE_LIMIT_PER_IP: '2' } });
    const send = (ip: string) =>
      t.app.inject({ method: 'POST', url: '/v1/track', remoteAddress: ip, payload: { ...track('x'), writeKey: t.project.writeKey } });
    expect((await send('10.0.0.1')).statusCode).toBe(200);
    expect((await send('10.0.0.1')).statusCode).toBe(200);
    const third = await send('10.0.0.1');
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
    expect((await send('10.0.0.2')).statusCode).toBe(200);
  });
});
