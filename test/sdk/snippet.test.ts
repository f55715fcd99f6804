// @vitest-environment happy-dom
// The snippet's stub queues calls until the real script (the built IIFE) loads, which replays them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snippet } from '../../sdk/snippet.js';
import { events, until, useSdk } from '../helpers/sdk.js';

const bundle = readFileSync('dist/sdk/holdfast.js', 'utf8');

describe('snippet and script tag', () => {
  const ctx = useSdk();

  it('queues calls in a stub, then the loaded script replays them in order', async () => {
    const code = /<script>\n([\s\S]*)\n<\/script>/.exec(snippet(ctx.rec.url, 'wk_test_0123456789', { autoPage: false, flushInterval: 100 }))![1];
    window.eval(code);
    const stub = (window as any).holdfast;
    expect(stub.q).toEqual([['init', ['wk_test_0123456789', { autoPage: false, flushInterval: 100 }]]]);
    // The stub added a script tag for the SDK at the collector.
    const tag = document.head.querySelector('script[src]') as HTMLScriptElement;
    expect(tag.getAttribute('src')).toBe(`${ctx.rec.url}/sdk.js`);
    expect(tag.async).toBe(true);
    tag.remove(); // happy-dom would fetch it; the test runs the built file itself below

    stub.identify('u-snip');
    stub.group('acct-snip');
    stub.track('Queued Before Load', { n: 1 });
    window.eval(bundle);
    const hf = (window as any).holdfast;
    expect(hf).not.toBe(stub);
    expect(hf.q).toBeUndefined();
    hf.feature('After Load');
    await hf.flush();
    await until(() => ctx.rec.messages().length >= 6);
    expect(events(ctx.rec)).toEqual(['Session Started', 'Signed In', 'identify', 'group', 'Queued Before Load', 'Feature Used']);
    expect(ctx.rec.messages().at(-1)).toMatchObject({ userId: 'u-snip', context: { groupId: 'acct-snip' } });
    hf.shutdown();
  });

  it('is the same snippet everywhere it is shown', () => {
    const readme = readFileSync('README.md', 'utf8');
    const shown = /<!-- snippet -->\n```html\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(shown).toBe(snippet('https://holdfast.example.com', 'YOUR_WRITE_KEY'));
  });
});
