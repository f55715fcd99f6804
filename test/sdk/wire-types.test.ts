// @vitest-environment happy-dom
// What the SDK sends passes the collector's own schema: the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import { batchSchema, messageSchema } from '../../server/schema/message.js';
import { useSdk } from '../helpers/sdk.js';

describe('SDK messages against the wire schema', () => {
  const ctx = useSdk();

  it('validate, every type of them', async () => {
    const hf = ctx.make({ autoPage: true });
    hf.identify('u1', { name: 'Ada' });
    hf.group('acme', { plan: 'pro' });
    hf.track('Report Exported');
    hf.login();
    hf.feature('export');
    hf.reset();
    await hf.flush();
    for (const req of ctx.rec.requests) expect(batchSchema.safeParse(req.body).success).toBe(true);
    const types = new Set<string>();
    for (const m of ctx.rec.messages()) {
      const r = messageSchema.safeParse(m);
      expect(r.error?.issues ?? []).toEqual([]);
      types.add(m.type);
    }
    expect([...types].sort()).toEqual(['group', 'identify', 'page', 'track']);
  });
});
