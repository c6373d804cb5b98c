// A review decision is written once: complete or absent for every reader, never replaced, even
// when two reviewers write at the same moment.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileOnce } from '../../../services/review/decide';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'carnet-once-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('writeFileOnce', () => {
  it('writes a new file, creating its folder, and leaves no temporary file', async () => {
    const target = path.join(folder, 'reviews', 'RD-2022-014', 'v1.json');
    expect(await writeFileOnce(target, '{"a":1}\n')).toBe('written');
    expect(await readFile(target, 'utf8')).toBe('{"a":1}\n');
    expect(await readdir(path.dirname(target))).toEqual(['v1.json']);
  });

  it('never replaces an existing file', async () => {
    const target = path.join(folder, 'v1.json');
    await writeFile(target, 'first');
    expect(await writeFileOnce(target, 'second')).toBe('exists');
    expect(await readFile(target, 'utf8')).toBe('first');
    expect(await readdir(folder)).toEqual(['v1.json']);
  });

  it('lets exactly one of many simultaneous writers win', async () => {
    const target = path.join(folder, 'v1.json');
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, index) => writeFileOnce(target, `writer ${index}`)));
    expect(outcomes.filter((outcome) => outcome === 'written')).toHaveLength(1);
    const winner = outcomes.indexOf('written');
    expect(await readFile(target, 'utf8')).toBe(`writer ${winner}`);
    expect(await readdir(folder)).toEqual(['v1.json']);
  });

  it('where hard links are refused (a share, FAT), still writes once and lets one writer win', async () => {
    const noLinks = () => Promise.reject(Object.assign(new Error('operation not permitted'), { code: 'EPERM' }));
    const target = path.join(folder, 'v1.json');
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, index) => writeFileOnce(target, `writer ${index}`, noLinks)));
    expect(outcomes.filter((outcome) => outcome === 'written')).toHaveLength(1);
    expect(await readFile(target, 'utf8')).toBe(`writer ${outcomes.indexOf('written')}`);
    expect(await writeFileOnce(target, 'late', noLinks)).toBe('exists');
    expect(await readdir(folder)).toEqual(['v1.json']);
  });
});
