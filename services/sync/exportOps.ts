// Export: this device's new operations into `sync/v1/devices/<deviceId>/ops-<seq>.jsonl`
// segments, each written under a temporary name, flushed and renamed, and `manifest.json` last.
// The database records a segment before its rename, so a crash or a refused rename leaves a
// segment the next export writes again, byte for byte (the outbox never changes once stamped).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isNodeId } from '../../core/hlc';
import { MANIFEST_FILE, segmentFileName } from '../../core/syncFiles';
import { asSyncOp, opLine, readOpLine, segmentText, SYNC_FORMAT, SYNC_FORMAT_VERSION, type DeviceManifest, type SyncOp } from '../../core/syncSegment';
import { directTransaction } from '../../db/directTransaction';
import { LATEST_MIGRATION } from '../../db/migrate';
import { stampOutbox } from '../../db/sync/merge';
import { writeFileAtomic } from '../atomicFiles';
import { sha256Of } from '../files';
import type { ServiceContext } from '../context';
import { deviceFolderOf, devicesFolderOf, readDeviceManifest, shownPath, type RawProblem } from './folders';

/** Operations per segment: about 0.7 MB, read in a few milliseconds. */
export const SEGMENT_OPS = 5000;

interface SegmentRecord {
  segment: number;
  first_seq: number;
  last_seq: number;
  ops: number;
  sha256: string;
}

interface OutboxRow {
  seq: number;
  hlc: string;
  tbl: string;
  row_id: string;
  col: string;
  value: string | number | null;
  prev_hlc: string | null;
}

const opOf = (deviceId: string) => (row: OutboxRow): SyncOp => ({
  id: `${deviceId}:${row.seq}`,
  hlc: row.hlc,
  table: row.tbl,
  row: row.row_id,
  column: row.col,
  value: row.value,
  prev: row.prev_hlc,
});

async function segmentTextOf(context: ServiceContext, deviceId: string, record: Pick<SegmentRecord, 'segment' | 'first_seq' | 'last_seq'>): Promise<string> {
  const rows: OutboxRow[] = await context.db('sync_outbox')
    .whereBetween('seq', [record.first_seq, record.last_seq])
    .orderBy('seq')
    .select('seq', 'hlc', 'tbl', 'row_id', 'col', 'value', 'prev_hlc');
  return segmentText(record.segment, rows.map(opOf(deviceId)), sha256Of);
}

export type ExportOutcome =
  | { state: 'done'; ops: number; segments: number }
  /**
   * This device's folder was written by another database (a copy of this one): continue under a
   * new id, sending again every operation after `resumeAfterSeq` (what the folder holds as ours).
   */
  | { state: 'cloned'; resumeAfterSeq: number };

/** The last outbox position up to which the folder holds exactly our segments. */
async function confirmedSeq(context: ServiceContext, folder: string, deviceId: string): Promise<number> {
  const records: SegmentRecord[] = await context.db('sync_segments').where({ device_id: deviceId }).orderBy('segment', 'desc').limit(200);
  for (const record of records) {
    const bytes = await readFile(path.join(folder, segmentFileName(record.segment))).catch(() => null);
    if (bytes && sha256Of(bytes) === record.sha256) return record.last_seq;
  }
  return 0;
}

/**
 * Checks this device's operations as every reader will (core/syncSegment.ts): one that does not
 * pass (a value beyond the format's bounds) is still sent — a later version may read it — but said.
 */
function reportUnsendable(ops: readonly SyncOp[], problems: RawProblem[]): void {
  let count = 0;
  let first: { op: SyncOp; reason: string } | null = null;
  for (const op of ops) {
    if (asSyncOp(op)) continue;
    const read = readOpLine(opLine(op));
    if ('op' in read) continue;
    count += 1;
    first ??= { op, reason: read.reason };
  }
  if (first) problems.push({ kind: 'op_unsendable', severity: 'warning', params: { count, table: first.op.table, column: first.op.column, row: first.op.row, reason: first.reason } });
}

