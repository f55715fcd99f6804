// The write-ahead spool on a real file system: durability, sealing, bounds, and repair after a torn write.
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Spool, SpoolFullError } from '../../../server/ingest/spool.js';
import { tempDir } from '../../helpers/server.js';

const line = (s: string) => Buffer.from(`${JSON.stringify({ s })}\n`);

describe('Spool', () => {
  it('writes concurrent appends to disk before they resolve, and seals them into one segment', async () => {
    const dir = tempDir();
    const spool = await Spool.open({ dir, maxBytes: 1e6, fsync: true });
    await Promise.all(Array.from({ length: 50 }, (_, i) => spool.append(line(`r${i}`), 1)));
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, files[0]), 'utf8').trim().split('\n')).toHaveLength(50);
    expect(spool.openRows).toBe(50);

    const seg = await spool.seal();
    expect(seg).not.toBeNull();
    expect(spool.sealed()).toEqual([seg]);
    expect((await spool.read(seg!)).toString().split('\n').filter(Boolean)).toHaveLength(50);
    expect(await spool.seal()).toBeNull(); // nothing new to seal

    await spool.append(line('next'), 1);
    const seg2 = await spool.seal();
    expect(seg2!.name > seg!.name).toBe(true); // names sort in creation order
    await spool.remove(seg!);
    expect(spool.sealed()).toEqual([seg2]);
    expect(spool.bytes).toBe(seg2!.bytes);
  });

  it('refuses appends past its byte limit, and takes them again once a segment leaves', async () => {
    const spool = await Spool.open({ dir: tempDir(), maxBytes: 100, fsync: false });
    await spool.append(Buffer.alloc(60, 'a'), 1);
    await expect(spool.append(Buffer.alloc(60, 'b'), 1)).rejects.toBeInstanceOf(SpoolFullError);
    expect(spool.full).toBe(true);
    const seg = await spool.seal();
    await spool.remove(seg!);
    expect(spool.full).toBe(false);
    await spool.append(Buffer.alloc(60, 'c'), 1);
  });

  it('reopens with earlier segments sealed, cutting a torn last line that was never acknowledged', async () => {
    const dir = tempDir();
    const first = await Spool.open({ dir, maxBytes: 1e6, fsync: true });
    await first.append(Buffer.concat([line('a'), line('b')]), 2);
    // A crash mid-write leaves half a line behind (never acknowledged).
    const [file] = readdirSync(dir);
    appendFileSync(join(dir, file), '{"s":"tor');

    const reopened = await Spool.open({ dir, maxBytes: 1e6, fsync: true });
    expect(reopened.sealed()).toHaveLength(1);
    const text = (await reopened.read(reopened.sealed()[0])).toString();
    expect(text).toBe(`${line('a')}${line('b')}`);
    expect(reopened.bytes).toBe(text.length);
  });
});
