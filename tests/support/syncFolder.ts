// A device folder written the way another Carnet's export writes it (segments, then manifest.json
// last): a device that created `consultants` consultants, `opsPerSegment` operations per segment,
// for tests that need a long first import without making it through thousands of writes.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serializeHlc } from '../../core/hlc';
import { MANIFEST_FILE, segmentFileName } from '../../core/syncFiles';
import { deviceManifestSchema, segmentText, SYNC_FORMAT, SYNC_FORMAT_VERSION, type SyncOp } from '../../core/syncSegment';
import { LATEST_MIGRATION } from '../../db/migrate';
import { sha256Of } from '../../services/files';
import { deviceFolderOf } from '../../services/sync/folders';
import { mintDeviceId } from '../../services/sync/identity';

/** Operations of one consultant's creation: its three fields and `_deleted`. */
export const OPS_PER_CONSULTANT = 4;

export interface WrittenDevice {
  deviceId: string;
  deviceName: string;
  segments: number;
  ops: number;
}

export async function writeConsultantsDevice(sharedFolder: string, options: { consultants: number; opsPerSegment: number; deviceName?: string }): Promise<WrittenDevice> {
  const deviceId = mintDeviceId();
  const deviceName = options.deviceName ?? 'portable-test';
  const folder = deviceFolderOf(sharedFolder, deviceId);
  await mkdir(folder, { recursive: true });
  const ops: SyncOp[] = [];
  // An hour ago, one clock tick per consultant: well within any bound, older than local changes.
  const millis = Date.now() - 60 * 60 * 1000;
  for (let index = 0; index < options.consultants; index++) {
    const hlc = serializeHlc({ millis: millis + Math.floor(index / 0x8000), counter: index % 0x8000, node: deviceId });
    const row = `01TESTCONSULT${String(index).padStart(13, '0')}`;
    const cells: [string, string | number][] = [['name', `Consultant ${index}`], ['email', `c${index}@cabinet-exemple.fr`], ['daily_rate_cents', 90_000], ['_deleted', 0]];
    for (const [column, value] of cells) ops.push({ id: `${deviceId}:${ops.length + 1}`, hlc, table: 'consultants', row, column, value, prev: null });
  }
  let segment = 0;
  let last = '';
  for (let start = 0; start < ops.length; start += options.opsPerSegment) {
    segment += 1;
    last = segmentText(segment, ops.slice(start, start + options.opsPerSegment), sha256Of);
    await writeFile(path.join(folder, segmentFileName(segment)), last);
  }
  const manifest = deviceManifestSchema.parse({
    format: SYNC_FORMAT,
    formatVersion: SYNC_FORMAT_VERSION,
    deviceId,
    deviceName,
    lastSegment: segment,
    lastSegmentSha256: segment > 0 ? sha256Of(last) : null,
    writeNonce: '0123456789abcdef',
    schema: LATEST_MIGRATION,
    updatedAt: new Date().toISOString(),
  });
  await writeFile(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { deviceId, deviceName, segments: segment, ops: ops.length };
}
