// The files of a device's sync folder, `sync/v1/devices/<deviceId>/`: segments of operations
// (`ops-<seq>.jsonl`, one JSON operation per line, then an end line carrying the count and the
// SHA-256 of every byte before it) and `manifest.json`, written last, the commit point.
// Pure: hashing is given by the caller (Node's crypto in services, a test's own elsewhere).
import { z } from 'zod';
import { isHlcText, isNodeId } from './hlc';

export const SYNC_FORMAT = 'carnet-sync';
export const SYNC_FORMAT_VERSION = 1;
export const SYNC_ROOT = ['sync', 'v1', 'devices'] as const;

/** A cell's value as it travels: SQLite's integers, text and null (no reals, no blobs in shared data). */
export type CellValue = string | number | null;

export interface SyncOp {
  /** `<deviceId>:<sequence in its outbox>`: unique across devices. */
  id: string;
  hlc: string;
  table: string;
  row: string;
  column: string;
  value: CellValue;
  /** The clock of the value the writer saw in that cell (null: none), for conflicts. */
  prev: string | null;
}

const hlcText = z.string().refine(isHlcText, 'horloge hybride attendue');
const name = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

export const syncOpSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{16}:[1-9]\d{0,15}$/),
  hlc: hlcText,
  table: name,
  row: z.string().min(1).max(128),
  column: name,
  value: z.union([z.string().max(1_000_000), z.number().int().refine(Number.isSafeInteger), z.null()]),
  prev: hlcText.nullable(),
});

export const segmentEndSchema = z.strictObject({
  end: z.strictObject({
    segment: z.number().int().min(1),
    ops: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

export const deviceManifestSchema = z.strictObject({
  format: z.literal(SYNC_FORMAT),
  formatVersion: z.literal(SYNC_FORMAT_VERSION),
  deviceId: z.string().refine(isNodeId),
  deviceName: z.string().max(200),
  lastSegment: z.number().int().min(0),
  lastSegmentSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  /** Random for every write of the manifest, remembered by the database that wrote it: another writer (a copy of this device) is noticed. */
  writeNonce: z.string().regex(/^[0-9a-f]{16,64}$/),
  /** The newest migration of the Carnet that wrote it: operations it knows may be unknown here. */
  schema: z.string().max(100),
  updatedAt: z.string().max(40),
});
export type DeviceManifest = z.infer<typeof deviceManifestSchema>;

const OP_ID = /^[0-9a-f]{16}:[1-9]\d{0,15}$/;
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const OP_KEYS = 7;

/**
 * The common case of `syncOpSchema`, checked by hand (a cold import reads 100 000 lines): an
 * object with exactly the seven keys, each valid. Anything it refuses goes through the schema,
 * which has the last word and says why.
 */
export function asSyncOp(value: unknown): SyncOp | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const op = value as Record<string, unknown>;
  if (Object.keys(op).length !== OP_KEYS) return null;
  const { id, hlc, table, row, column, value: cell, prev } = op;
  if (typeof id !== 'string' || !OP_ID.test(id)) return null;
  if (typeof hlc !== 'string' || !isHlcText(hlc)) return null;
  if (typeof table !== 'string' || !NAME.test(table) || typeof column !== 'string' || !NAME.test(column)) return null;
  if (typeof row !== 'string' || row.length < 1 || row.length > 128) return null;
  const cellOk = cell === null || (typeof cell === 'string' && cell.length <= 1_000_000) || (typeof cell === 'number' && Number.isSafeInteger(cell));
  if (!cellOk) return null;
  if (prev !== null && (typeof prev !== 'string' || !isHlcText(prev))) return null;
  return op as unknown as SyncOp;
}

/** One operation as a segment line, keys always in this order. */
export function opLine(op: SyncOp): string {
  return JSON.stringify({ id: op.id, hlc: op.hlc, table: op.table, row: op.row, column: op.column, value: op.value, prev: op.prev });
}

/** A whole segment's text: the operations' lines, then the end line over them. */
export function segmentText(segment: number, ops: readonly SyncOp[], sha256: (text: string) => string): string {
  const body = ops.map((op) => `${opLine(op)}\n`).join('');
  return `${body}${JSON.stringify({ end: { segment, ops: ops.length, sha256: sha256(body) } })}\n`;
}

export type SegmentReading =
  | { state: 'complete'; ops: SyncOp[]; invalid: { line: number; reason: string; content: string }[] }
  /** No end line, or one that does not match: still arriving, or damaged. Nothing is applied. */
  | { state: 'incomplete'; reason: 'no_end' | 'count' | 'hash' | 'segment' };

/** A segment's operation lines, once its end line vouches for them, or why it does not. */
export type SegmentCheck =
  | { state: 'complete'; lines: string[] }
  | { state: 'incomplete'; reason: 'no_end' | 'count' | 'hash' | 'segment' };

/**
 * Checks a segment's text against its end line: without it, or if its count or hash disagree
 * with the lines before it, the segment is incomplete and none of it counts.
 */
export function checkSegment(text: string, segment: number, sha256: (text: string) => string): SegmentCheck {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : null;
  if (trimmed === null) return { state: 'incomplete', reason: 'no_end' };
  const lastBreak = trimmed.lastIndexOf('\n');
  const endText = trimmed.slice(lastBreak + 1);
  const body = lastBreak < 0 ? '' : text.slice(0, lastBreak + 1);
  let end: z.infer<typeof segmentEndSchema>['end'];
  try {
    const parsed = segmentEndSchema.safeParse(JSON.parse(endText));
    if (!parsed.success) return { state: 'incomplete', reason: 'no_end' };
    end = parsed.data.end;
  } catch {
    return { state: 'incomplete', reason: 'no_end' };
  }
  if (end.segment !== segment) return { state: 'incomplete', reason: 'segment' };
  if (sha256(body) !== end.sha256) return { state: 'incomplete', reason: 'hash' };
  const lines = body === '' ? [] : body.slice(0, -1).split('\n');
  if (lines.length !== end.ops) return { state: 'incomplete', reason: 'count' };
  return { state: 'complete', lines };
}

/** Lines `from` to `to` of a checked segment (numbered from 1 in `invalid`), read into `into`. */
export function readOpLines(
  lines: readonly string[],
  into: { ops: SyncOp[]; invalid: { line: number; reason: string; content: string }[] },
  from = 0,
  to = lines.length,
): void {
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    const read = readOpLine(line);
    if ('op' in read) into.ops.push(read.op);
    else into.invalid.push({ line: index + 1, reason: read.reason, content: line });
  }
}

/**
 * Reads a segment's text. The end line decides (see `checkSegment`). In a complete segment, a
 * line that is not a valid operation is set aside (quarantined), the others count.
 */
export function readSegment(text: string, segment: number, sha256: (text: string) => string): SegmentReading {
  const checked = checkSegment(text, segment, sha256);
  if (checked.state === 'incomplete') return checked;
  const reading: Extract<SegmentReading, { state: 'complete' }> = { state: 'complete', ops: [], invalid: [] };
  readOpLines(checked.lines, reading);
  return reading;
}

/** One line of a segment: the operation it holds, or why it is not one. */
export function readOpLine(line: string): { op: SyncOp } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { reason: 'json' };
  }
  const fast = asSyncOp(value);
  if (fast) return { op: fast };
  const parsed = syncOpSchema.safeParse(value);
  return parsed.success ? { op: parsed.data } : { reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`).join(', ') };
}
