import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { formatLongDate } from '../core/calendar';
import type { contract } from '../core/contract';
import type { Programme, Wave } from '../core/domain';
import type { ProgrammeView } from '../core/domainViews';
import { CarnetError } from '../core/errors';
import { formatMoney } from '../core/money';
import { ruleError, type RuleIssue } from '../core/rules';
import type { Database } from '../db/connection';
import { programmeFromRow, programmeToRow, waveFromRow, waveToRow, type ProgrammeRow, type WaveRow } from '../db/rows';
import type { ServiceContext } from './context';
import { engagementMoneyRows, envelopeFigures } from './envelope';
import { refuseOnErrors } from './findings';

type ProgrammeInput = z.output<(typeof contract)['programmes.save']['input']>;
type ProgrammeParameters = Omit<Programme, 'id'>;
type WaveInput = ProgrammeInput['waves'][number];

export async function getProgramme(db: Database, id: string, field = 'programmeId'): Promise<Programme> {
  const row = await db<ProgrammeRow>('programmes').where({ id }).first();
  if (!row) throw new CarnetError('not_found', 'error.not_found.programme', { id }, { field });
  return programmeFromRow(row);
}

export async function programmeView(db: Database, programme: Programme): Promise<ProgrammeView> {
  const [waves, money] = await Promise.all([
    db<WaveRow>('waves').where({ programme_id: programme.id }).orderBy('ordinal'),
    engagementMoneyRows(db, programme.id),
  ]);
  return { ...programme, waves: waves.map(waveFromRow), envelope: envelopeFigures(programme, money), engagementCount: money.length };
}

export async function listProgrammes(db: Database): Promise<ProgrammeView[]> {
  const rows = await db<ProgrammeRow>('programmes').orderBy('opens_on');
  return Promise.all(rows.map((row) => programmeView(db, programmeFromRow(row))));
}

function parameterIssues(input: ProgrammeParameters): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!input.name.trim()) issues.push(ruleError('name', 'rule.programme.name.required'));
  if (input.minDays > input.maxDays) issues.push(ruleError('minDays', 'rule.programme.days.order', { min: input.minDays, max: input.maxDays }));
  if (input.minHeadcount > input.maxHeadcount) issues.push(ruleError('minHeadcount', 'rule.programme.headcount.order', { min: input.minHeadcount, max: input.maxHeadcount }));
  if (input.opensOn > input.closesOn) issues.push(ruleError('opensOn', 'rule.programme.dates.order', { opensOn: input.opensOn, closesOn: input.closesOn }));
  if (input.publicShareBasisPoints < 0 || input.publicShareBasisPoints > 10_000) {
    issues.push(ruleError('publicShareBasisPoints', 'rule.programme.share.range', { value: input.publicShareBasisPoints }));
  }
  return issues;
}

const waveKey = (name: string) => name.trim().toLocaleLowerCase('fr');

/** Wave names must be distinct in the end state: the waves saved plus those left out of the list. */
function waveNameIssues(waves: WaveInput[], existing: WaveRow[]): RuleIssue[] {
  const listed = new Set(waves.flatMap((wave) => (wave.id ? [wave.id] : [])));
  const names = new Set(existing.filter((wave) => !listed.has(wave.id)).map((wave) => waveKey(wave.name)));
  const issues: RuleIssue[] = [];
  for (const wave of waves) {
    if (names.has(waveKey(wave.name))) issues.push(ruleError('waves', 'rule.wave.name.duplicate', { name: wave.name.trim() }));
    names.add(waveKey(wave.name));
  }
  return issues;
}

