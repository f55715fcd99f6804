// Runs the real collector (server/main.ts) as a child process, as an operator would.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** As `npm start` runs it: a larger young generation measured +25% ingest throughput (bench:ingest). */
export const COLLECTOR_NODE_FLAGS = ['--max-semi-space-size=64', '--import', 'tsx'];

export interface Collector {
  child: ChildProcess;
  url: string;
  output: () => string;
}

export async function startCollector(env: Record<string, string>, timeoutMs = 30_000): Promise<Collector> {
  const child = spawn(process.execPath, [...COLLECTOR_NODE_FLAGS, 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /Holdfast listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited with ${code}:\n${out}`));
    });
  });
  return { child, url, output: () => out };
}

export async function stopCollector(c: Collector, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (c.child.exitCode !== null || c.child.signalCode !== null) return c.child.exitCode;
  const exited = once(c.child, 'exit');
  c.child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}
