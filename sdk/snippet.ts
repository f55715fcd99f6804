// Every copy of the snippet (README, examples, the collector's /snippet.html) is generated from sdk/snippet-template.js.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A path, not a URL object: under happy-dom the global URL is the DOM's, which node:fs does not accept.
const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'snippet-template.js'), 'utf8').trim();

export function snippet(host: string, writeKey: string, options: Record<string, unknown> = {}): string {
  const code = template
    .replace('"__HOST__"', JSON.stringify(host))
    .replace('"__WRITE_KEY__"', JSON.stringify(writeKey))
    .replace('__OPTIONS__', JSON.stringify(options));
  return `<script>\n${code}\n</script>`;
}
