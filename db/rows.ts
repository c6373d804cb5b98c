// Mapping between domain objects (camelCase) and table rows (snake_case).
import type {
  Company,
  Consultant,
  DayEntry,
  Deliverable,
  Engagement,
  Programme,
  StatusChange,
  Wave,
  PackageRecord,
} from '../core/domain';

export interface ProgrammeRow {
  id: string;
  name: string;
  funders_json: string;
  public_share_bp: number;
  min_days: number;
  max_days: number;
  envelope_cents: number;
  min_headcount: number;
  max_headcount: number;
  departements_json: string;
  opens_on: string;
  closes_on: string;
}

export function programmeToRow(programme: Programme): ProgrammeRow {
  return {
    id: programme.id,
    name: programme.name,
    funders_json: JSON.stringify(programme.funders),
    public_share_bp: programme.publicShareBasisPoints,
    min_days: programme.minDays,
    max_days: programme.maxDays,
    envelope_cents: programme.envelopeCents,
    min_headcount: programme.minHeadcount,
    max_headcount: programme.maxHeadcount,
    departements_json: JSON.stringify(programme.departements),
    opens_on: programme.opensOn,
    closes_on: programme.closesOn,
  };
}

export function programmeFromRow(row: ProgrammeRow): Programme {
  return {
    id: row.id,
    name: row.name,
    funders: JSON.parse(row.funders_json) as string[],
    publicShareBasisPoints: row.public_share_bp,
    minDays: row.min_days,
    maxDays: row.max_days,
    envelopeCents: Number(row.envelope_cents),
    minHeadcount: row.min_headcount,
    maxHeadcount: row.max_headcount,
    departements: JSON.parse(row.departements_json) as string[],
    opensOn: row.opens_on,
    closesOn: row.closes_on,
  };
}

export interface WaveRow {
  id: string;
  programme_id: string;
  name: string;
  deadline_on: string | null;
  ordinal: number;
}

export const waveToRow = (wave: Wave): WaveRow => ({
  id: wave.id,
  programme_id: wave.programmeId,
  name: wave.name,
  deadline_on: wave.deadlineOn,
  ordinal: wave.ordinal,
});

export const waveFromRow = (row: WaveRow): Wave => ({
  id: row.id,
  programmeId: row.programme_id,
  name: row.name,
  deadlineOn: row.deadline_on,
  ordinal: row.ordinal,
});

export interface CompanyRow {
  id: string;
  siret: string;
  name: string;
  naf_code: string;
  sector: string;
  headcount: number;
  postal_code: string;
  city: string;
  departement: string;
}

export const companyToRow = (company: Company): CompanyRow => ({
  id: company.id,
  siret: company.siret,
  name: company.name,
  naf_code: company.nafCode,
  sector: company.sector,
  headcount: company.headcount,
  postal_code: company.postalCode,
  city: company.city,
  departement: company.departement,
});

export const companyFromRow = (row: CompanyRow): Company => ({
  id: row.id,
  siret: row.siret,
  name: row.name,
  nafCode: row.naf_code,
  sector: row.sector,
  headcount: row.headcount,
  postalCode: row.postal_code,
  city: row.city,
  departement: row.departement,
});

export interface ConsultantRow {
  id: string;
  name: string;
  email: string;
  daily_rate_cents: number;
}

export const consultantToRow = (consultant: Consultant): ConsultantRow => ({
  id: consultant.id,
  name: consultant.name,
  email: consultant.email,
  daily_rate_cents: consultant.dailyRateCents,
});

export const consultantFromRow = (row: ConsultantRow): Consultant => ({
  id: row.id,
  name: row.name,
  email: row.email,
  dailyRateCents: row.daily_rate_cents,
});

export interface EngagementRecord {
  id: string;
  ref: string;
  programme_id: string;
  wave_id: string;
  company_id: string;
  project_type: Engagement['projectType'];
  phase: Engagement['phase'];
  allowance_days: number;
  daily_rate_cents: number;
  status: Engagement['status'];
  started_on: string | null;
  completed_on: string | null;
}

