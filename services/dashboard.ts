import type { EngagementStatus, Phase, ProjectType } from '../core/domain';
import type { BreakdownRow, BurnRow, ProgrammeDashboard } from '../core/domainViews';
import { maxPublicShareCents } from '../core/envelope';
import { isReserving } from '../core/lifecycle';
import type { Database } from '../db/connection';
import { getProgramme, programmeView } from './programmes';

interface DashboardRecord {
  id: string;
  ref: string;
  status: EngagementStatus;
  project_type: ProjectType;
  phase: Phase;
  allowance_days: number;
  daily_rate_cents: number;
  wave_name: string;
  wave_ordinal: number;
  company_name: string;
  sector: string;
  departement: string;
  half_days_logged: number | null;
}

function breakdown<K extends string>(records: DashboardRecord[], keyOf: (record: DashboardRecord) => K, shareBasisPoints: number): (BreakdownRow & { key: K })[] {
  const rows = new Map<K, BreakdownRow & { key: K }>();
  for (const record of records) {
    const key = keyOf(record);
    const row = rows.get(key) ?? { key, engagements: 0, committedCents: 0, halfDaysLogged: 0 };
    row.engagements += 1;
    row.halfDaysLogged += Number(record.half_days_logged ?? 0);
    if (isReserving(record.status)) {
      row.committedCents += maxPublicShareCents({ allowanceDays: record.allowance_days, dailyRateCents: record.daily_rate_cents }, shareBasisPoints);
    }
    rows.set(key, row);
  }
  return [...rows.values()];
}

const byCountThenKey = (a: BreakdownRow, b: BreakdownRow) => b.engagements - a.engagements || a.key.localeCompare(b.key, 'fr');

/** The programme at a glance: envelope, engagements by dimension, allowances burning down. */
export async function programmeDashboard(db: Database, programmeId: string): Promise<ProgrammeDashboard> {
  const programme = await getProgramme(db, programmeId);
  const logged = db('day_entries').select('engagement_id').sum({ half_days_logged: 'half_days' }).groupBy('engagement_id').as('logged');
  const records: DashboardRecord[] = await db('engagements as e')
    .join('companies as c', 'c.id', 'e.company_id')
    .join('waves as w', 'w.id', 'e.wave_id')
    .leftJoin(logged, 'logged.engagement_id', 'e.id')
    .where('e.programme_id', programmeId)
    .select('e.id', 'e.ref', 'e.status', 'e.project_type', 'e.phase', 'e.allowance_days', 'e.daily_rate_cents',
      'w.name as wave_name', 'w.ordinal as wave_ordinal', 'c.name as company_name', 'c.sector', 'c.departement', 'logged.half_days_logged');
  const share = programme.publicShareBasisPoints;
  const waveOrder = new Map(records.map((record) => [record.wave_name, record.wave_ordinal]));

  const burn: BurnRow[] = records
    .filter((record) => isReserving(record.status))
    .map((record) => {
      const halfDaysLogged = Number(record.half_days_logged ?? 0);
      return {
        id: record.id,
        ref: record.ref,
        companyName: record.company_name,
        status: record.status,
        allowanceDays: record.allowance_days,
        halfDaysLogged,
        usedRatio: halfDaysLogged / (2 * record.allowance_days),
      };
    })
    .sort((a, b) => b.usedRatio - a.usedRatio || a.ref.localeCompare(b.ref));

  return {
    programme: await programmeView(db, programme),
    byWave: breakdown(records, (r) => r.wave_name, share).sort((a, b) => (waveOrder.get(a.key) ?? 0) - (waveOrder.get(b.key) ?? 0)),
    byProjectType: breakdown(records, (r) => r.project_type, share).sort(byCountThenKey),
    byPhase: breakdown(records, (r) => r.phase, share).sort(byCountThenKey),
    bySector: breakdown(records, (r) => r.sector, share).sort(byCountThenKey),
    byDepartement: breakdown(records, (r) => r.departement, share).sort((a, b) => a.key.localeCompare(b.key)),
    byStatus: breakdown(records, (r) => r.status, share).sort(byCountThenKey),
    burn,
  };
}
