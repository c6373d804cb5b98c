// Benchmark: sync through a shared folder (issue 6), three figures in one run.
// 1. Cold import: 5 devices (each a real application on its own data folder) create rows by SQL
//    inserts into the shared tables — the capture triggers record 20 000 operations each — and
//    export them with runSync; a fresh application imports the 100 000 operations with runSync.
//    Baselines in the same run: the 100 000 operations inserted as plain rows in one transaction
//    (knex batchInsert, and direct multi-row inserts), and the rows they describe inserted plainly
//    (capture triggers firing, and skipped). Import and op-row baselines are measured COLD_RUNS
//    times in turn (3 by default) and their medians compared. Target: import rate ≥ 1/3 of the op
//    rows' rate.
// 2. Incremental sync: the folder grows to 10 000 files (5 more devices' folders of small
//    segments, written in the export's format, imported once); then a real device writes once and
//    syncs, the new segment reaches the importer, and the importer's runSync is timed.
//    Target: under 100 ms.
// 3. Export overhead: one write of a shared row with capture on against the same write with
//    capture off (sync_state.applying = 1: the triggers skip), and the export step per operation.
//    Target: ≤ 1 ms added per write.
// Every device has its own copy of the shared folder, as on real computers; a « cloud client »
// here copies each device's new files into the importer's copy (untimed). Database files in WAL,
// like the app's. Prints JSON; never asserts. Run: npm run bench -- sync
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { addDays, dayFlags } from '../core/calendar';
import { serializeHlc } from '../core/hlc';
import { classifySyncFile, MANIFEST_FILE, segmentFileName } from '../core/syncFiles';
import type { SyncReport } from '../core/syncReport';
import { deviceManifestSchema, readSegment, segmentText, SYNC_FORMAT, SYNC_FORMAT_VERSION, type DeviceManifest, type SyncOp } from '../core/syncSegment';
import { openDatabase } from '../db/connection';
import { DEFAULT_PROGRAMME, DEFAULT_PROGRAMME_ID, DEFAULT_WAVES } from '../db/defaultProgramme';
import { directTransaction, observeDirectStatements } from '../db/directTransaction';
import { LATEST_MIGRATION } from '../db/migrate';
import type { CompanyRow, ConsultantRow, DayEntryRow, EngagementRecord } from '../db/rows';
import { companyIdOf, dayEntryIdOf } from '../db/sync/naturalIds';
import { SYNC_COLUMNS } from '../db/sync/schema';
import { openApplication, type Application } from '../services/application';
import { sha256Of } from '../services/files';
import { deviceFolderOf, devicesFolderOf } from '../services/sync/folders';
import { mintDeviceId } from '../services/sync/identity';
import { runSync } from '../services/sync/sync';

const DEVICES = Number(process.env.DEVICES ?? 5);
const OPS_PER_DEVICE = Number(process.env.OPS_PER_DEVICE ?? 20_000);
/** Files the importer's copy of the shared folder holds when the incremental syncs are timed. */
const FILES = Number(process.env.FILES ?? 10_000);
const REPS = Number(process.env.REPS ?? 20);
const WRITES = Number(process.env.WRITES ?? 2_000);
const WARMUP = Number(process.env.WARMUP ?? 200);
/** Cold imports (and baselines) measured; their medians are compared. */
const COLD_RUNS = Math.max(1, Number(process.env.COLD_RUNS ?? 3));

// Shape of a device's data: each consultant is on 15 engagements (one of 5 companies), with 20
// half days on each, two engagements a working day; then one summary edit per leftover operation.
const COMPANIES_PER_DEVICE = 5;
const ENGAGEMENTS_PER_CONSULTANT = 15;
const ENTRIES_PER_ENGAGEMENT = 20;
const SLOTS_PER_CONSULTANT = ENGAGEMENTS_PER_CONSULTANT * ENTRIES_PER_ENGAGEMENT;
const opsOfRow = (table: keyof typeof SYNC_COLUMNS) => SYNC_COLUMNS[table].length + 1; // + `_deleted`
const OPS_PER_CONSULTANT = opsOfRow('consultants') + ENGAGEMENTS_PER_CONSULTANT * (opsOfRow('engagements') + opsOfRow('engagement_consultants') + ENTRIES_PER_ENGAGEMENT * opsOfRow('day_entries'));

