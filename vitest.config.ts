import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

export default defineConfig({
  // The SDK's build-time constant, as rollup sets it.
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    // chDB binds one data directory per process: every test file runs in its own forked process.
    pool: 'forks',
    isolate: true,
    maxWorkers: 2,
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
