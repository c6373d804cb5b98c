import type { z } from 'zod';
import type { contract } from '../core/contract';
import { LOCKED_STATUSES, type EngagementDetail, type EngagementStatus, type Locale, type Programme } from '../core/domain';
import { envelopeOverrunCents, maxPublicShareCents } from '../core/envelope';
import { CarnetError } from '../core/errors';
import { translate } from '../core/i18n';
import { canTransition, isReserving, TRANSITIONS } from '../core/lifecycle';
import { formatDays, formatMoney } from '../core/money';
import { ruleError, type RuleIssue } from '../core/rules';
import type { Database } from '../db/connection';
import { engagementToRow, statusChangeToRow, type EngagementRecord, type WaveRow } from '../db/rows';
import { getCompany } from './companies';
import type { ServiceContext } from './context';
import { engagementMoneyRows, envelopeFigures } from './envelope';
import { getEngagement } from './engagements';
import { refuseOnErrors } from './findings';
import { getProgramme } from './programmes';

type CreateInput = z.output<(typeof contract)['engagements.create']['input']>;
type UpdateInput = z.output<(typeof contract)['engagements.update']['input']>;
type TransitionInput = z.output<(typeof contract)['engagements.transition']['input']>;

interface Parameters {
  waveId: string;
  allowanceDays: number;
  dailyRateCents: number;
  consultantIds: string[];
}

async function parameterIssues(db: Database, programme: Programme, parameters: Parameters): Promise<RuleIssue[]> {
  const issues: RuleIssue[] = [];
  const wave = await db<WaveRow>('waves').where({ id: parameters.waveId }).first();
  if (!wave || wave.programme_id !== programme.id) issues.push(ruleError('waveId', 'rule.engagement.wave.programme', { programme: programme.name }));
  if (!Number.isInteger(parameters.allowanceDays) || parameters.allowanceDays < programme.minDays || parameters.allowanceDays > programme.maxDays) {
    issues.push(ruleError('allowanceDays', 'rule.engagement.allowance.range', { value: parameters.allowanceDays, min: programme.minDays, max: programme.maxDays }));
  }
  if (parameters.dailyRateCents <= 0) issues.push(ruleError('dailyRateCents', 'rule.engagement.rate.positive', { value: parameters.dailyRateCents }));
  if (parameters.consultantIds.length === 0) issues.push(ruleError('consultantIds', 'rule.engagement.consultants.required'));
  const known = await db('consultants').whereIn('id', parameters.consultantIds).pluck('id');
  for (const id of parameters.consultantIds) {
    if (!known.includes(id)) throw new CarnetError('not_found', 'error.not_found.consultant', { id }, { field: 'consultantIds' });
  }
  return issues;
}

/** Refuses a reservation that would take the programme past its envelope, saying by how much. */
async function checkEnvelope(db: Database, programme: Programme, engagement: { id: string; ref: string } & Pick<Parameters, 'allowanceDays' | 'dailyRateCents'>, locale: Locale): Promise<void> {
  const others = (await engagementMoneyRows(db, programme.id)).filter((row) => row.id !== engagement.id);
  const committed = envelopeFigures(programme, others).committedCents;
  const reservation = maxPublicShareCents(engagement, programme.publicShareBasisPoints);
  const overrun = envelopeOverrunCents(programme.envelopeCents, committed, reservation);
  if (overrun > 0) {
    throw new CarnetError('rule_violation', 'rule.envelope.overrun', {
      ref: engagement.ref,
      reservation: formatMoney(reservation, locale),
      envelope: formatMoney(programme.envelopeCents, locale),
      remaining: formatMoney(Math.max(0, programme.envelopeCents - committed), locale),
      overrun: formatMoney(overrun, locale),
    }, { field: 'allowanceDays', details: { overrunCents: overrun, reservationCents: reservation, committedCents: committed, envelopeCents: programme.envelopeCents } });
  }
}

async function nextRef(db: Database, year: string): Promise<string> {
  const refs: string[] = await db('engagements').where('ref', 'like', `RD-${year}-%`).pluck('ref');
  const highest = refs.reduce((max, ref) => Math.max(max, Number(ref.slice(8)) || 0), 0);
  return `RD-${year}-${String(highest + 1).padStart(3, '0')}`;
}

export async function recordStatusChange(db: Database, context: ServiceContext, engagementId: string, from: EngagementStatus | null, to: EngagementStatus, id = context.newId()): Promise<void> {
  await db('status_changes').insert(statusChangeToRow({ id, engagementId, fromStatus: from, toStatus: to, at: context.now().toISOString(), by: context.actor }));
}