const workingDays: string[] = [];
for (let date = DEFAULT_PROGRAMME.opensOn; date <= DEFAULT_PROGRAMME.closesOn; date = addDays(date, 1)) {
  if (dayFlags(date).length === 0) workingDays.push(date);
}
if (workingDays.length < SLOTS_PER_CONSULTANT / 2) throw new Error(`the programme has ${workingDays.length} working days, ${SLOTS_PER_CONSULTANT / 2} needed`);

const root = await mkdtemp(path.join(os.tmpdir(), 'carnet-bench-sync-'));
const started = performance.now();
const round = (ms: number) => Math.round(ms * 1000) / 1000;
const round1 = (value: number) => Math.round(value * 10) / 10;

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length), max: round(sorted.at(-1)!) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const begun = performance.now();
  const result = await work();
  return { ms: performance.now() - begun, result };
}

/** Time spent in direct-transaction statements (the merge's SQL) while `work` runs, by statement. */
async function withSqlTime<T>(work: () => Promise<T>): Promise<{ ms: number; sqlMs: number; statements: number; byStatement: Map<string, { calls: number; ms: number }>; result: T }> {
  let sqlMs = 0;
  let statements = 0;
  const byStatement = new Map<string, { calls: number; ms: number }>();
  observeDirectStatements((sql, ms) => {
    sqlMs += ms;
    statements += 1;
    const shape = sql.replace(/\s+/g, ' ').trim().slice(0, 120);
    const entry = byStatement.get(shape) ?? { calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += ms;
    byStatement.set(shape, entry);
  });
  try {
    const { ms, result } = await timed(work);
    return { ms, sqlMs, statements, byStatement, result };
  } finally {
    observeDirectStatements(null);
  }
}

/** The statements that took longest, summed over `runs`, per run. */
function slowest(byStatement: Map<string, { calls: number; ms: number }>[], runs = 1, top = 6) {
  const total = new Map<string, { calls: number; ms: number }>();
  for (const map of byStatement) {
    for (const [sql, { calls, ms }] of map) {
      const entry = total.get(sql) ?? { calls: 0, ms: 0 };
      entry.calls += calls;
      entry.ms += ms;
      total.set(sql, entry);
    }
  }
  return [...total].sort((a, b) => b[1].ms - a[1].ms).slice(0, top).map(([sql, { calls, ms }]) => ({ sql, calls: round(calls / runs), ms: round(ms / runs) }));
}

const count = async (app: Application, table: string) => Number(((await app.context.db(table).count({ n: '*' })) as { n: number }[])[0]!.n);
const notable = (report: SyncReport) => report.problems.filter((problem) => problem.severity !== 'info').map((problem) => `${problem.kind}: ${problem.message}`);

interface Device {
  index: number;
  app: Application;
  /** This computer's copy of the shared folder. */
  replica: string;
  deviceId: string;
  entryIds: string[];
  /** Segment files already copied into the importer's copy. */
  delivered: Set<string>;
  edits: number;
}

async function openDevice(label: string) {
  const dataDir = path.join(root, label, 'data');
  const replica = path.join(root, label, 'shared');
  await mkdir(replica, { recursive: true });
  const app = await openApplication({ dataDir, actor: label });
  return { app, replica };
}

// --- 1. Five devices write their rows and export them ----------------------------------------------
async function buildSource(index: number): Promise<Device & { createMs: number; ops: number; rows: number }> {
  const { app, replica } = await openDevice(`device-${index}`);
  const { db } = app.context;
  const newId = () => app.context.newId();
  const [{ n: atStart }] = (await db('sync_outbox').count({ n: '*' })) as [{ n: number }];
  const budget = OPS_PER_DEVICE - Number(atStart) - COMPANIES_PER_DEVICE * opsOfRow('companies');
  const consultants = Math.max(1, Math.ceil(budget / OPS_PER_CONSULTANT));
  const parentOps = consultants * (opsOfRow('consultants') + ENGAGEMENTS_PER_CONSULTANT * (opsOfRow('engagements') + opsOfRow('engagement_consultants')));
  const entryCount = Math.floor((budget - parentOps) / opsOfRow('day_entries'));
  const edits = budget - parentOps - entryCount * opsOfRow('day_entries');
  if (entryCount < 1 || edits < 0) throw new Error(`OPS_PER_DEVICE=${OPS_PER_DEVICE} is too small`);

  const companies: CompanyRow[] = Array.from({ length: COMPANIES_PER_DEVICE }, (_, c) => {
    const siret = String(41_000_000_000_000 + index * 1000 + c);
    return { id: companyIdOf(siret), siret, name: `Entreprise ${index}-${c}`, naf_code: '25.62A', sector: 'Mécanique', headcount: 50 + c, postal_code: '45000', city: 'Orléans', departement: '45' };
  });
  const consultantRows: ConsultantRow[] = Array.from({ length: consultants }, (_, k) => ({ id: newId(), name: `Consultant ${index}-${k}`, email: `c${index}-${k}@cabinet-exemple.fr`, daily_rate_cents: 95_000 }));
  const engagementIds = consultantRows.map(() => Array.from({ length: ENGAGEMENTS_PER_CONSULTANT }, () => newId()));
  const engagements: EngagementRecord[] = engagementIds.flatMap((ids, k) => ids.map((id, j) => ({
    id, ref: `RD-D${index}-${String(k * ENGAGEMENTS_PER_CONSULTANT + j + 1).padStart(5, '0')}`, programme_id: DEFAULT_PROGRAMME_ID, wave_id: DEFAULT_WAVES[0]!.id,
    company_id: companies[(k + j) % companies.length]!.id, project_type: 'diversification', phase: 'etude', allowance_days: 12,
    daily_rate_cents: 100_000, status: 'in_progress', started_on: DEFAULT_PROGRAMME.opensOn, completed_on: null,
  })));
  const links = engagementIds.flatMap((ids, k) => ids.map((id) => ({ id: `${id}:${consultantRows[k]!.id}`, engagement_id: id, consultant_id: consultantRows[k]!.id })));
  const entries: DayEntryRow[] = [];
  for (let k = 0; k < consultants && entries.length < entryCount; k++) {
    for (let slot = 0; slot < SLOTS_PER_CONSULTANT && entries.length < entryCount; slot++) {
      const engagementId = engagementIds[k]![slot % ENGAGEMENTS_PER_CONSULTANT]!;
      const consultantId = consultantRows[k]!.id;
      const date = workingDays[Math.floor(slot / 2)]!;
      entries.push({ id: dayEntryIdOf(engagementId, consultantId, date), engagement_id: engagementId, consultant_id: consultantId, date, half_days: 1, activity: 'analyse', location: 'on_site', summary: 'Entretien avec la direction' });
    }
  }
  if (entries.length < entryCount) throw new Error('not enough slots for the day entries');

  const created = await timed(() => db.transaction(async (trx) => {
    await trx.batchInsert('companies', companies, 100);
    await trx.batchInsert('consultants', consultantRows, 100);
    await trx.batchInsert('engagements', engagements, 100);
    await trx.batchInsert('engagement_consultants', links, 100);
    await trx.batchInsert('day_entries', entries, 100);
    for (let e = 0; e < edits; e++) await trx('day_entries').where({ id: entries[e]!.id }).update({ summary: `Relu ${e}` });
  }));
  const [{ n: ops }] = (await db('sync_outbox').count({ n: '*' })) as [{ n: number }];
  if (Number(ops) !== OPS_PER_DEVICE) throw new Error(`device ${index}: ${ops} operations captured, ${OPS_PER_DEVICE} expected`);
  const rows = companies.length + consultantRows.length + engagements.length + links.length + entries.length;
  return { index, app, replica, deviceId: '', entryIds: entries.map((entry) => entry.id), delivered: new Set(), edits: 0, createMs: created.ms, ops: Number(ops), rows };
}

/** The cloud client: copies a device's new segments, then its manifest, into another copy of the folder. */
async function deliver(device: Device, replica: string): Promise<number> {
  const from = deviceFolderOf(device.replica, device.deviceId);
  const to = deviceFolderOf(replica, device.deviceId);
  await mkdir(to, { recursive: true });
  let copied = 0;
  for (const name of await readdir(from)) {
    if (classifySyncFile(name).kind !== 'segment' || device.delivered.has(name)) continue;
    await copyFile(path.join(from, name), path.join(to, name));
    device.delivered.add(name);
    copied += 1;
  }
  await copyFile(path.join(from, MANIFEST_FILE), path.join(to, MANIFEST_FILE));
  return copied;
}

async function filesIn(replica: string): Promise<number> {
  let files = 0;
  const devicesFolder = devicesFolderOf(replica);
  for (const entry of await readdir(devicesFolder, { withFileTypes: true })) {
    if (entry.isDirectory()) files += (await readdir(path.join(devicesFolder, entry.name), { withFileTypes: true })).filter((file) => file.isFile()).length;
    else files += 1;
  }
  return files;
}

const sources: (Device & { createMs: number; ops: number; rows: number })[] = [];
for (let index = 0; index < DEVICES; index++) sources.push(await buildSource(index));

const exports: { ms: number; ops: number; segments: number }[] = [];
for (const source of sources) {
  const { ms, result: report } = await timed(() => runSync(source.app.context, { sharedFolder: source.replica }));
  if (notable(report).length > 0) throw new Error(`device ${source.index}: ${notable(report).join('; ')}`);
  source.deviceId = report.deviceId!;
  exports.push({ ms, ops: report.exported.ops, segments: report.exported.segments });
}

// --- The importer: a fresh application, every device's segments in its copy of the folder ---------
const importer = await openDevice('importer');
const importerContext = importer.app.context;
for (const source of sources) await deliver(source, importer.replica);
const filesAtColdImport = await filesIn(importer.replica);
const totalOps = DEVICES * OPS_PER_DEVICE;

// The reading alone, outside any importer: every segment read, checked and parsed.
const allOps: SyncOp[] = [];
const readStarted = performance.now();
for (const source of sources) {
  const folder = deviceFolderOf(importer.replica, source.deviceId);
  for (let segment = 1; segment <= exports[source.index]!.segments; segment++) {
    const read = readSegment(await readFile(path.join(folder, segmentFileName(segment)), 'utf8'), segment, sha256Of);
    if (read.state !== 'complete') throw new Error(`segment ${segment} of device ${source.index}: ${read.reason}`);
    allOps.push(...read.ops);
  }
}
const readParseMs = performance.now() - readStarted;

// --- Baselines: the same operations as plain rows; the rows they describe, inserted plainly -------
const OP_TABLE = 'CREATE TABLE ops (id TEXT NOT NULL, hlc TEXT NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, value, prev_hlc TEXT)';
const opRows = allOps.map((op) => ({ id: op.id, hlc: op.hlc, tbl: op.table, row_id: op.row, col: op.column, value: op.value, prev_hlc: op.prev }));

async function opRowsKnex(run: number): Promise<number> {
  const db = openDatabase({ filename: path.join(root, `baseline-ops-knex-${run}.sqlite`) });
  try {
    await db.raw(OP_TABLE);
    return (await timed(() => db.transaction((trx) => trx.batchInsert('ops', opRows, 500)))).ms;
  } finally {
    await db.destroy();
  }
}

async function opRowsDirect(run: number): Promise<number> {
  const db = openDatabase({ filename: path.join(root, `baseline-ops-direct-${run}.sqlite`) });
  try {
    await db.raw(OP_TABLE);
    const CHUNK = 2000;
    return (await timed(() => directTransaction(db, async (sql) => {
      for (let start = 0; start < allOps.length; start += CHUNK) {
        const chunk = allOps.slice(start, start + CHUNK);
        const params: unknown[] = [];
        for (const op of chunk) params.push(op.id, op.hlc, op.table, op.row, op.column, op.value, op.prev);
        await sql.run(`INSERT INTO ops VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`, params);
      }
    }))).ms;
  } finally {
    await db.destroy();
  }
}

async function rowsPlain(label: string, capture: boolean): Promise<{ ms: number; outbox: number }> {
  const { app } = await openDevice(label);
  try {
    if (!capture) await app.context.db('sync_state').where({ id: 1 }).update({ applying: 1 });
    const before = await count(app, 'sync_outbox');
    const { ms } = await timed(() => app.context.db.transaction(async (trx) => {
      for (const table of materialisedTables) await trx.batchInsert(table, materialised[table]!, 500);
    }));
    return { ms, outbox: (await count(app, 'sync_outbox')) - before };
  } finally {
    await app.close();
  }
}

// The cold import and the two op-row baselines, COLD_RUNS times in turn (a machine's passing load
// weighs on all three alike), each import into a fresh application on its own copy of the folder;
// the last one is the importer the next sections go on with. Medians are compared.
type ColdSample = Awaited<ReturnType<typeof withSqlTime<SyncReport>>>;
const coldSamples: ColdSample[] = [];
const knexSamples: number[] = [];
const directSamples: number[] = [];
for (let run = 0; run < COLD_RUNS; run++) {
  const last = run === COLD_RUNS - 1;
  const target = last ? importer : await openDevice(`importer-cold-${run}`);
  if (!last) await cp(importer.replica, target.replica, { recursive: true });
  coldSamples.push(await withSqlTime(() => runSync(target.app.context, { sharedFolder: target.replica })));
  if (!last) await target.app.close();
  knexSamples.push(await opRowsKnex(run));
  directSamples.push(await opRowsDirect(run));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const cold = [...coldSamples].sort((a, b) => a.ms - b.ms)[Math.floor(coldSamples.length / 2)]!;
const coldReport = cold.result;
const importRate = coldReport.imported.ops / (cold.ms / 1000);
const baselineKnex = median(knexSamples);
const baselineDirect = median(directSamples);

const materialisedTables = ['companies', 'consultants', 'engagements', 'engagement_consultants', 'day_entries'] as const;
const expectedRows = sources.reduce((sum, source) => sum + source.rows, 0);
const materialised: Record<string, Record<string, unknown>[]> = {};
for (const table of materialisedTables) materialised[table] = await importerContext.db(table).select();
const importedRows = Object.values(materialised).reduce((sum, rows) => sum + rows.length, 0);

const rowsCaptured = await rowsPlain('baseline-rows-captured', true);
const rowsUncaptured = await rowsPlain('baseline-rows-uncaptured', false);
const rate = (ms: number) => totalOps / (ms / 1000);

// --- 2. The folder grows to FILES files -----------------------------------------------------------
// Syncing 10 000 times through real applications takes minutes (see exportStep.syncOfOneWrite…),
// so DEVICES more devices' folders are written here the way exportOps.ts writes them (segmentText,
// then manifest.json last), straight into the importer's copy: one segment per sync, each one
// operation — an edit of a day's summary the importer has, `prev` the clock it holds (no conflict).
const filesBeforeGrowth = await filesIn(importer.replica);
const segmentsPerWriter = Math.max(0, Math.ceil((FILES - filesBeforeGrowth) / DEVICES) - 1);
const summaryClocks = new Map(((await importerContext.db('sync_cells').where({ tbl: 'day_entries', col: 'summary' }).select('row_id', 'hlc')) as { row_id: string; hlc: string }[]).map((cell) => [cell.row_id, cell.hlc]));
const growStarted = performance.now();
for (let writer = 0; writer < DEVICES && segmentsPerWriter > 0; writer++) {
  const node = mintDeviceId();
  const folder = deviceFolderOf(importer.replica, node);
  await mkdir(folder, { recursive: true });
  const rows = sources[writer]!.entryIds;
  const millis = Date.now();
  let last = '';
  for (let segment = 1; segment <= segmentsPerWriter; segment++) {
    const row = rows[(segment - 1) % rows.length]!;
    const op: SyncOp = {
      id: `${node}:${segment}`, hlc: serializeHlc({ millis: millis + Math.floor(segment / 0x8000), counter: segment % 0x8000, node }), table: 'day_entries', row,
      column: 'summary', value: `Relu sur le poste ${writer + DEVICES}, passage ${segment}`, prev: summaryClocks.get(row) ?? null,
    };
    last = segmentText(segment, [op], sha256Of);
    await writeFile(path.join(folder, segmentFileName(segment)), last);
  }
  const manifest: DeviceManifest = deviceManifestSchema.parse({
    format: SYNC_FORMAT, formatVersion: SYNC_FORMAT_VERSION, deviceId: node, deviceName: `poste-${writer + DEVICES}`, lastSegment: segmentsPerWriter,
    lastSegmentSha256: sha256Of(last), writeNonce: '0123456789abcdef', schema: LATEST_MIGRATION, updatedAt: new Date().toISOString(),
  });
  await writeFile(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
const growMs = performance.now() - growStarted;
const filesAtCatchUp = await filesIn(importer.replica);
const catchUp = await withSqlTime(() => runSync(importerContext, { sharedFolder: importer.replica }));

/** A real device edits one of its days (from the end of its list: not a row the writers above edit) and syncs. */
async function editAndSync(device: Device): Promise<{ ms: number; report: SyncReport }> {
  const id = device.entryIds[device.entryIds.length - 1 - (device.edits % device.entryIds.length)]!;
  device.edits += 1;
  await device.app.context.db('day_entries').where({ id }).update({ summary: `Édition ${device.edits} sur le poste ${device.index}` });
  const { ms, result: report } = await timed(() => runSync(device.app.context, { sharedFolder: device.replica }));
  if (report.exported.segments !== 1) throw new Error(`device ${device.index}: ${report.exported.segments} segments exported`);
  return { ms, report };
}

// The importer's sync when nothing is new: the floor that listing FILES files costs.
const idleMs: number[] = [];
for (let rep = 0; rep < REPS; rep++) idleMs.push((await timed(() => runSync(importerContext, { sharedFolder: importer.replica }))).ms);

const incrementalMs: number[] = [];
const sourceSyncMs: number[] = [];
const incrementalSqlMs: number[] = [];
const incrementalStatements: Map<string, { calls: number; ms: number }>[] = [];
const filesAtIncremental: number[] = [];
const incrementalProblems = new Set<string>();
for (let rep = 0; rep < REPS; rep++) {
  const source = sources[rep % sources.length]!;
  sourceSyncMs.push((await editAndSync(source)).ms);
  await deliver(source, importer.replica);
  filesAtIncremental.push(await filesIn(importer.replica));
  const sample = await withSqlTime(() => runSync(importerContext, { sharedFolder: importer.replica }));
  if (sample.result.imported.ops !== 1) throw new Error(`incremental sync imported ${sample.result.imported.ops} operations`);
  for (const problem of notable(sample.result)) incrementalProblems.add(problem);
  incrementalMs.push(sample.ms);
  incrementalSqlMs.push(sample.sqlMs);
  incrementalStatements.push(sample.byStatement);
}

// --- 3. Export overhead: one write with capture on, and off --------------------------------------
const writer = sources[0]!;
const writerDb = writer.app.context.db;
const setCapture = (on: boolean) => writerDb('sync_state').where({ id: 1 }).update({ applying: on ? 0 : 1 });
let writeNumber = 0;
async function rawUpdate(): Promise<number> {
  const id = writer.entryIds[writeNumber % writer.entryIds.length]!;
  writeNumber += 1;
  const begun = performance.now();
  await writerDb('day_entries').where({ id }).update({ summary: `Note ${writeNumber}` });
  return performance.now() - begun;
}
const writerEntries = (await writerDb('day_entries').select('engagement_id', 'consultant_id', 'date')) as Pick<DayEntryRow, 'engagement_id' | 'consultant_id' | 'date'>[];
async function daysSet(): Promise<number> {
  const entry = writerEntries[writeNumber % writerEntries.length]!;
  writeNumber += 1;
  const begun = performance.now();
  const outcome = await writer.app.dispatch('days.set', { engagementId: entry.engagement_id, consultantId: entry.consultant_id, date: entry.date, halfDays: 1, activity: 'analyse', location: 'on_site', summary: `Note ${writeNumber}` });
  const ms = performance.now() - begun;
  if (!outcome.ok) throw new Error(`days.set refused: ${outcome.error.message}`);
  return ms;
}

/** Capture on and off in alternating blocks, so that any drift weighs on both alike. */
async function onOff(measure: () => Promise<number>): Promise<{ on: number[]; off: number[]; capturedOps: number }> {
  const on: number[] = [];
  const off: number[] = [];
  for (const capture of [true, false]) {
    await setCapture(capture);
    for (let i = 0; i < WARMUP; i++) await measure();
  }
  const outboxBefore = await count(writer.app, 'sync_outbox');
  const BLOCK = 100;
  for (let done = 0; done < WRITES; done += BLOCK) {
    for (const capture of [true, false]) {
      await setCapture(capture);
      for (let i = 0; i < Math.min(BLOCK, WRITES - done); i++) (capture ? on : off).push(await measure());
    }
  }
  await setCapture(true);
  return { on, off, capturedOps: (await count(writer.app, 'sync_outbox')) - outboxBefore };
}
const raw = await onOff(rawUpdate);
const dispatched = await onOff(daysSet);
const pendingExport = await timed(() => runSync(writer.app.context, { sharedFolder: writer.replica }));
const overhead = (measure: typeof raw) => {
  const on = summary(measure.on);
  const off = summary(measure.off);
  return { captureOnMs: on, captureOffMs: off, addedMs: { p50: round(on.p50 - off.p50), p95: round(on.p95 - off.p95), mean: round(on.mean - off.mean) }, opsCapturedPerWrite: round(measure.capturedOps / measure.on.length) };
};
const rawOverhead = overhead(raw);
const dispatchOverhead = overhead(dispatched);

const exportTotals = exports.reduce((sum, item) => ({ ms: sum.ms + item.ms, ops: sum.ops + item.ops }), { ms: 0, ops: 0 });
const importedAll = coldReport.imported.ops === totalOps && importedRows === expectedRows && coldReport.pendingRows === 0;
const incremental = summary(incrementalMs);

console.log(JSON.stringify({
  benchmark: 'sync',
  machine: { cpus: os.cpus().length, node: process.version, journal: 'wal' },
  devices: { count: DEVICES, opsPerDevice: OPS_PER_DEVICE, rowsPerDevice: sources[0]!.rows, dayEntriesPerDevice: sources[0]!.entryIds.length, createRowsMsPerDevice: sources.map((source) => Math.round(source.createMs)) },
  coldImport: {
    ops: coldReport.imported.ops,
    segments: coldReport.imported.segments,
    filesInFolder: filesAtColdImport,
    ms: Math.round(cold.ms),
    runs: coldSamples.map((sample) => Math.round(sample.ms)),
    msIs: 'the median of the runs (COLD_RUNS), each into a fresh application',
    opsPerSecond: Math.round(importRate),
    split: {
      mergeSqlMs: Math.round(cold.sqlMs),
      mergeSqlStatements: cold.statements,
      restMs: Math.round(cold.ms - cold.sqlMs),
      restIs: 'listing, reading, hashing, parsing and validating the segments, knex bookkeeping, the importer\'s own export',
      readParseAloneMs: Math.round(readParseMs),
      slowestStatements: slowest([cold.byStatement]),
    },
    check: { allImported: importedAll, rowsImported: importedRows, rowsExpected: expectedRows, changedCells: coldReport.imported.changedCells, pendingRows: coldReport.pendingRows, conflicts: coldReport.newConflicts, problems: notable(coldReport) },
  },
  baselines: {
    opRowsKnexBatchInsert: { ms: Math.round(baselineKnex), runs: knexSamples.map(Math.round), opsPerSecond: Math.round(rate(baselineKnex)), how: 'the 100 000 operations as rows (id, hlc, tbl, row_id, col, value, prev_hlc) in a plain table, knex batchInsert of 500 (the most a compound SELECT takes), one transaction' },
    opRowsDirectMultiRow: { ms: Math.round(baselineDirect), runs: directSamples.map(Math.round), opsPerSecond: Math.round(rate(baselineDirect)), how: 'the same rows, multi-row INSERTs of 2000 straight on node-sqlite3 in one transaction' },
    materialisedRowsCaptureOn: { rows: importedRows, ms: Math.round(rowsCaptured.ms), opsCaptured: rowsCaptured.outbox, how: 'the rows the operations describe, knex batchInsert of 500 in one transaction into a fresh Carnet database: the capture triggers fire' },
    materialisedRowsCaptureOff: { rows: importedRows, ms: Math.round(rowsUncaptured.ms), opsCaptured: rowsUncaptured.outbox, how: 'the same with sync_state.applying = 1: the triggers skip' },
  },
  coldImportRatios: {
    importRateOverOpRowsKnexRate: round(importRate / rate(baselineKnex)),
    importRateOverOpRowsDirectRate: round(importRate / rate(baselineDirect)),
    importMsOverMaterialisedCaptureOnMs: round(cold.ms / rowsCaptured.ms),
    importMsOverMaterialisedCaptureOffMs: round(cold.ms / rowsUncaptured.ms),
    target: { atLeastOneThirdOfKnexBaseline: importRate >= rate(baselineKnex) / 3, atLeastOneThirdOfDirectBaseline: importRate >= rate(baselineDirect) / 3 },
  },
  catchUpOfSmallSegments: {
    how: `${DEVICES} more devices' folders of ${segmentsPerWriter} segments of one operation each (written by the benchmark in ${Math.round(growMs)} ms, in the export's format), imported at once`,
    filesInFolder: filesAtCatchUp,
    segments: catchUp.result.imported.segments,
    ops: catchUp.result.imported.ops,
    ms: Math.round(catchUp.ms),
    msPerSegment: round(catchUp.ms / Math.max(1, catchUp.result.imported.segments)),
    mergeSqlMs: Math.round(catchUp.sqlMs),
    mergeSqlStatements: catchUp.statements,
    slowestStatements: slowest([catchUp.byStatement], 1, 3),
    problems: notable(catchUp.result),
  },
  incrementalSync: {
    how: 'one device writes once and syncs (exports one segment), the cloud copies it; timed: the importer\'s runSync, which imports that one operation',
    filesInFolder: { min: Math.min(...filesAtIncremental), max: Math.max(...filesAtIncremental) },
    ms: incremental,
    mergeSqlMs: summary(incrementalSqlMs),
    slowestStatementsPerSync: slowest(incrementalStatements, REPS, 4),
    nothingNewMs: summary(idleMs),
    target: { under100msAtP95: incremental.p95 < 100, under100msAtP50: incremental.p50 < 100 },
    problems: [...incrementalProblems],
  },
  exportOverheadPerWrite: {
    rawUpdateOfOneSummary: rawOverhead,
    daysSetDispatch: dispatchOverhead,
    target: { rawUpdateAddsAtMost1msAtP95: rawOverhead.addedMs.p95 <= 1, daysSetAddsAtMost1msAtP95: dispatchOverhead.addedMs.p95 <= 1 },
    note: 'capture off = sync_state.applying set to 1: the triggers still evaluate their WHEN clause, then skip',
  },
  exportStep: {
    firstExportOfEachDevice: { ops: exportTotals.ops, ms: Math.round(exportTotals.ms), usPerOp: round1((exportTotals.ms * 1000) / exportTotals.ops), perDeviceMs: exports.map((item) => Math.round(item.ms)) },
    afterTheWrites: { ops: pendingExport.result.exported.ops, segments: pendingExport.result.exported.segments, ms: Math.round(pendingExport.ms), usPerOp: round1((pendingExport.ms * 1000) / Math.max(1, pendingExport.result.exported.ops)) },
    syncOfOneWriteOnTheWritingDevice: { ...summary(sourceSyncMs), note: 'the whole runSync of the device that wrote, in the incremental rounds: exports 1 operation, imports nothing' },
  },
  totalMs: Math.round(performance.now() - started),
}, null, 2));

for (const source of sources) await source.app.close();
await importer.app.close();
await rm(root, { recursive: true, force: true });
