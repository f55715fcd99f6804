// npm run size — gzip -9 sizes of the browser bundles against their budgets (DESIGN.md section 7).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budgets = [
  { file: 'dist/sdk/holdfast.js', name: 'SDK core (IIFE)', budget: 4096 },
  { file: 'dist/widgets/widgets.js', name: 'widgets chunk (with Preact, English)', budget: 14 * 1024 },
  ...['fi', 'sv', 'pl', 'zh'].map((code) => ({ file: `dist/widgets/locale-${code}.js`, name: `widgets locale ${code} (loaded on demand)`, budget: 2048 })),
];

let failed = false;
for (const b of budgets) {
  if (!existsSync(b.file)) {
    if (b.optional) continue;
    console.error(`size: ${b.file} is missing; run npm run build`);
    failed = true;
    continue;
  }
  const raw = readFileSync(b.file);
  const gz = gzipSync(raw, { level: 9 }).length;
  const over = gz > b.budget;
  failed ||= over;
  console.log(`${over ? 'OVER' : 'ok  '} ${b.name}: ${raw.length} B raw, ${gz} B gzip -9 (budget ${b.budget} B, ${((gz / b.budget) * 100).toFixed(0)}%)`);
}
process.exit(failed ? 1 : 0);