const staffingRow = (engagementId: string, consultantId: string) => ({ id: `${engagementId}:${consultantId}`, engagement_id: engagementId, consultant_id: consultantId });

async function replaceStaffing(db: Database, engagementId: string, consultantIds: string[]): Promise<void> {
  await db('engagement_consultants').where({ engagement_id: engagementId }).delete();
  const rows = [...new Set(consultantIds)].map((consultantId) => staffingRow(engagementId, consultantId));
  if (rows.length) await db('engagement_consultants').insert(rows);
}

/**
 * Changes an engagement's staffing by removing and adding only the consultants that differ: each
 * is a row of its own, and deleting and inserting again a consultant who stays would send both to
 * the other devices, undoing a removal made there meanwhile.
 */
async function restaff(db: Database, engagementId: string, staffed: string[], consultantIds: string[]): Promise<void> {
  const wanted = new Set(consultantIds);
  const removed = staffed.filter((consultantId) => !wanted.has(consultantId));
  const added = [...wanted].filter((consultantId) => !staffed.includes(consultantId));
  if (removed.length) await db('engagement_consultants').where({ engagement_id: engagementId }).whereIn('consultant_id', removed).delete();
  if (added.length) await db('engagement_consultants').insert(added.map((consultantId) => staffingRow(engagementId, consultantId)));
}

/**
 * The staffing to end with: as given, or — when the form says what it started from — the current
 * staffing with only the consultants the user added or removed changed.
 */
function staffingWanted(current: string[], given: string[] | undefined, base: string[] | undefined): string[] {
  if (!given) return current;
  if (!base) return given;
  const removed = new Set(base.filter((consultantId) => !given.includes(consultantId)));
  const added = given.filter((consultantId) => !base.includes(consultantId));
  return [...new Set([...current.filter((consultantId) => !removed.has(consultantId)), ...added])];
}

export async function createEngagement(context: ServiceContext, input: CreateInput): Promise<EngagementDetail> {
  const locale = context.settings.get().locale;
  const id = context.newId();
  await context.db.transaction(async (trx) => {
    const programme = await getProgramme(trx, input.programmeId);
    const company = await getCompany(trx, input.companyId);
    const issues = await parameterIssues(trx, programme, input);
    // The company must fit the chosen programme, as programmes.save keeps it fitting afterwards.
    if (company.headcount < programme.minHeadcount || company.headcount > programme.maxHeadcount) {
      issues.push(ruleError('companyId', 'rule.company.headcount.range', { value: company.headcount, min: programme.minHeadcount, max: programme.maxHeadcount }));
    }
    refuseOnErrors(issues, locale);
    const record: EngagementRecord = engagementToRow({
      id,
      ref: await nextRef(trx, String(context.now().getUTCFullYear())),
      programmeId: programme.id,
      waveId: input.waveId,
      companyId: input.companyId,
      projectType: input.projectType,
      phase: input.phase,
      allowanceDays: input.allowanceDays,
      dailyRateCents: input.dailyRateCents,
      status: 'draft',
      startedOn: null,
      completedOn: null,
    });
    await trx('engagements').insert(record);
    await replaceStaffing(trx, id, input.consultantIds);
    await recordStatusChange(trx, context, id, null, 'draft');
  });
  return getEngagement(context.db, id);
}

async function halfDaysLogged(db: Database, engagementId: string): Promise<number> {
  const [row] = (await db('day_entries').where({ engagement_id: engagementId }).sum({ total: 'half_days' })) as [{ total: number | null }];
  return Number(row.total ?? 0);
}

/**
 * Changes the parameters given, and only those: a field left out keeps its current value, which
 * sync may have brought from another device after the form was opened (the form sends only what
 * the user changed, core/contract.ts).
 */
