// Benchmark: logging a half day through the contract (days.set: validation, rules, write, audit)
// against a plain knex insert of the same row, measured in the same run (in turns), on a database
// file (WAL, like the app's) holding 100 000 day entries. Issue 4's targets: p95 ≤ 5 ms and
// ≤ 3 × the baseline's p95. Prints JSON; never asserts. Run: npm run bench -- day-log
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { addDays, dayFlags } from '../core/calendar';
import { luhnValid } from '../core/siret';
import { DEFAULT_PROGRAMME, DEFAULT_PROGRAMME_ID, DEFAULT_WAVES } from '../db/defaultProgramme';
import { observePreparedStatements } from '../services/dayLog/preparedTransaction';
import { consultantToRow, engagementToRow, type DayEntryRow } from '../db/rows';
import { openApplication } from '../services/application';

const ENTRIES = Number(process.env.ENTRIES ?? 100_000);
const N = Number(process.env.N ?? 2_000);
const WARMUP = Number(process.env.WARMUP ?? 300);
const PROFILE_N = Number(process.env.PROFILE_N ?? 500);

// Shape of the data: each consultant is on 25 engagements of 12 days; the bulk fills 20 of each
// engagement's 24 half days, so every engagement has room for 4 more; a consultant logs at most
// two half days (on two engagements) per working day.
const ENGAGEMENTS_PER_CONSULTANT = 25;
const BULK_SLOTS = 20;
const ROOM_SLOTS = 4;
const ALLOWANCE_DAYS = 12;
const slotsPerConsultant = ENGAGEMENTS_PER_CONSULTANT * BULK_SLOTS;
const CONSULTANTS = Math.ceil(ENTRIES / slotsPerConsultant);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'carnet-bench-day-log-'));
const app = await openApplication({ dataDir, actor: 'bench' });
const { db } = app.context;
const newId = () => app.context.newId();

// Working days of the programme (no weekend, no holiday): plain cells, no warnings.
const workingDays: string[] = [];
for (let date = DEFAULT_PROGRAMME.opensOn; date <= DEFAULT_PROGRAMME.closesOn; date = addDays(date, 1)) {
  if (dayFlags(date).length === 0) workingDays.push(date);
}
const daysNeeded = (ENGAGEMENTS_PER_CONSULTANT * (BULK_SLOTS + ROOM_SLOTS)) / 2;
if (workingDays.length < daysNeeded) throw new Error(`the programme has ${workingDays.length} working days, ${daysNeeded} needed`);

// --- The database ----------------------------------------------------------------------------
const buildStarted = performance.now();
const withCheckDigit = (payload: string) => payload + '0123456789'.split('').find((digit) => luhnValid(payload + digit))!;
const companyIds: string[] = [];
for (let i = 0; i < 50; i++) {
  const siren = withCheckDigit(`4${String(10_000_000 + i * 7919).slice(-7)}`);
  const saved = await app.dispatch('companies.save', {
    siret: withCheckDigit(`${siren}0001`), name: `Entreprise ${i}`, nafCode: '25.62A', sector: 'Mécanique', headcount: 50 + i, postalCode: '45000', city: 'Orléans',
  });
  if (!saved.ok) throw new Error(saved.error.message);
  companyIds.push((saved.result as { company: { id: string } }).company.id);
}

const consultantIds = Array.from({ length: CONSULTANTS }, () => newId());
// engagementIds[k][j]: the j-th engagement of consultant k.
const engagementIds = consultantIds.map(() => Array.from({ length: ENGAGEMENTS_PER_CONSULTANT }, () => newId()));

/** Slot s of consultant k: engagement s mod 25 on working day ⌊s/2⌋ (two engagements per day). */
function cell(k: number, slot: number) {
  return { engagementId: engagementIds[k]![slot % ENGAGEMENTS_PER_CONSULTANT]!, consultantId: consultantIds[k]!, date: workingDays[Math.floor(slot / 2)]! };
}

