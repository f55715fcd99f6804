// Every copy of the snippet (README, examples, the collector's /snippet.html) is generated from sdk/snippet.js.
import { readFileSync } from 'node:fs';

const template = readFileSync(new URL('./snippet.js', import.meta.url), 'utf8').trim();

export function snippet(host: string, writeKey: string, options: Record<string, unknown> = {}): string {
  const code = template
    .replace('"__HOST__"', JSON.stringify(host))
    .replace('"__WRITE_KEY__"', JSON.stringify(writeKey))
    .replace('__OPTIONS__', JSON.stringify(options));
  return `<script>\n${code}\n</script>`;
}