/** What existing engagements would break under the new parameters: each is a refusal. */
async function conflictIssues(db: Database, previous: Programme, programme: Programme, locale: 'fr' | 'en'): Promise<RuleIssue[]> {
  const issues: RuleIssue[] = [];
  // Each refusal points at the bound that moved, so the form can show it beside that field.
  const moved = <K extends keyof Programme>(low: K, high: K): K => (programme[low] !== previous[low] && programme[high] === previous[high] ? low : high);
  const engagements: { ref: string; allowance_days: number }[] = await db('engagements').where({ programme_id: programme.id }).select('ref', 'allowance_days').orderBy('ref');
  const outside = engagements.filter((e) => e.allowance_days < programme.minDays || e.allowance_days > programme.maxDays).map((e) => `${e.ref} (${e.allowance_days} j)`);
  if (outside.length) issues.push(ruleError(moved('minDays', 'maxDays'), 'rule.programme.conflict.allowance', { min: programme.minDays, max: programme.maxDays, refs: outside.join(', ') }));

  const figures = envelopeFigures(programme, await engagementMoneyRows(db, programme.id));
  if (figures.committedCents > programme.envelopeCents) {
    issues.push(ruleError('envelopeCents', 'rule.programme.conflict.envelope', { envelope: formatMoney(programme.envelopeCents, locale), committed: formatMoney(figures.committedCents, locale) }));
  }

  const daysOutside: { ref: string }[] = await db('day_entries as d').join('engagements as e', 'e.id', 'd.engagement_id')
    .where('e.programme_id', programme.id)
    .andWhere((q) => q.where('d.date', '<', programme.opensOn).orWhere('d.date', '>', programme.closesOn))
    .distinct('e.ref').orderBy('e.ref');
  if (daysOutside.length) issues.push(ruleError(moved('opensOn', 'closesOn'), 'rule.programme.conflict.window', { opensOn: formatLongDate(programme.opensOn, locale), closesOn: formatLongDate(programme.closesOn, locale), refs: daysOutside.map((d) => d.ref).join(', ') }));

  const companiesOutside: { name: string }[] = await db('companies as c').join('engagements as e', 'e.company_id', 'c.id')
    .where('e.programme_id', programme.id)
    .andWhere((q) => q.where('c.headcount', '<', programme.minHeadcount).orWhere('c.headcount', '>', programme.maxHeadcount))
    .distinct('c.name').orderBy('c.name');
  if (companiesOutside.length) issues.push(ruleError(moved('minHeadcount', 'maxHeadcount'), 'rule.programme.conflict.headcount', { min: programme.minHeadcount, max: programme.maxHeadcount, names: companiesOutside.map((c) => c.name).join(', ') }));
  return issues;
}

/** The parameters as they would be stored (text trimmed, each département once). */
function storedParameters(parameters: ProgrammeParameters): ProgrammeParameters {
  return {
    name: parameters.name.trim(),
    funders: parameters.funders.map((funder) => funder.trim()),
    publicShareBasisPoints: parameters.publicShareBasisPoints,
    minDays: parameters.minDays,
    maxDays: parameters.maxDays,
    envelopeCents: parameters.envelopeCents,
    minHeadcount: parameters.minHeadcount,
    maxHeadcount: parameters.maxHeadcount,
    departements: [...new Set(parameters.departements)],
    opensOn: parameters.opensOn,
    closesOn: parameters.closesOn,
  };
}

/**
 * The parameters a save leads to, as typed. A change with `base` (the values its form started
 * from) takes from the input only the parameters whose stored form differs from base's, and keeps
 * the others as they are now: sync may have brought another device's change to them since
 * (core/contract.ts).
 */
function parametersAfter(input: ProgrammeInput, current: Programme | null): ProgrammeParameters {
  if (!current || !input.base) return input;
  const typed = storedParameters(input);
  const started = storedParameters(input.base);
  const pick = <K extends keyof ProgrammeParameters>(field: K): ProgrammeParameters[K] => (isDeepStrictEqual(typed[field], started[field]) ? current[field] : input[field]);
  return {
    name: pick('name'),
    funders: pick('funders'),
    publicShareBasisPoints: pick('publicShareBasisPoints'),
    minDays: pick('minDays'),
    maxDays: pick('maxDays'),
    envelopeCents: pick('envelopeCents'),
    minHeadcount: pick('minHeadcount'),
    maxHeadcount: pick('maxHeadcount'),
    departements: pick('departements'),
    opensOn: pick('opensOn'),
    closesOn: pick('closesOn'),
  };
}

