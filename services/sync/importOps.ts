// Import: every other device's segments after its cursor, by sequence number (never by date),
// up to its manifest's last one, each read whole and checked against its end line; applied in
// batches, each in one transaction with the cursor. What cannot be applied yet (a gap, a segment
// still arriving, a clock far ahead) stops that device where it is, to be tried again next time.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ClockError, isNodeId, parseHlc, receive } from '../../core/hlc';
import { classifySyncFile, segmentFileName } from '../../core/syncFiles';
import { checkSegment, readOpLine, readOpLines, type SegmentReading, type SyncOp } from '../../core/syncSegment';
import { directTransaction, type DirectStatements } from '../../db/directTransaction';
import { applyOperations, type ColumnRegistry } from '../../db/sync/merge';
import { isKnownCell } from '../../db/sync/schema';
import type { ServiceContext } from '../context';
import { sha256Of } from '../files';
import { deviceFolderOf, devicesFolderOf, readDeviceManifest, type RawProblem } from './folders';
import { SYNC_ROOT } from '../../core/syncSegment';

/** A device's clock may be this far ahead of ours before its operations wait (skews of days happen). */
export const MAX_CLOCK_DRIFT_MS = 7 * 24 * 60 * 60 * 1000;
/** Operations applied per transaction: large enough for speed, small enough to show progress. */
export const BATCH_OPS = 20_000;
/** …and at most this much segment text per transaction (long summaries make big operations). */
export const BATCH_BYTES = 64 * 1024 * 1024;

/** A line set aside is kept up to this length: beyond, it cannot be an operation of any version. */
const MAX_QUARANTINED_CHARS = 2_000_000;

export interface ImportProgress {
  deviceId: string;
  /** The device as people know it: the name its manifest gives and the start of its id. */
  device: string;
  segment: number;
  lastSegment: number;
  ops: number;
}

export interface ImportOutcome {
  devices: number;
  segments: number;
  ops: number;
  changedCells: number;
  newConflicts: number;
  pendingRows: number;
  /** Operations kept for tables or columns this version does not know. */
  unknownOps: number;
  /** Lines set aside earlier (by this version or an older one) that now read as operations, applied. */
  retriedLines: number;
}

interface Quarantined {
  deviceId: string;
  segment: number;
  line: number;
  reason: string;
  content: string;
}

/** A file of the sync folder as problems name it (relative to the shared folder, with `/`). */
const syncFile = (...parts: string[]) => [...SYNC_ROOT, ...parts].join('/');

/** Lines parsed between two looks at the event loop (about a millisecond of work). */
const PARSE_SLICE = 500;

/**
 * `readSegment`, giving way to the event loop every few hundred lines: while a segment is
 * parsed, the previous batch is in SQLite, whose every statement waits for this thread to
 * hand it the next one.
 */
async function readSegmentYielding(text: string, segment: number): Promise<SegmentReading> {
  const checked = checkSegment(text, segment, sha256Of);
  if (checked.state === 'incomplete') return checked;
  const reading: Extract<SegmentReading, { state: 'complete' }> = { state: 'complete', ops: [], invalid: [] };
  for (let from = 0; from < checked.lines.length; from += PARSE_SLICE) {
    if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    readOpLines(checked.lines, reading, from, Math.min(from + PARSE_SLICE, checked.lines.length));
  }
  return reading;
}

/** Moves this device's clock past the newest operation received. */
async function receiveClock(sql: DirectStatements, ops: readonly SyncOp[], node: string, wallNow: number): Promise<void> {
  let newest: string | null = null;
  for (const op of ops) if (newest === null || op.hlc > newest) newest = op.hlc;
  if (newest === null) return;
  const [state] = await sql.all<{ clock_millis: number; clock_counter: number }>('SELECT clock_millis, clock_counter FROM sync_state WHERE id = 1');
  const local = { millis: state!.clock_millis, counter: state!.clock_counter, node };
  const remote = parseHlc(newest);
  let next;
  try {
    next = receive(local, remote, wallNow, MAX_CLOCK_DRIFT_MS);
  } catch (error) {
    // 65 536 events in one millisecond: the next millisecond starts over (as capture does).
    if (!(error instanceof ClockError) || error.reason !== 'overflow') throw error;
    next = { millis: Math.max(local.millis, remote.millis) + 1, counter: 0 };
  }
  await sql.run('UPDATE sync_state SET clock_millis = ?, clock_counter = ? WHERE id = 1', [next.millis, next.counter]);
}

/**
 * Reads again the lines set aside: an update of Carnet may read what an older version could not.
 * Those that now hold an operation are applied (last writer wins makes their lateness harmless)
 * and leave the quarantine; the others stay, reported as before.
 */
