// One sync: this device's new operations exported into its folder, then every other device's
// imported. Never two at once on one database (a timer, the folder watcher and the button may ask
// together: they share the run in progress). Every problem is reported, none stops the others.
import { stat } from 'node:fs/promises';
import type { Locale } from '../../core/domain';
import { isMessageKey, translate, type MessageKey } from '../../core/i18n';
import type { SyncProblem, SyncReport } from '../../core/syncReport';
import { directTransaction } from '../../db/directTransaction';
import { noteNewColumns, type ColumnRegistry } from '../../db/sync/merge';
import type { ServiceContext } from '../context';
import { settleRestoredConflicts } from './conflicts';
import { exportOperations } from './exportOps';
import { exportFiles, importFiles } from './files';
import type { RawProblem } from './folders';
import { adoptDeviceId, ensureDeviceIdentity, mintDeviceId } from './identity';
import { importOperations, MAX_CLOCK_DRIFT_MS, type ImportProgress } from './importOps';

export interface SyncOptions {
  /** Another shared folder than the settings' (the CLI's --folder). */
  sharedFolder?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** The columns to materialise (tests of a newer schema). */
  registry?: ColumnRegistry;
}

const running = new WeakMap<object, Promise<SyncReport>>();
const progressOf = new WeakMap<object, ImportProgress>();

/** Runs a sync, or joins the one already running on this database. */
export function runSync(context: ServiceContext, options: SyncOptions = {}): Promise<SyncReport> {
  const current = running.get(context.db);
  if (current) return current;
  const onProgress = (progress: ImportProgress) => {
    progressOf.set(context.db, progress);
    options.onProgress?.(progress);
  };
  const run = syncOnce(context, { ...options, onProgress }).finally(() => {
    running.delete(context.db);
    progressOf.delete(context.db);
  });
  running.set(context.db, run);
  return run;
}

/** Whether a sync is running on this database, and how far its import is. */
export const syncActivity = (context: ServiceContext) => ({ running: running.has(context.db), progress: progressOf.get(context.db) ?? null });

/** Reason codes shown in words. */
const wordsOf = (locale: Locale, problem: RawProblem) =>
  problem.kind === 'segment_incomplete' && typeof problem.params.reason === 'string' && isMessageKey(`sync.incomplete.${problem.params.reason}`)
    ? { ...problem.params, reason: translate(locale, `sync.incomplete.${problem.params.reason}` as MessageKey) }
    : problem.params;

const phrase = (locale: Locale, problem: RawProblem): SyncProblem => ({
  kind: problem.kind,
  severity: problem.severity,
  ...(problem.deviceId ? { deviceId: problem.deviceId } : {}),
  ...(problem.file ? { file: problem.file } : {}),
  message: translate(locale, `sync.problem.${problem.kind}` as MessageKey, { file: problem.file ?? '', ...wordsOf(locale, problem) }),
});

