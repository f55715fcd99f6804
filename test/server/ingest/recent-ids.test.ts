import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../../server/ingest/recent-ids.js';

describe('RecentIds', () => {
  it('remembers recent ids, forgets failed ones, and stays bounded', () => {
    const ids = new RecentIds(10);
    expect(ids.seen('a')).toBe(false);
    expect(ids.seen('a')).toBe(true);
    ids.forget(['a']);
    expect(ids.seen('a')).toBe(false);
    for (let i = 0; i < 100; i++) ids.seen(`x${i}`);
    // The last max/2 ids are always remembered; ids older than max are gone.
    for (let i = 95; i < 100; i++) expect(ids.seen(`x${i}`)).toBe(true);
    expect(ids.seen('x0')).toBe(false);
  });
});