async function retryQuarantined(context: ServiceContext, deviceId: string, registry: ColumnRegistry | undefined, offset: number): Promise<number> {
  const lines = (await context.db('sync_quarantine').select('device_id', 'segment', 'line', 'content')) as { device_id: string; segment: number; line: number; content: string }[];
  // As any received operation: one stamped too far in the future waits (here, in the quarantine).
  const limit = Date.now() + offset + MAX_CLOCK_DRIFT_MS;
  const readable = lines.flatMap((line) => {
    const read = readOpLine(line.content);
    return 'op' in read && parseHlc(read.op.hlc).millis <= limit ? [{ line, op: read.op }] : [];
  });
  if (readable.length === 0) return 0;
  await directTransaction(context.db, async (sql) => {
    const ops = readable.map((item) => item.op);
    // This device's changes come after them, those the merge itself makes included.
    await receiveClock(sql, ops, deviceId, Date.now() + offset);
    await applyOperations(sql, ops, { node: deviceId, detectedAt: new Date().toISOString(), registry });
    for (const { line } of readable) await sql.run('DELETE FROM sync_quarantine WHERE device_id = ? AND segment = ? AND line = ?', [line.device_id, line.segment, line.line]);
  });
  return readable.length;
}

export async function importOperations(
  context: ServiceContext,
  sharedFolder: string,
  deviceId: string,
  problems: RawProblem[],
  options: { registry?: ColumnRegistry; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { devices: 0, segments: 0, ops: 0, changedCells: 0, newConflicts: 0, pendingRows: 0, unknownOps: 0, retriedLines: 0 };
  const root = devicesFolderOf(sharedFolder);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const cursors = new Map(((await context.db('sync_cursors').select('device_id', 'segment')) as { device_id: string; segment: number }[]).map((row) => [row.device_id, row.segment]));
  const detectedAt = new Date().toISOString();
  const { offset_ms: offset } = (await context.db('sync_state').where({ id: 1 }).first('offset_ms')) as { offset_ms: number };
  outcome.retriedLines = await retryQuarantined(context, deviceId, options.registry, offset);

  /** One batch of a device, in one transaction with that device's cursor. */
  const applyBatch = (other: string, upTo: number, ops: readonly SyncOp[], lines: readonly Quarantined[]) =>
    directTransaction(context.db, async (sql) => {
      // First: the changes the merge makes as this device's own (children of a row deleted
      // elsewhere, a name renamed on a clash) must come after every operation of the batch. Our
      // wall clock as the capture triggers see it (with the simulations' offset).
      await receiveClock(sql, ops, deviceId, Date.now() + offset);
      const result = await applyOperations(sql, ops, { node: deviceId, detectedAt, registry: options.registry });
      for (const item of lines) {
        await sql.run('INSERT OR REPLACE INTO sync_quarantine (device_id, segment, line, reason, content, at) VALUES (?, ?, ?, ?, ?, ?)', [
          item.deviceId, item.segment, item.line, item.reason, item.content, detectedAt,
        ]);
      }
      await sql.run(
        `INSERT INTO sync_cursors (device_id, segment, ops, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET segment = excluded.segment, ops = sync_cursors.ops + excluded.ops, updated_at = excluded.updated_at`,
        [other, upTo, ops.length, detectedAt],
      );
      return result;
    });
  /** The batch SQLite is applying while the next one is read. */
  let applying: Promise<void> = Promise.resolve();
  let opsRead = 0;

  try {
    for (const entry of entries) {
      if (!entry.isDirectory()) {
        const kind = classifySyncFile(entry.name).kind;
        if (kind === 'unknown' || kind === 'conflictedCopy') problems.push({ kind: 'unknown_file', severity: 'info', file: syncFile(entry.name), params: { file: entry.name } });
        continue;
      }
      if (entry.name === deviceId) continue;
      if (!isNodeId(entry.name)) {
        problems.push({ kind: 'unknown_file', severity: 'info', file: syncFile(entry.name), params: { file: entry.name } });
        continue;
      }
      const other = entry.name;
      const folder = deviceFolderOf(sharedFolder, other);
      const reading = await readDeviceManifest(folder);
      if (reading.state === 'invalid') {
        problems.push({ kind: 'manifest_invalid', severity: 'warning', deviceId: other, file: syncFile(other, 'manifest.json'), params: { device: other, reason: reading.reason } });
        continue;
      }
      if (reading.state === 'absent') continue; // Its first export is still arriving.
      if (reading.manifest.deviceId !== other) {
        problems.push({ kind: 'manifest_invalid', severity: 'warning', deviceId: other, file: syncFile(other, 'manifest.json'), params: { device: other, reason: `deviceId ${reading.manifest.deviceId}` } });
        continue;
      }
      outcome.devices += 1;
      // « portable-marie (3f2a9c) »: the name its manifest gives, and the start of its id.
      const shownDevice = reading.manifest.deviceName ? `${reading.manifest.deviceName} (${other.slice(0, 6)})` : other;

      const names = await readdir(folder).catch(() => [] as string[]);
      const present = new Set<number>();
      for (const name of names) {
        const kind = classifySyncFile(name);
        if (kind.kind === 'segment') {
          present.add(kind.sequence);
          continue;
        }
        const file = syncFile(other, name);
        if (kind.kind === 'conflictedCopy') problems.push({ kind: 'conflicted_copy', severity: 'warning', deviceId: other, file, params: { file: name, of: kind.of } });
        else if (kind.kind === 'unknown' && name !== 'files') problems.push({ kind: 'unknown_file', severity: 'info', deviceId: other, file, params: { file: name } });
      }

      const lastSegment = reading.manifest.lastSegment;
      let cursor = cursors.get(other) ?? 0;
      let batch: SyncOp[] = [];
      let quarantined: Quarantined[] = [];
      let batchSegments = 0;
      let batchBytes = 0;
      // Applies what was read up to segment `upTo`, in the background: the next segments are read
      // and checked while SQLite works (one batch at a time; the next flush waits for this one).
      let flushedTo = cursor;
      const flush = async (upTo: number) => {
        if (upTo <= flushedTo) return;
        flushedTo = upTo;
        const ops = batch;
        const lines = quarantined;
        const segments = batchSegments;
        batch = [];
        quarantined = [];
        batchSegments = 0;
        batchBytes = 0;
        await applying;
        applying = applyBatch(other, upTo, ops, lines).then((applied) => {
          outcome.ops += ops.length;
          outcome.segments += segments;
          outcome.changedCells += applied.changed;
          outcome.newConflicts += applied.conflicts;
          outcome.pendingRows = applied.pending;
          outcome.unknownOps += ops.filter((op) => !isKnownCell(op.table, op.column)).length;
          cursor = upTo;
        });
        // Its failure is seen where it is awaited (the next flush, or the end of the import).
        void applying.catch(() => undefined);
      };

      // The greatest clock text of the bound's millisecond (clock texts sort as clocks do).
      const latestAccepted = `${new Date(Date.now() + offset + MAX_CLOCK_DRIFT_MS).toISOString()}-FFFF-ffffffffffffffff`;
      let reached = cursor;
      for (let segment = cursor + 1; segment <= lastSegment; segment++) {
        const name = segmentFileName(segment);
        const file = syncFile(other, name);
        if (!present.has(segment)) {
          problems.push({ kind: 'segment_missing', severity: 'warning', deviceId: other, file, params: { device: shownDevice, segment } });
          break;
        }
        const text = await readFile(path.join(folder, name), 'utf8').catch(() => null);
        const read = text === null ? ({ state: 'incomplete', reason: 'no_end' } as const) : await readSegmentYielding(text, segment);
        if (read.state === 'incomplete') {
          problems.push({ kind: 'segment_incomplete', severity: 'warning', deviceId: other, file, params: { device: shownDevice, segment, reason: read.reason } });
          break;
        }
        const ahead = read.ops.find((op) => op.hlc > latestAccepted);
        if (ahead) {
          problems.push({ kind: 'clock_ahead', severity: 'warning', deviceId: other, file, params: { device: shownDevice, segment, hlc: ahead.hlc.slice(0, 24) } });
          break;
        }
        for (const line of read.invalid) {
          // Kept whole (an operation's value is at most a million characters): a later version may read it.
          quarantined.push({ deviceId: other, segment, line: line.line, reason: line.reason, content: line.content.slice(0, MAX_QUARANTINED_CHARS) });
          problems.push({ kind: 'line_invalid', severity: 'warning', deviceId: other, file, params: { device: shownDevice, segment, line: line.line, reason: line.reason } });
        }
        batch.push(...read.ops);
        batchSegments += 1;
        batchBytes += text!.length;
        reached = segment;
        opsRead += read.ops.length;
        options.onProgress?.({ deviceId: other, device: shownDevice, segment, lastSegment, ops: opsRead });
        if (batch.length >= BATCH_OPS || batchBytes >= BATCH_BYTES) await flush(reached);
      }
      await flush(reached);
    }
  } catch (error) {
    // Not before the batch under way has settled; the error that stopped the reading is the one told.
    await applying.catch(() => undefined);
    throw error;
  }
  await applying;

  // Rows that waited for a parent may have got it from another device's batch.
  if (outcome.ops === 0) {
    const [waiting] = (await context.db('sync_pending_rows').count({ n: '*' })) as { n: number }[];
    if (Number(waiting!.n) > 0) {
      const applied = await directTransaction(context.db, (sql) => applyOperations(sql, [], { node: deviceId, detectedAt, registry: options.registry }));
      outcome.pendingRows = applied.pending;
    }
  } else {
    const [waiting] = (await context.db('sync_pending_rows').count({ n: '*' })) as { n: number }[];
    outcome.pendingRows = Number(waiting!.n);
  }
  return outcome;
}