const bulk: DayEntryRow[] = [];
for (let k = 0; k < CONSULTANTS && bulk.length < ENTRIES; k++) {
  for (let slot = 0; slot < slotsPerConsultant && bulk.length < ENTRIES; slot++) {
    const { engagementId, consultantId, date } = cell(k, slot);
    bulk.push({ id: newId(), engagement_id: engagementId, consultant_id: consultantId, date, half_days: 1, activity: 'analyse', location: 'on_site', summary: 'Entretien avec la direction' });
  }
}
await db.transaction(async (trx) => {
  await trx.batchInsert('consultants', consultantIds.map((id, k) => consultantToRow({ id, name: `Consultant ${k}`, email: `k${k}@cabinet-exemple.fr`, dailyRateCents: 95_000 })), 100);
  const engagements = engagementIds.flatMap((ids, k) => ids.map((id, j) => engagementToRow({
    id, ref: `RD-2022-${String(k * ENGAGEMENTS_PER_CONSULTANT + j + 1).padStart(5, '0')}`, programmeId: DEFAULT_PROGRAMME_ID, waveId: DEFAULT_WAVES[0]!.id,
    companyId: companyIds[(k + j) % companyIds.length]!, projectType: 'diversification', phase: 'etude', allowanceDays: ALLOWANCE_DAYS,
    dailyRateCents: 100_000, status: 'in_progress', startedOn: DEFAULT_PROGRAMME.opensOn, completedOn: null,
  })));
  await trx.batchInsert('engagements', engagements, 100);
  await trx.batchInsert('engagement_consultants', engagementIds.flatMap((ids, k) => ids.map((id) => ({ id: `${id}:${consultantIds[k]}`, engagement_id: id, consultant_id: consultantIds[k]! }))), 100);
  await trx.batchInsert('day_entries', bulk, 100);
});
const buildMs = performance.now() - buildStarted;

// Free cells, round-robin over consultants, each on an engagement with room left.
let cellsTaken = 0;
function nextCell() {
  const k = cellsTaken % CONSULTANTS;
  const slot = slotsPerConsultant + Math.floor(cellsTaken / CONSULTANTS);
  cellsTaken += 1;
  if (slot >= ENGAGEMENTS_PER_CONSULTANT * (BULK_SLOTS + ROOM_SLOTS)) throw new Error('out of free cells: lower N or raise ENTRIES');
  return cell(k, slot);
}

// --- The measures ----------------------------------------------------------------------------
async function baselineInsert(): Promise<number> {
  const { engagementId, consultantId, date } = nextCell();
  const row: DayEntryRow = { id: newId(), engagement_id: engagementId, consultant_id: consultantId, date, half_days: 1, activity: 'analyse', location: 'on_site', summary: '' };
  const started = performance.now();
  await db('day_entries').insert(row);
  return performance.now() - started;
}

async function dispatchSet(): Promise<number> {
  const target = nextCell();
  const started = performance.now();
  const outcome = await app.dispatch('days.set', { ...target, halfDays: 1, activity: 'analyse', location: 'on_site', summary: '' });
  const elapsed = performance.now() - started;
  if (!outcome.ok) throw new Error(`days.set refused: ${outcome.error.message}`);
  return elapsed;
}

async function sample(times: number, measure: () => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await measure());
  return samples;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length), max: round(sorted.at(-1)!) };
}

/**
 * Both measures in turns, the order swapped every round (baseline first, then days.set first): on
 * a shared machine load comes and goes, and taken in turns both meet the same load.
 */
async function sampleInTurns(times: number): Promise<{ baseline: number[]; dispatch: number[] }> {
  const baseline: number[] = [];
  const dispatch: number[] = [];
  for (let i = 0; i < times; i++) {
    if (i % 2 === 0) {
      baseline.push(await baselineInsert());
      dispatch.push(await dispatchSet());
    } else {
      dispatch.push(await dispatchSet());
      baseline.push(await baselineInsert());
    }
  }
  return { baseline, dispatch };
}

