// Names of the files in a device's sync folder (`sync/v1/devices/<deviceId>/`), and what a shared
// folder puts beside them: cloud clients' conflicted copies, partial downloads, the operating
// system's own files. The importer reads segments by sequence number and reports the rest.

export const SEGMENT_DIGITS = 8;
export const MANIFEST_FILE = 'manifest.json';

const SEGMENT = /^ops-(\d{8})\.jsonl$/;
// A name built on a segment's or the manifest's without being it: what Nextcloud (« (conflicted
// copy 2022-03-01 101010) »), Dropbox (« (Marie's conflicted copy …) », « (copie en conflit …) »),
// OneDrive (« -DESKTOP-AB12CD »), Syncthing (« .sync-conflict-… »), Google Drive (« (1) ») make.
const DERIVED = /^(ops-\d{8}|manifest)(?!\.jsonl$|\.json$)[\s\S]*$/;
const SYSTEM = new Set(['desktop.ini', '.ds_store', 'thumbs.db', 'ehthumbs.db', '.directory', 'icon\r']);
const TEMPORARY = [/\.tmp$/i, /\.temp$/i, /\.part$/i, /\.partial$/i, /\.crdownload$/i, /\.!sync$/i, /^~\$/, /^\.~lock\./, /^\.syncthing\./];

export type SyncFileKind =
  | { kind: 'segment'; sequence: number }
  | { kind: 'manifest' }
  /** A cloud client's copy of a segment or of the manifest: never read as such, reported. */
  | { kind: 'conflictedCopy'; of: string }
  /** Being written (ours or a cloud client's): looked at again next time. */
  | { kind: 'temporary' }
  /** The operating system's (desktop.ini, .DS_Store…): ignored silently. */
  | { kind: 'system' }
  | { kind: 'unknown' };

/** `ops-00000042.jsonl` for sequence 42. */
export function segmentFileName(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence >= 10 ** SEGMENT_DIGITS) throw new RangeError(`segment sequence out of range: ${sequence}`);
  return `ops-${String(sequence).padStart(SEGMENT_DIGITS, '0')}.jsonl`;
}

export function classifySyncFile(name: string): SyncFileKind {
  const segment = SEGMENT.exec(name);
  if (segment) {
    const sequence = Number(segment[1]);
    return sequence >= 1 ? { kind: 'segment', sequence } : { kind: 'unknown' };
  }
  if (name === MANIFEST_FILE) return { kind: 'manifest' };
  if (SYSTEM.has(name.toLowerCase()) || name.startsWith('._')) return { kind: 'system' };
  if (TEMPORARY.some((pattern) => pattern.test(name))) return { kind: 'temporary' };
  const derived = DERIVED.exec(name);
  if (derived) return { kind: 'conflictedCopy', of: derived[1] === 'manifest' ? MANIFEST_FILE : `${derived[1]}.jsonl` };
  return { kind: 'unknown' };
}

/**
 * Sequence numbers missing between 1 and the highest present: a segment a cloud client has not
 * delivered yet (or lost). The importer stops before the first gap and says so.
 */
export function missingSequences(sequences: readonly number[]): number[] {
  const present = new Set(sequences);
  const highest = Math.max(0, ...sequences);
  const missing: number[] = [];
  for (let sequence = 1; sequence < highest; sequence++) if (!present.has(sequence)) missing.push(sequence);
  return missing;
}