/**
 * In a shared folder this device has not written into before (the firm moved to another cloud, a
 * USB key), the last value of every cell written by a device absent from that folder is sent on
 * from this device's folder, under its author's clock: a device that never comes to the new folder
 * (retired, lost) does not take its changes with it. Absent: no folder there, or one that stops
 * before the last segment of it this device has read (it came once, long ago). A change this
 * device already sent on (into any folder: its segments are written again, whole, into every
 * folder it syncs with) is not sent again, so a firm alternating two folders relays each change
 * once. Devices that come later send their own again; receiving a change twice changes nothing.
 * Returns how many were relayed.
 */
export async function relayAbsentDevices(context: ServiceContext, sharedFolder: string, deviceId: string): Promise<number> {
  const folder = path.resolve(sharedFolder);
  const { relay_folder: relayFolder } = (await context.db('sync_state').where({ id: 1 }).first('relay_folder')) as { relay_folder: string | null };
  if (relayFolder === folder) return 0;
  const cursors = new Map(((await context.db('sync_cursors').select('device_id', 'segment')) as { device_id: string; segment: number }[]).map((row) => [row.device_id, row.segment]));
  const present: string[] = [];
  for (const name of (await readdir(devicesFolderOf(sharedFolder)).catch(() => [] as string[])).filter(isNodeId)) {
    const reading = await readDeviceManifest(deviceFolderOf(sharedFolder, name));
    if (reading.state === 'valid' && reading.manifest.lastSegment >= (cursors.get(name) ?? 0)) present.push(name);
  }
  // Outbox rows from this id's first segment on go out under this id, into every folder; those
  // before it went out under an id this device left (a copy noticed), in its old folder only.
  const [first] = (await context.db('sync_segments').where({ device_id: deviceId }).min({ seq: 'first_seq' })) as { seq: number | null }[];
  const { exported_seq: exportedSeq } = (await context.db('sync_state').where({ id: 1 }).first('exported_seq')) as { exported_seq: number };
  const sentUnderThisId = first?.seq ?? exportedSeq + 1;
  return directTransaction(context.db, async (sql) => {
    // A clock's text ends with its author's 16-character node id (core/hlc.ts).
    await sql.run(
      `INSERT INTO sync_outbox (millis, counter, tbl, row_id, col, value, hlc, prev_hlc, relayed)
       SELECT 0, 0, c.tbl, c.row_id, c.col, c.value, c.hlc, c.prev_hlc, 1 FROM sync_cells c
       WHERE substr(c.hlc, -16) <> ? AND substr(c.hlc, -16) NOT IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.relayed = 1 AND o.tbl = c.tbl AND o.row_id = c.row_id AND o.col = c.col AND o.hlc = c.hlc AND o.seq >= ?)
       ORDER BY c.tbl, c.row_id, c.col`,
      [deviceId, JSON.stringify(present), sentUnderThisId],
    );
    const [inserted] = await sql.all<{ relayed: number }>('SELECT changes() AS relayed');
    await sql.run('UPDATE sync_state SET relay_folder = ? WHERE id = 1', [folder]);
    return inserted!.relayed;
  });
}