const loadBefore = os.loadavg()[0]!;
await sampleInTurns(WARMUP);
const measured = await sampleInTurns(N);
const loadAfter = os.loadavg()[0]!;
const baseline = summary(measured.baseline);
const dispatch = summary(measured.dispatch);

// --- Where the time goes: each SQL statement of days.set (BEGIN and COMMIT included) -----------
// A statement's time runs from its issue to its result: the situation's includes the settings read
// that days.set does meanwhile on this thread. The observer runs between the statements of a
// call, so it must cost next to nothing: keyed by the SQL text itself, shaped only for printing.
const bySql = new Map<string, { count: number; ms: number }>();
observePreparedStatements((sql, ms) => {
  const entry = bySql.get(sql);
  if (entry) {
    entry.count += 1;
    entry.ms += ms;
  } else {
    bySql.set(sql, { count: 1, ms });
  }
});
const profiled = await sample(PROFILE_N, dispatchSet);
observePreparedStatements(null);
const profiledMean = profiled.reduce((a, b) => a + b, 0) / profiled.length;
const statements = [...bySql.entries()]
  .map(([sql, { count, ms }]) => ({ sql: sql.replace(/\s+/g, ' ').trim().slice(0, 140), perCall: round(count / PROFILE_N), meanMsPerCall: round(ms / PROFILE_N) }))
  .sort((a, b) => b.meanMsPerCall - a.meanMsPerCall);
const inSql = statements.reduce((sum, statement) => sum + statement.meanMsPerCall, 0);
// The settings are read twice per call (the dispatcher's locale, days.set's): a file read each.
const settingsStarted = performance.now();
for (let i = 0; i < PROFILE_N; i++) app.context.settings.get();
const settingsReadMs = (performance.now() - settingsStarted) / PROFILE_N;

const probe = cell(0, 0);
const plan = async (sql: string, bindings: string[]) => ((await db.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)) as { detail: string }[]).map((row) => row.detail);
const queryPlans = {
  engagementSum: await plan('select sum(half_days) as total from day_entries where engagement_id = ?', [probe.engagementId]),
  consultantDateSum: await plan('select sum(half_days) as total from day_entries where consultant_id = ? and date = ? and not engagement_id = ?', [probe.consultantId, probe.date, probe.engagementId]),
  existingEntry: await plan('select * from day_entries where engagement_id = ? and consultant_id = ? and date = ? limit 1', [probe.engagementId, probe.consultantId, probe.date]),
};
const [{ count: entriesAtEnd }] = (await db('day_entries').count({ count: '*' })) as [{ count: number }];

console.log(JSON.stringify({
  benchmark: 'day-log',
  database: { dayEntriesAtStart: bulk.length, dayEntriesAtEnd: Number(entriesAtEnd), consultants: CONSULTANTS, engagements: CONSULTANTS * ENGAGEMENTS_PER_CONSULTANT, journal: 'wal', buildMs: Math.round(buildMs) },
  warmup: WARMUP,
  // Other work on the machine moves the tails (p95, p99) most: its load, one-minute average.
  machine: { cpus: os.cpus().length, loadBefore: round(loadBefore), loadAfter: round(loadAfter) },
  baselineKnexInsertMs: baseline,
  daysSetDispatchMs: dispatch,
  ratio: { p95: round(dispatch.p95 / baseline.p95), mean: round(dispatch.mean / baseline.mean) },
  targets: { p95Within5ms: dispatch.p95 <= 5, p95Within3xBaseline: dispatch.p95 <= 3 * baseline.p95 },
  profile: { calls: PROFILE_N, meanMsPerCall: round(profiledMean), inSqlMsPerCall: round(inSql), outsideSqlMsPerCall: round(profiledMean - inSql), settingsReadMs: round(settingsReadMs), statements },
  queryPlans,
}, null, 2));

await app.close();
await rm(dataDir, { recursive: true, force: true });
