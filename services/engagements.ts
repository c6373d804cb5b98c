import type { EngagementDetail, EngagementRow } from '../core/domain';
import { CarnetError } from '../core/errors';
import { costSplit } from '../core/money';
import type { Database } from '../db/connection';
import {
  companyFromRow,
  consultantFromRow,
  dayEntryFromRow,
  deliverableFromRow,
  packageFromRow,
  engagementFromRow,
  programmeFromRow,
  waveFromRow,
  type CompanyRow,
  type ConsultantRow,
  type DayEntryRow,
  type DeliverableRow,
  type PackageRow,
  type EngagementRecord,
  type ProgrammeRow,
  type StatusChangeRow,
  statusChangeFromRow,
  type WaveRow,
} from '../db/rows';
import { ignoredDecisions, reviewRecords } from './reviews/records';

interface EngagementListRecord {
  id: string;
  ref: string;
  company_name: string;
  company_city: string;
  departement: string;
  wave_name: string;
  project_type: EngagementRow['projectType'];
  phase: EngagementRow['phase'];
  status: EngagementRow['status'];
  allowance_days: number;
  half_days_logged: number | null;
}

/** Every engagement with what the list shows, in three queries whatever the number of rows. */
export async function listEngagements(db: Database): Promise<EngagementRow[]> {
  const logged = db('day_entries').select('engagement_id').sum({ half_days_logged: 'half_days' }).groupBy('engagement_id').as('logged');
  const rows: EngagementListRecord[] = await db('engagements as e')
    .join('companies as c', 'c.id', 'e.company_id')
    .join('waves as w', 'w.id', 'e.wave_id')
    .leftJoin(logged, 'logged.engagement_id', 'e.id')
    .select(
      'e.id', 'e.ref', 'c.name as company_name', 'c.city as company_city', 'c.departement', 'w.name as wave_name',
      'e.project_type', 'e.phase', 'e.status', 'e.allowance_days', 'logged.half_days_logged',
    )
    .orderBy('e.ref');
  const staffing: { engagement_id: string; name: string }[] = await db('engagement_consultants as ec')
    .join('consultants as k', 'k.id', 'ec.consultant_id')
    .select('ec.engagement_id', 'k.name')
    .orderBy('k.name');
  const namesByEngagement = new Map<string, string[]>();
  for (const { engagement_id, name } of staffing) {
    const names = namesByEngagement.get(engagement_id);
    if (names) names.push(name);
    else namesByEngagement.set(engagement_id, [name]);
  }
  return rows.map((row) => ({
    id: row.id,
    ref: row.ref,
    companyName: row.company_name,
    companyCity: row.company_city,
    departement: row.departement,
    waveName: row.wave_name,
    projectType: row.project_type,
    phase: row.phase,
    status: row.status,
    consultantNames: namesByEngagement.get(row.id) ?? [],
    allowanceDays: row.allowance_days,
    halfDaysLogged: Number(row.half_days_logged ?? 0),
  }));
}

export async function getEngagement(db: Database, id: string): Promise<EngagementDetail> {
  const record: EngagementRecord | undefined = await db('engagements').where({ id }).first();
  if (!record) throw new CarnetError('not_found', 'error.not_found.engagement', { id }, { field: 'id' });
  const engagement = engagementFromRow(record);
  const [programme, wave, company, consultants, days, deliverables, statusChanges, packages, reviews, ignored] = await Promise.all([
    db<ProgrammeRow>('programmes').where({ id: engagement.programmeId }).first(),
    db<WaveRow>('waves').where({ id: engagement.waveId }).first(),
    db<CompanyRow>('companies').where({ id: engagement.companyId }).first(),
    db('consultants as k')
      .join('engagement_consultants as ec', 'ec.consultant_id', 'k.id')
      .where('ec.engagement_id', id)
      .select<ConsultantRow[]>('k.*')
      .orderBy('k.name'),
    db<DayEntryRow>('day_entries').where({ engagement_id: id }).orderBy([{ column: 'date' }, { column: 'consultant_id' }]),
    db<DeliverableRow>('deliverables').where({ engagement_id: id }).orderBy('title'),
    db<StatusChangeRow>('status_changes').where({ engagement_id: id }).orderBy([{ column: 'at' }, { column: 'id' }]),
    db<PackageRow>('packages').where({ engagement_id: id }).orderBy('version'),
    reviewRecords(db, id),
    ignoredDecisions(db, id),
  ]);
  // Foreign keys guarantee these rows exist.
  const programmeValue = programmeFromRow(programme!);
  const dayEntries = days.map(dayEntryFromRow);
  const halfDaysLogged = dayEntries.reduce((sum, day) => sum + day.halfDays, 0);
  return {
    engagement,
    programme: programmeValue,
    wave: waveFromRow(wave!),
    company: companyFromRow(company!),
    consultants: consultants.map(consultantFromRow),
    days: dayEntries,
    deliverables: deliverables.map(deliverableFromRow),
    statusChanges: statusChanges.map(statusChangeFromRow),
    packages: packages.map(packageFromRow),
    reviews,
    ignoredDecisions: ignored,
    totals: costSplit(halfDaysLogged, engagement.dailyRateCents, programmeValue.publicShareBasisPoints),
  };
}