/** Writes the new operations and the manifest; recovers segments a previous export left unwritten. */
export async function exportOperations(context: ServiceContext, sharedFolder: string, deviceId: string, problems: RawProblem[]): Promise<ExportOutcome> {
  const folder = deviceFolderOf(sharedFolder, deviceId);
  await mkdir(folder, { recursive: true });

  // Checked before anything is stamped with this id: is the folder still ours alone?
  const last: SegmentRecord | undefined = await context.db('sync_segments').where({ device_id: deviceId }).orderBy('segment', 'desc').first();
  const nonce = ((await context.db('sync_manifest_nonces').where({ folder: path.resolve(folder) }).first('nonce')) as { nonce: string } | undefined)?.nonce ?? null;
  const reading = await readDeviceManifest(folder);
  const manifestLast = reading.state === 'valid' ? reading.manifest.lastSegment : 0;
  if (reading.state === 'valid') {
    const ahead = manifestLast > (last?.segment ?? 0);
    const otherHistory = manifestLast > 0 && manifestLast === last?.segment && reading.manifest.lastSegmentSha256 !== last.sha256;
    const otherWriter = nonce !== null && reading.manifest.writeNonce !== nonce;
    if (ahead || otherHistory || otherWriter || reading.manifest.deviceId !== deviceId) {
      return { state: 'cloned', resumeAfterSeq: await confirmedSeq(context, folder, deviceId) };
    }
  }
  await relayAbsentDevices(context, sharedFolder, deviceId);
  await directTransaction(context.db, (sql) => stampOutbox(sql, deviceId));

  // Segments recorded but not in the folder (a crash, a refused rename, a file lost, a folder
  // emptied or new): written again, byte for byte.
  const names = new Set(await readdir(folder).catch(() => [] as string[]));
  const recorded = (await context.db('sync_segments').where({ device_id: deviceId }).select('segment', 'first_seq', 'last_seq', 'ops', 'sha256')) as SegmentRecord[];
  const unconfirmed = recorded.filter((record) => !names.has(segmentFileName(record.segment)));
  let rewritten = 0;
  for (const record of unconfirmed) {
    await writeFileAtomic(path.join(folder, segmentFileName(record.segment)), await segmentTextOf(context, deviceId, record));
    rewritten += 1;
  }
  if (rewritten > 0) problems.push({ kind: 'folder_rewritten', severity: 'info', deviceId, file: shownPath(sharedFolder, folder), params: { segments: rewritten } });

  // New operations, SEGMENT_OPS at a time.
  let newest = last;
  let exportedOps = 0;
  let segments = 0;
  let next = (last?.segment ?? 0) + 1;
  for (;;) {
    const [state] = (await context.db('sync_state').where({ id: 1 }).select('exported_seq')) as { exported_seq: number }[];
    const rows: OutboxRow[] = await context.db('sync_outbox')
      .where('seq', '>', state!.exported_seq)
      .whereNotNull('hlc')
      .orderBy('seq')
      .limit(SEGMENT_OPS)
      .select('seq', 'hlc', 'tbl', 'row_id', 'col', 'value', 'prev_hlc');
    if (rows.length === 0) break;
    const ops = rows.map(opOf(deviceId));
    reportUnsendable(ops, problems);
    const text = segmentText(next, ops, sha256Of);
    const record: SegmentRecord = { segment: next, first_seq: rows[0]!.seq, last_seq: rows.at(-1)!.seq, ops: rows.length, sha256: sha256Of(text) };
    await context.db.transaction(async (trx) => {
      await trx('sync_segments').insert({ device_id: deviceId, ...record });
      await trx('sync_state').where({ id: 1 }).update({ exported_seq: record.last_seq });
    });
    await writeFileAtomic(path.join(folder, segmentFileName(next)), text);
    newest = record;
    exportedOps += rows.length;
    segments += 1;
    next += 1;
  }

  if (newest && (newest.segment !== manifestLast || reading.state !== 'valid' || nonce === null)) {
    const writeNonce = randomBytes(16).toString('hex');
    const manifest: DeviceManifest = {
      format: SYNC_FORMAT,
      formatVersion: SYNC_FORMAT_VERSION,
      deviceId,
      deviceName: context.device,
      lastSegment: newest.segment,
      lastSegmentSha256: newest.sha256,
      schema: LATEST_MIGRATION,
      writeNonce,
      updatedAt: new Date().toISOString(),
    };
    // Remembered first: a crash between the two makes the next export see another writer and
    // continue under a new id, which loses nothing.
    await context.db('sync_manifest_nonces').insert({ folder: path.resolve(folder), nonce: writeNonce }).onConflict('folder').merge();
    await writeFileAtomic(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return { state: 'done', ops: exportedOps, segments };
}