export const engagementToRow = (engagement: Engagement): EngagementRecord => ({
  id: engagement.id,
  ref: engagement.ref,
  programme_id: engagement.programmeId,
  wave_id: engagement.waveId,
  company_id: engagement.companyId,
  project_type: engagement.projectType,
  phase: engagement.phase,
  allowance_days: engagement.allowanceDays,
  daily_rate_cents: engagement.dailyRateCents,
  status: engagement.status,
  started_on: engagement.startedOn,
  completed_on: engagement.completedOn,
});

export const engagementFromRow = (row: EngagementRecord): Engagement => ({
  id: row.id,
  ref: row.ref,
  programmeId: row.programme_id,
  waveId: row.wave_id,
  companyId: row.company_id,
  projectType: row.project_type,
  phase: row.phase,
  allowanceDays: row.allowance_days,
  dailyRateCents: row.daily_rate_cents,
  status: row.status,
  startedOn: row.started_on,
  completedOn: row.completed_on,
});

export interface DayEntryRow {
  id: string;
  engagement_id: string;
  consultant_id: string;
  date: string;
  half_days: 1 | 2;
  activity: DayEntry['activity'];
  location: DayEntry['location'];
  summary: string;
}

export const dayEntryToRow = (entry: DayEntry): DayEntryRow => ({
  id: entry.id,
  engagement_id: entry.engagementId,
  consultant_id: entry.consultantId,
  date: entry.date,
  half_days: entry.halfDays,
  activity: entry.activity,
  location: entry.location,
  summary: entry.summary,
});

export const dayEntryFromRow = (row: DayEntryRow): DayEntry => ({
  id: row.id,
  engagementId: row.engagement_id,
  consultantId: row.consultant_id,
  date: row.date,
  halfDays: row.half_days,
  activity: row.activity,
  location: row.location,
  summary: row.summary,
});

export interface DeliverableRow {
  id: string;
  engagement_id: string;
  kind: Deliverable['kind'];
  title: string;
  file_name: string;
  bytes: number;
  sha256: string;
}

export const deliverableToRow = (deliverable: Deliverable): DeliverableRow => ({
  id: deliverable.id,
  engagement_id: deliverable.engagementId,
  kind: deliverable.kind,
  title: deliverable.title,
  file_name: deliverable.fileName,
  bytes: deliverable.bytes,
  sha256: deliverable.sha256,
});

export const deliverableFromRow = (row: DeliverableRow): Deliverable => ({
  id: row.id,
  engagementId: row.engagement_id,
  kind: row.kind,
  title: row.title,
  fileName: row.file_name,
  bytes: row.bytes,
  sha256: row.sha256,
});

export interface PackageRow {
  id: string;
  engagement_id: string;
  version: number;
  created_at: string;
  created_by: string;
  manifest_sha256: string;
  folder: string;
  half_days_logged: number;
  amount_cents: number;
}

export const packageFromRow = (row: PackageRow): PackageRecord => ({
  id: row.id,
  engagementId: row.engagement_id,
  version: row.version,
  createdAt: row.created_at,
  createdBy: row.created_by,
  manifestSha256: row.manifest_sha256,
  folder: row.folder,
  halfDaysLogged: row.half_days_logged,
  amountCents: row.amount_cents,
});

export interface StatusChangeRow {
  id: string;
  engagement_id: string;
  from_status: StatusChange['fromStatus'];
  to_status: StatusChange['toStatus'];
  at: string;
  by: string;
}

export const statusChangeToRow = (change: StatusChange): StatusChangeRow => ({
  id: change.id,
  engagement_id: change.engagementId,
  from_status: change.fromStatus,
  to_status: change.toStatus,
  at: change.at,
  by: change.by,
});

export const statusChangeFromRow = (row: StatusChangeRow): StatusChange => ({
  id: row.id,
  engagementId: row.engagement_id,
  fromStatus: row.from_status,
  toStatus: row.to_status,
  at: row.at,
  by: row.by,
});

/** The tables that hold shared data (synced, dumped), parents before children. */
export const SHARED_TABLES = [
  'programmes',
  'waves',
  'companies',
  'consultants',
  'engagements',
  'engagement_consultants',
  'day_entries',
  'deliverables',
  'status_changes',
  'day_entry_changes',
  'packages',
  'review_decisions',
] as const;
export type SharedTable = (typeof SHARED_TABLES)[number];
