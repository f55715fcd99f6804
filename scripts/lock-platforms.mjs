// Native packages (chdb, rollup, esbuild) list a binary package per platform as optional dependencies. The
// registry this project installs from serves only the ones for this machine, so npm leaves the rest out of
// package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds the missing ones back as
// platform-restricted optional entries (platform read from the package name), which npm ci skips here and
// installs on their own platform. Run after changing dependencies: npm run lock:fix
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 'ppc64', 's390x', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((o) => parts.includes(o) || (o === 'win32' && parts.includes('win')));
  const cpu = CPU.find((c) => parts.includes(c) || (c === 'arm' && parts.includes('armv7')) || (c === 'arm' && parts.includes('eabi')));
  const out = {};
  if (os) out.os = [os];
  if (cpu) out.cpu = [cpu];
  if (os === 'linux') out.libc = [parts.includes('musl') ? 'musl' : 'glibc'];
  return out;
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${key}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const platform = platformOf(name);
    if (!platform.os) continue; // not a platform binary: leave it to npm
    lock.packages[hoisted] = { version: version.replace(/^[\^~]/, ''), optional: true, ...platform };
    if (pkg.dev) lock.packages[hoisted].dev = true;
    added++;
  }
}
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock:fix: added ${added} platform entries`);