export async function updateEngagement(context: ServiceContext, input: UpdateInput): Promise<EngagementDetail> {
  const locale = context.settings.get().locale;
  await context.db.transaction(async (trx) => {
    const { engagement, programme, consultants } = await getEngagement(trx, input.id);
    if (LOCKED_STATUSES.includes(engagement.status)) {
      throw new CarnetError('rule_violation', 'rule.engagement.locked', { ref: engagement.ref, status: translate(locale, `status.${engagement.status}`) }, { field: 'id' });
    }
    const parameters: Parameters = {
      waveId: input.waveId ?? engagement.waveId,
      allowanceDays: input.allowanceDays ?? engagement.allowanceDays,
      dailyRateCents: input.dailyRateCents ?? engagement.dailyRateCents,
      consultantIds: staffingWanted(consultants.map((consultant) => consultant.id), input.consultantIds, input.consultantIdsBase),
    };
    const issues = await parameterIssues(trx, programme, parameters);
    const logged = await halfDaysLogged(trx, engagement.id);
    if (2 * parameters.allowanceDays < logged) {
      issues.push(ruleError('allowanceDays', 'rule.engagement.allowance.belowLogged', { value: parameters.allowanceDays, logged: formatDays(logged, locale), ref: engagement.ref }));
    }
    refuseOnErrors(issues, locale);
    if (isReserving(engagement.status)) await checkEnvelope(trx, programme, { ...engagement, ...parameters }, locale);
    await trx('engagements').where({ id: engagement.id }).update({
      wave_id: parameters.waveId,
      project_type: input.projectType ?? engagement.projectType,
      phase: input.phase ?? engagement.phase,
      allowance_days: parameters.allowanceDays,
      daily_rate_cents: parameters.dailyRateCents,
    });
    if (input.consultantIds) await restaff(trx, engagement.id, consultants.map((consultant) => consultant.id), parameters.consultantIds);
  });
  return getEngagement(context.db, input.id);
}

/** Moves an engagement along its lifecycle; each refusal says why. Every change is recorded. */
export async function transitionEngagement(context: ServiceContext, input: TransitionInput): Promise<EngagementDetail> {
  const locale = context.settings.get().locale;
  await context.db.transaction(async (trx) => {
    const { engagement, programme, consultants, days } = await getEngagement(trx, input.id);
    const from = engagement.status;
    const label = (status: EngagementStatus) => translate(locale, `status.${status}`);
    if (TRANSITIONS[from].length === 0) {
      throw new CarnetError('rule_violation', 'rule.transition.final', { ref: engagement.ref, from: label(from) }, { field: 'to' });
    }
    if (!canTransition(from, input.to)) {
      const allowed = TRANSITIONS[from].map((status) => `« ${label(status)} »`).join(', ');
      throw new CarnetError('rule_violation', 'rule.transition.invalid', { ref: engagement.ref, from: label(from), to: label(input.to), allowed }, { field: 'to' });
    }
    // Submitting is handing the Région a closing package: only « Clôturer la mission » does it.
    if (input.to === 'submitted') throw new CarnetError('rule_violation', 'rule.transition.submitThroughClosing', { ref: engagement.ref }, { field: 'to' });
    // Approving or asking for changes is the Région's: only its decision file does it (reviews/inbox).
    if (input.to === 'approved' || input.to === 'changes_requested') {
      throw new CarnetError('rule_violation', 'rule.transition.regionDecides', { ref: engagement.ref, to: label(input.to) }, { field: 'to' });
    }
    const logged = days.reduce((sum, day) => sum + day.halfDays, 0);
    const changes: Partial<EngagementRecord> = { status: input.to };
    if (input.to === 'committed') {
      refuseOnErrors(await parameterIssues(trx, programme, { ...engagement, consultantIds: consultants.map((c) => c.id) }), locale);
      await checkEnvelope(trx, programme, engagement, locale);
    }
    if (input.to === 'draft' && logged > 0) {
      throw new CarnetError('rule_violation', 'rule.transition.hasDays', { ref: engagement.ref, logged: formatDays(logged, locale) }, { field: 'to' });
    }
    // Starting today fixes the start date; outside the programme's window (e.g. entering a past
    // mission afterwards) the first logged day will fix it instead, so no real day is refused.
    const today = context.now().toISOString().slice(0, 10);
    if (input.to === 'in_progress' && !engagement.startedOn && today >= programme.opensOn && today <= programme.closesOn) changes.started_on = today;
    if (input.to === 'completed') {
      if (logged === 0) throw new CarnetError('rule_violation', 'rule.transition.noDays', { ref: engagement.ref }, { field: 'to' });
      changes.completed_on = days[days.length - 1]!.date;
    }
    if (input.to === 'in_progress' && from !== 'committed') changes.completed_on = null;
    await trx('engagements').where({ id: engagement.id }).update(changes);
    await recordStatusChange(trx, context, engagement.id, from, input.to);
  });
  return getEngagement(context.db, input.id);
}