/** The waves listed, each saved wave taking from the input only what differs from its `base` twin. */
function wavesAfter(input: ProgrammeInput, existing: WaveRow[]): WaveInput[] {
  if (!input.base) return input.waves;
  const started = new Map(input.base.waves.map((wave) => [wave.id, wave]));
  const rows = new Map(existing.map((row) => [row.id, row]));
  return input.waves.map((wave) => {
    const base = wave.id ? started.get(wave.id) : undefined;
    const row = wave.id ? rows.get(wave.id) : undefined;
    if (!base || !row) return wave;
    return {
      id: row.id,
      name: wave.name.trim() === base.name.trim() ? row.name : wave.name,
      deadlineOn: wave.deadlineOn === base.deadlineOn ? row.deadline_on : wave.deadlineOn,
    };
  });
}

/**
 * Writes what changes in the saved waves and adds the new ones after the last. Every other wave's
 * row is left untouched: a wave is a row of its own, and rewriting one would send it to the other
 * devices as a change, over theirs.
 */
async function writeWaves(trx: Database, context: ServiceContext, programmeId: string, waves: WaveInput[], existing: WaveRow[]): Promise<void> {
  const rows = new Map(existing.map((row) => [row.id, row]));
  const changes = waves.flatMap((wave) => {
    const row = wave.id ? rows.get(wave.id) : undefined;
    if (!row) return [];
    const name = wave.name.trim();
    const change: Partial<WaveRow> = { ...(name !== row.name ? { name } : {}), ...(wave.deadlineOn !== row.deadline_on ? { deadline_on: wave.deadlineOn } : {}) };
    return Object.keys(change).length > 0 ? [{ row, change }] : [];
  });
  // A wave whose name another one takes (two names swapped) first takes its id as a name, so that
  // no update meets the unique name of a wave not renamed yet.
  const taken = new Set(changes.flatMap(({ change }) => (change.name === undefined ? [] : [change.name])));
  for (const { row } of changes) {
    if (taken.has(row.name)) await trx('waves').where({ id: row.id }).update({ name: row.id });
  }
  for (const { row, change } of changes) await trx('waves').where({ id: row.id }).update(change);
  let ordinal = Math.max(0, ...existing.map((row) => row.ordinal));
  for (const wave of waves.filter((candidate) => !candidate.id)) {
    await trx('waves').insert(waveToRow({ id: context.newId(), programmeId, name: wave.name.trim(), deadlineOn: wave.deadlineOn, ordinal: ++ordinal } satisfies Wave));
  }
}

/** Creates a programme, or changes one unless existing engagements would break (each named). */
export async function saveProgramme(context: ServiceContext, input: ProgrammeInput): Promise<ProgrammeView> {
  const locale = context.settings.get().locale;
  const programme = await context.db.transaction(async (trx) => {
    const previous = input.id ? await getProgramme(trx, input.id, 'id') : null;
    const parameters = parametersAfter(input, previous);
    refuseOnErrors(parameterIssues(parameters), locale);
    const saved: Programme = { id: previous?.id ?? context.newId(), ...storedParameters(parameters) };
    const existingWaves = previous ? await trx<WaveRow>('waves').where({ programme_id: saved.id }) : [];
    const existing = new Set(existingWaves.map((row) => row.id));
    for (const wave of input.waves) {
      if (wave.id && !existing.has(wave.id)) throw new CarnetError('not_found', 'error.not_found.wave', { id: wave.id }, { field: 'waves' });
    }
    const waves = wavesAfter(input, existingWaves);
    const issues = waveNameIssues(waves, existingWaves);
    if (previous) issues.push(...(await conflictIssues(trx, previous, saved, locale)));
    refuseOnErrors(issues, locale);
    if (previous) await trx('programmes').where({ id: saved.id }).update(programmeToRow(saved));
    else await trx('programmes').insert(programmeToRow(saved));
    await writeWaves(trx, context, saved.id, waves, existingWaves);
    return saved;
  });
  return programmeView(context.db, programme);
}
