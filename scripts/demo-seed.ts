// npm run demo:seed — fills the demo project of a running collector (npm start) with months of generated
// history through its public API: accounts growing, declining and churning, surveys, MRR changes, cancel
// flows. HOLDFAST_URL (default http://127.0.0.1:8787) and HOLDFAST_DATA_DIR (for the demo keys) apply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { billingAndCancellations } from '../examples/generator/billing.js';
import { accountMessages, planAccounts, type GenerateOptions } from '../examples/generator/generate.js';

const url = (process.env.HOLDFAST_URL ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
const dataDir = process.env.HOLDFAST_DATA_DIR ?? './data';

async function main() {
  let project: { id: string; writeKey: string; secretKey: string };
  try {
    project = JSON.parse(readFileSync(join(dataDir, 'demo-project.json'), 'utf8')).projects[0];
  } catch {
    throw new Error(`no demo project in ${dataDir}: run npm start once first`);
  }
  await fetch(`${url}/healthz`).catch(() => {
    throw new Error(`Holdfast is not running at ${url}: start it with npm start, then run npm run demo:seed`);
  });
  const o: GenerateOptions = { seed: Number(process.env.SEED ?? 3), accounts: Number(process.env.ACCOUNTS ?? 60), usersPerAccount: 8, days: 120, decliningShare: 0.2 };
  const plans = planAccounts(o);
  const post = async (path: string, body: unknown, auth?: string) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  };
  let batch: unknown[] = [];
  let sent = 0;
  const flush = async () => {
    if (!batch.length) return;
    await post('/v1/batch', { writeKey: project.writeKey, batch });
    sent += batch.length;
    batch = [];
    if (sent % 20_000 < 500) process.stdout.write(`\r  ${sent.toLocaleString()} events`);
  };
  console.log(`seeding demo project "${project.id}" at ${url}: ${plans.length} accounts, ${o.days} days`);
  let n = 0;
  for (let i = 0; i < plans.length; i++) {
    for (const m of accountMessages(plans[i], o, i)) {
      batch.push({ ...m, messageId: `seed-${o.seed}-${n++}` });
      if (batch.length >= 500) await flush();
    }
  }
  const { changes, messages } = billingAndCancellations(plans, Date.parse(new Date().toISOString().slice(0, 10)) + 86_400_000, o.seed);
  for (const m of messages) batch.push({ ...m, messageId: `seed-${o.seed}-${n++}` });
  await flush();
  process.stdout.write('\n');
  await post(`/v1/projects/${project.id}/subscriptions`, { changes }, `Bearer ${project.secretKey}`);
  console.log(`  ${changes.length} billing changes, ${messages.filter((m) => m.event === 'Cancellation Started').length} cancel flows`);
  console.log(`done: open ${url}/dashboard (sign in with the secret key in ${join(dataDir, 'demo-project.json')})`);
}

main().catch((e) => {
  console.error(`demo:seed: ${(e as Error).message}`);
  process.exit(1);
});
