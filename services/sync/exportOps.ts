// Export: this device's new operations into `sync/v1/devices/<deviceId>/ops-<seq>.jsonl`
// segments, each written under a temporary name, flushed and renamed, and `manifest.json` last.
// The database records a segment before its rename, so a crash or a refused rename leaves a
// segment the next export writes again, byte for byte (the outbox never changes once stamped).
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { segmentFileName } from '../../core/syncFiles';
import { segmentText, SYNC_FORMAT, SYNC_FORMAT_VERSION, type DeviceManifest, type SyncOp } from '../../core/syncSegment';
import { directTransaction } from '../../db/directTransaction';
import { LATEST_MIGRATION } from '../../db/migrate';
import { stampOutbox } from '../../db/sync/merge';
import { writeFileAtomic } from '../atomicFiles';
import type { ServiceContext } from '../context';
import { deviceFolderOf, readDeviceManifest, sha256Hex, shownPath, type RawProblem } from './folders';
import { MANIFEST_FILE } from '../../core/syncFiles';

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
  return segmentText(record.segment, rows.map(opOf(deviceId)), sha256Hex);
}

export type ExportOutcome =
  | { state: 'done'; ops: number; segments: number }
  /** This device's folder is ahead of its database, or holds another history: a copy of it. */
  | { state: 'cloned' };

/** Writes the new operations and the manifest; recovers segments a previous export left unwritten. */
export async function exportOperations(context: ServiceContext, sharedFolder: string, deviceId: string, problems: RawProblem[]): Promise<ExportOutcome> {
  const folder = deviceFolderOf(sharedFolder, deviceId);
  await mkdir(folder, { recursive: true });
  await directTransaction(context.db, (sql) => stampOutbox(sql, deviceId));

  const last: SegmentRecord | undefined = await context.db('sync_segments').where({ device_id: deviceId }).orderBy('segment', 'desc').first();
  const reading = await readDeviceManifest(folder);
  const manifestLast = reading.state === 'valid' ? reading.manifest.lastSegment : 0;
  if (reading.state === 'valid') {
    const ahead = manifestLast > (last?.segment ?? 0);
    const otherHistory = manifestLast > 0 && manifestLast === last?.segment && reading.manifest.lastSegmentSha256 !== last.sha256;
    if (ahead || otherHistory || reading.manifest.deviceId !== deviceId) return { state: 'cloned' };
  }

  // Segments recorded but not in the folder (a crash, a refused rename, a folder emptied or new):
  // those after the manifest's last one, or all of them without a manifest.
  const unconfirmed: SegmentRecord[] = await context.db('sync_segments').where({ device_id: deviceId }).andWhere('segment', '>', manifestLast).orderBy('segment');
  let rewritten = 0;
  for (const record of unconfirmed) {
    const target = path.join(folder, segmentFileName(record.segment));
    if ((await stat(target).catch(() => null))?.isFile()) continue;
    await writeFileAtomic(target, await segmentTextOf(context, deviceId, record));
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
    const text = segmentText(next, rows.map(opOf(deviceId)), sha256Hex);
    const record: SegmentRecord = { segment: next, first_seq: rows[0]!.seq, last_seq: rows.at(-1)!.seq, ops: rows.length, sha256: sha256Hex(text) };
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

  if (newest && (newest.segment !== manifestLast || reading.state !== 'valid')) {
    const manifest: DeviceManifest = {
      format: SYNC_FORMAT,
      formatVersion: SYNC_FORMAT_VERSION,
      deviceId,
      deviceName: context.device,
      lastSegment: newest.segment,
      lastSegmentSha256: newest.sha256,
      schema: LATEST_MIGRATION,
      updatedAt: new Date().toISOString(),
    };
    await writeFileAtomic(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return { state: 'done', ops: exportedOps, segments };
}
