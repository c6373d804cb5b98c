import { describe, expect, it } from 'vitest';
import { classifySyncFile, missingSequences, segmentFileName } from '../../../core/syncFiles';

describe('sync folder file names', () => {
  it('names segments by zero-padded sequence and reads them back', () => {
    expect(segmentFileName(42)).toBe('ops-00000042.jsonl');
    expect(classifySyncFile('ops-00000042.jsonl')).toEqual({ kind: 'segment', sequence: 42 });
    expect(classifySyncFile('manifest.json')).toEqual({ kind: 'manifest' });
    for (const bad of [0, -1, 1.5, 10 ** 8]) expect(() => segmentFileName(bad), String(bad)).toThrow(RangeError);
    expect(classifySyncFile('ops-00000000.jsonl')).toEqual({ kind: 'unknown' });
  });

  it('recognises the conflicted copies cloud clients make, and of which file', () => {
    const copies: [string, string][] = [
      ['ops-00000003 (conflicted copy 2022-03-01 101010).jsonl', 'ops-00000003.jsonl'], // Nextcloud, ownCloud
      ['ops-00000003 (Marie’s conflicted copy 2022-03-01).jsonl', 'ops-00000003.jsonl'], // Dropbox
      ['ops-00000003 (copie en conflit de Marie 2022-03-01).jsonl', 'ops-00000003.jsonl'], // Dropbox, French
      ['ops-00000003-DESKTOP-AB12CD.jsonl', 'ops-00000003.jsonl'], // OneDrive
      ['ops-00000003.sync-conflict-20220301-101010-ABCDEFG.jsonl', 'ops-00000003.jsonl'], // Syncthing
      ['ops-00000003 (1).jsonl', 'ops-00000003.jsonl'], // Google Drive
      ['manifest (conflicted copy 2022-03-01 101010).json', 'manifest.json'],
      ['manifest-LAPTOP-42.json', 'manifest.json'],
    ];
    for (const [name, of] of copies) expect(classifySyncFile(name), name).toEqual({ kind: 'conflictedCopy', of });
  });

  it('tells temporary and system files from unknown ones', () => {
    for (const name of ['.ops-00000004.jsonl.3f2a.tmp', 'ops-00000004.jsonl.part', '~$rapport.xlsx', '.~lock.notes#', '.syncthing.ops-00000004.jsonl.tmp', 'ops-00000004.jsonl.!sync']) {
      expect(classifySyncFile(name), name).toEqual({ kind: 'temporary' });
    }
    for (const name of ['desktop.ini', 'Desktop.ini', '.DS_Store', 'Thumbs.db', '._ops-00000001.jsonl', 'Icon\r']) {
      expect(classifySyncFile(name), name).toEqual({ kind: 'system' });
    }
    for (const name of ['notes.txt', 'ops-1.jsonl', 'OPS-00000001.JSONL', 'segment.jsonl']) expect(classifySyncFile(name), name).toEqual({ kind: 'unknown' });
  });

  it('finds the sequences missing between the first and the highest', () => {
    expect(missingSequences([])).toEqual([]);
    expect(missingSequences([1, 2, 3])).toEqual([]);
    expect(missingSequences([1, 4, 2, 7])).toEqual([3, 5, 6]);
    expect(missingSequences([3])).toEqual([1, 2]);
  });
});
