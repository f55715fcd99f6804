// The only place that listens: reads config, builds the app, handles signals.
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type HoldfastConfig } from './config.js';

function banner(config: HoldfastConfig, url: string): string {
  const lines = [`Holdfast listening on ${url}`];
  const storage = config.env.CLICKHOUSE_URL ? `ClickHouse at ${new URL(config.env.CLICKHOUSE_URL).host}` : `embedded ClickHouse in ${config.env.HOLDFAST_DATA_DIR}`;
  lines.push(`  storage:    ${storage}`);
  if (config.demo) {
    const p = config.projects[0];
    lines.push(
      `  demo project "${p.id}" ${config.demo.created ? 'created' : 'loaded'} from ${config.demo.path}`,
      `  write key:  ${p.writeKey}`,
      // The secret key stays in the file (mode 600): terminals end up in logs.
      `  secret key: ${p.secretKey.slice(0, 10)}… (full key in ${config.demo.path})`,
    );
  }
  if (config.env.HOLDFAST_DEMO_PROJECT) lines.push(`  demo app:   ${url}/demo/`);
  lines.push(`  health:     ${url}/healthz   metrics: ${url}/metrics`);
  return lines.join('\n');
}

async function main() {
  let config: HoldfastConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`holdfast: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const app = await buildApp({ config });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: flushing the spool');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; the spool will be replayed on next start');
      process.exit(1);
    }, 30_000);
    await app.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  const address = await app.listen({ port: config.env.PORT, host: config.env.HOST });
  process.stdout.write(banner(config, address) + '\n');
}

main().catch((e) => {
  process.stderr.write(`holdfast: failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
