// Deterministic sampling: the same person gets the same answer on every device and every request.
import { createHash } from 'node:crypto';

/** A stable number in [0, 100) for a key. */
export function bucket(key: string): number {
  return (createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32) * 100;
}

export const inSample = (key: string, percent: number) => bucket(key) < percent;
