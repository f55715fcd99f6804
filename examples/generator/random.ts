// A small seeded PRNG (mulberry32): the same seed gives the same dataset on every machine.
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    /** Pareto-distributed weight >= 1: a few heavy users or accounts, many light ones. */
    pareto: (alpha = 1.2) => 1 / Math.pow(1 - next(), 1 / alpha),
  };
}