const errorText = (error: unknown) => (error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`.trim() : String(error));

async function syncOnce(context: ServiceContext, options: SyncOptions): Promise<SyncReport> {
  const locale = context.settings.get().locale;
  const startedAt = new Date().toISOString();
  const report: SyncReport = {
    ran: false,
    deviceId: null,
    startedAt,
    finishedAt: startedAt,
    exported: { ops: 0, segments: 0 },
    imported: { devices: 0, segments: 0, ops: 0, changedCells: 0 },
    newConflicts: 0,
    pendingRows: 0,
    problems: [],
  };
  const problems: RawProblem[] = [];
  const sharedFolder = options.sharedFolder ?? context.settings.get().sharedFolder;
  if (!sharedFolder || !(await stat(sharedFolder).catch(() => null))?.isDirectory()) {
    problems.push(sharedFolder ? { kind: 'folder_unreachable', severity: 'error', params: { folder: sharedFolder } } : { kind: 'folder_unset', severity: 'error', params: {} });
    report.problems = problems.map((problem) => phrase(locale, problem));
    report.finishedAt = new Date().toISOString();
    await context.db('sync_state').where({ id: 1 }).update({ last_report_json: JSON.stringify(report) });
    return report;
  }
  report.ran = true;
  const identity = await ensureDeviceIdentity(context);
  let deviceId = identity.deviceId;
  if (identity.minted === 'database_changed') problems.push({ kind: 'cloned', severity: 'info', deviceId, params: { device: deviceId } });

  try {
    let exported = await exportOperations(context, sharedFolder, deviceId, problems);
    if (exported.state === 'cloned') {
      const previous = deviceId;
      deviceId = mintDeviceId();
      await adoptDeviceId(context, deviceId);
      // What the old folder does not hold as ours is sent again under the new id (applying an
      // operation twice changes nothing).
      await context.db('sync_state').where({ id: 1 }).update({ exported_seq: exported.resumeAfterSeq });
      problems.push({ kind: 'cloned', severity: 'info', deviceId, params: { device: deviceId, previous } });
      exported = await exportOperations(context, sharedFolder, deviceId, problems);
    }
    if (exported.state === 'done') report.exported = { ops: exported.ops, segments: exported.segments };
    await exportFiles(context, sharedFolder, deviceId);
  } catch (error) {
    problems.push({ kind: 'write_failed', severity: 'error', deviceId, params: { reason: errorText(error) } });
  }

  try {
    // Cells that waited for this version's new tables or columns are written at this import.
    await directTransaction(context.db, (sql) => noteNewColumns(sql, options.registry));
    const imported = await importOperations(context, sharedFolder, deviceId, problems, { registry: options.registry, onProgress: options.onProgress });
    // Lines read again after an update count with the operations received.
    report.imported = { devices: imported.devices, segments: imported.segments, ops: imported.ops + imported.retriedLines, changedCells: imported.changedCells };
    report.newConflicts = imported.newConflicts;
    report.pendingRows = imported.pendingRows;
    if (imported.pendingRows > 0) {
      const reasons = (await context.db('sync_pending_rows').select('tbl', 'reason').groupBy('tbl', 'reason').orderBy('tbl').limit(3)) as { tbl: string; reason: string }[];
      const examples = reasons.map((row) => `${row.tbl} : ${row.reason === 'incomplete' ? translate(locale, 'sync.pending.incomplete') : row.reason}`).join(' ; ');
      problems.push({ kind: 'rows_pending', severity: 'warning', params: { count: imported.pendingRows, examples } });
    }
    if (imported.unknownOps > 0) problems.push({ kind: 'newer_schema', severity: 'info', params: { count: imported.unknownOps } });
  } catch (error) {
    // Nothing of the failed batch was applied (it rolled back); the next sync starts from there.
    problems.push({ kind: 'import_failed', severity: 'error', deviceId, params: { reason: errorText(error) } });
  }
  try {
    const filesWanted = report.imported.ops > 0 || (await context.db('sync_problems').where({ kind: 'file_missing' }).first());
    if (filesWanted) await importFiles(context, sharedFolder, problems);
  } catch (error) {
    problems.push({ kind: 'import_failed', severity: 'error', deviceId, params: { reason: errorText(error) } });
  }

  // This device's own clock far ahead (its wall clock was wrong once): others hold its changes back.
  const clock = (await context.db('sync_state').where({ id: 1 }).first('clock_millis', 'offset_ms')) as { clock_millis: number; offset_ms: number };
  if (clock.clock_millis > Date.now() + clock.offset_ms + MAX_CLOCK_DRIFT_MS) {
    problems.push({ kind: 'own_clock_ahead', severity: 'warning', deviceId, params: { date: new Date(clock.clock_millis).toISOString().slice(0, 10) } });
  }

  report.deviceId = deviceId;
  report.problems = problems.map((problem) => phrase(locale, problem));
  report.finishedAt = new Date().toISOString();
  // A conflict whose lost value another device restored is settled by this sync.
  await settleRestoredConflicts(context);
  await recordProblems(context, problems, report.finishedAt);
  await context.db('sync_state').where({ id: 1 }).update({ last_report_json: JSON.stringify(report) });
  return report;
}

/** The problems of the last sync, phrased in `locale`. */
export async function lastProblems(context: ServiceContext, locale: Locale): Promise<SyncProblem[]> {
  const rows: { kind: RawProblem['kind']; device_id: string | null; file: string | null; params_json: string }[] = await context.db('sync_problems').orderBy('first_seen');
  return rows.map((row) => {
    const { severity, ...params } = JSON.parse(row.params_json) as { severity: RawProblem['severity'] } & RawProblem['params'];
    return phrase(locale, { kind: row.kind, severity, ...(row.device_id ? { deviceId: row.device_id } : {}), ...(row.file ? { file: row.file } : {}), params });
  });
}

/** Keeps the problems of the last sync (with when each was first seen) for the status line. */
async function recordProblems(context: ServiceContext, problems: RawProblem[], at: string): Promise<void> {
  await context.db.transaction(async (trx) => {
    const keep = new Map<string, RawProblem>();
    for (const problem of problems) keep.set(`${problem.kind}|${problem.deviceId ?? ''}|${problem.file ?? ''}|${JSON.stringify(problem.params)}`, problem);
    const known = new Map(((await trx('sync_problems').select('key', 'first_seen')) as { key: string; first_seen: string }[]).map((row) => [row.key, row.first_seen]));
    await trx('sync_problems').delete();
    for (const [key, problem] of keep) {
      await trx('sync_problems').insert({
        key,
        kind: problem.kind,
        device_id: problem.deviceId ?? null,
        file: problem.file ?? null,
        params_json: JSON.stringify({ severity: problem.severity, ...problem.params }),
        first_seen: known.get(key) ?? at,
        last_seen: at,
      });
    }
  });
}
