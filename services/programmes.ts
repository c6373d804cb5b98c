import type { z } from 'zod';
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

export async function getProgramme(db: Database, id: string): Promise<Programme> {
  const row = await db<ProgrammeRow>('programmes').where({ id }).first();
  if (!row) throw new CarnetError('not_found', 'error.not_found.programme', { id }, { field: 'programmeId' });
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
  const names = new Set<string>();
  for (const wave of input.waves) {
    const key = wave.name.trim().toLocaleLowerCase('fr');
    if (names.has(key)) issues.push(ruleError('waves', 'rule.wave.name.duplicate', { name: wave.name.trim() }));
    names.add(key);
  }
  return issues;
}

/** What existing engagements would break under the new parameters: each is a refusal. */
async function conflictIssues(db: Database, programme: Programme, locale: 'fr' | 'en'): Promise<RuleIssue[]> {
  const issues: RuleIssue[] = [];
  const engagements: { ref: string; allowance_days: number }[] = await db('engagements').where({ programme_id: programme.id }).select('ref', 'allowance_days').orderBy('ref');
  const outside = engagements.filter((e) => e.allowance_days < programme.minDays || e.allowance_days > programme.maxDays).map((e) => `${e.ref} (${e.allowance_days} j)`);
  if (outside.length) issues.push(ruleError('maxDays', 'rule.programme.conflict.allowance', { min: programme.minDays, max: programme.maxDays, refs: outside.join(', ') }));

  const figures = envelopeFigures(programme, await engagementMoneyRows(db, programme.id));
  if (figures.committedCents > programme.envelopeCents) {
    issues.push(ruleError('envelopeCents', 'rule.programme.conflict.envelope', { envelope: formatMoney(programme.envelopeCents, locale), committed: formatMoney(figures.committedCents, locale) }));
  }

  const daysOutside: { ref: string }[] = await db('day_entries as d').join('engagements as e', 'e.id', 'd.engagement_id')
    .where('e.programme_id', programme.id)
    .andWhere((q) => q.where('d.date', '<', programme.opensOn).orWhere('d.date', '>', programme.closesOn))
    .distinct('e.ref').orderBy('e.ref');
  if (daysOutside.length) issues.push(ruleError('closesOn', 'rule.programme.conflict.window', { opensOn: programme.opensOn, closesOn: programme.closesOn, refs: daysOutside.map((d) => d.ref).join(', ') }));

  const companiesOutside: { name: string }[] = await db('companies as c').join('engagements as e', 'e.company_id', 'c.id')
    .where('e.programme_id', programme.id)
    .andWhere((q) => q.where('c.headcount', '<', programme.minHeadcount).orWhere('c.headcount', '>', programme.maxHeadcount))
    .distinct('c.name').orderBy('c.name');
  if (companiesOutside.length) issues.push(ruleError('minHeadcount', 'rule.programme.conflict.headcount', { min: programme.minHeadcount, max: programme.maxHeadcount, names: companiesOutside.map((c) => c.name).join(', ') }));
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
    if (input.id) {
      await getProgramme(trx, input.id);
      refuseOnErrors(await conflictIssues(trx, programme, locale), locale);
      await trx('programmes').where({ id: programme.id }).update(programmeToRow(programme));
    } else {
      await trx('programmes').insert(programmeToRow(programme));
    }
    const existing = new Map((await trx<WaveRow>('waves').where({ programme_id: programme.id })).map((row) => [row.id, row]));
    for (const [index, wave] of input.waves.entries()) {
      if (wave.id && !existing.has(wave.id)) throw new CarnetError('not_found', 'error.not_found.wave', { id: wave.id }, { field: 'waves' });
      const row = waveToRow({ id: wave.id ?? context.newId(), programmeId: programme.id, name: wave.name.trim(), deadlineOn: wave.deadlineOn, ordinal: index + 1 } satisfies Wave);
      if (wave.id) await trx('waves').where({ id: wave.id }).update(row);
      else await trx('waves').insert(row);
    }
  });
  return programmeView(context.db, programme);
}
