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

function parameterIssues(input: ProgrammeInput): RuleIssue[] {
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
function waveNameIssues(input: ProgrammeInput, existing: WaveRow[]): RuleIssue[] {
  const listed = new Set(input.waves.flatMap((wave) => (wave.id ? [wave.id] : [])));
  const names = new Set(existing.filter((wave) => !listed.has(wave.id)).map((wave) => waveKey(wave.name)));
  const issues: RuleIssue[] = [];
  for (const wave of input.waves) {
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

/** Creates a programme, or changes one unless existing engagements would break (each named). */
export async function saveProgramme(context: ServiceContext, input: ProgrammeInput): Promise<ProgrammeView> {
  const locale = context.settings.get().locale;
  refuseOnErrors(parameterIssues(input), locale);
  const programme: Programme = {
    id: input.id ?? context.newId(),
    name: input.name.trim(),
    funders: input.funders.map((funder) => funder.trim()),
    publicShareBasisPoints: input.publicShareBasisPoints,
    minDays: input.minDays,
    maxDays: input.maxDays,
    envelopeCents: input.envelopeCents,
    minHeadcount: input.minHeadcount,
    maxHeadcount: input.maxHeadcount,
    departements: [...new Set(input.departements)],
    opensOn: input.opensOn,
    closesOn: input.closesOn,
  };
  await context.db.transaction(async (trx) => {
    const existingWaves = await trx<WaveRow>('waves').where({ programme_id: programme.id });
    const existing = new Set(existingWaves.map((row) => row.id));
    for (const wave of input.waves) {
      if (wave.id && !existing.has(wave.id)) throw new CarnetError('not_found', 'error.not_found.wave', { id: wave.id }, { field: 'waves' });
    }
    const issues = waveNameIssues(input, existingWaves);
    if (input.id) issues.push(...(await conflictIssues(trx, await getProgramme(trx, input.id, 'id'), programme, locale)));
    refuseOnErrors(issues, locale);
    if (input.id) await trx('programmes').where({ id: programme.id }).update(programmeToRow(programme));
    else await trx('programmes').insert(programmeToRow(programme));

    const rows = input.waves.map((wave, index) =>
      waveToRow({ id: wave.id ?? context.newId(), programmeId: programme.id, name: wave.name.trim(), deadlineOn: wave.deadlineOn, ordinal: index + 1 } satisfies Wave));
    // Waves left out of the list keep their place after the listed ones.
    const listed = new Set(rows.map((row) => row.id));
    let ordinal = rows.length;
    for (const wave of [...existingWaves].sort((a, b) => a.ordinal - b.ordinal)) {
      if (!listed.has(wave.id)) await trx('waves').where({ id: wave.id }).update({ ordinal: ++ordinal });
    }
    // Renamed waves first take their id as a name, so that swapping two names never collides.
    for (const row of rows.filter((row) => existing.has(row.id))) await trx('waves').where({ id: row.id }).update({ name: row.id });
    for (const row of rows) {
      if (existing.has(row.id)) await trx('waves').where({ id: row.id }).update(row);
      else await trx('waves').insert(row);
    }
  });
  return programmeView(context.db, programme);
}
