// Shapes the contract returns for the programme, companies, consultants and dashboard screens.
import type { Company, Consultant, DayEntry, EngagementStatus, Phase, Programme, ProjectType, Wave } from './domain';
import type { Finding } from './rules';

export interface ProgrammeView extends Programme {
  waves: Wave[];
  envelope: EnvelopeFigures;
  engagementCount: number;
}

/** Public money against the envelope, in cents (PRODUCT.md, "Engagement"; issue 3 dashboard). */
export interface EnvelopeFigures {
  envelopeCents: number;
  /** Maximum public share reserved by every committed-or-later engagement. */
  committedCents: number;
  /** Public share of the days logged so far. */
  consumedCents: number;
  /** Public share of the days of approved or closed engagements. */
  approvedCents: number;
  /** Envelope minus committed. */
  remainingCents: number;
}

export interface CompanyListRow extends Company {
  engagementCount: number;
}

export interface SavedCompany {
  company: Company;
  /** Warnings the save went through with (e.g. a département outside the programme's region). */
  warnings: Finding[];
}

export type ConsultantView = Consultant;

export interface BreakdownRow {
  key: string;
  engagements: number;
  committedCents: number;
  halfDaysLogged: number;
}

export interface BurnRow {
  id: string;
  ref: string;
  companyName: string;
  status: EngagementStatus;
  allowanceDays: number;
  halfDaysLogged: number;
  /** halfDaysLogged / (2 × allowanceDays), 0..1. */
  usedRatio: number;
}

export interface ProgrammeDashboard {
  programme: ProgrammeView;
  byWave: BreakdownRow[];
  byProjectType: (BreakdownRow & { key: ProjectType })[];
  byPhase: (BreakdownRow & { key: Phase })[];
  bySector: BreakdownRow[];
  byDepartement: BreakdownRow[];
  byStatus: (BreakdownRow & { key: EngagementStatus })[];
  /** Committed-or-later engagements, the most used first: at or past 80 % is at risk. */
  burn: BurnRow[];
}

export const COMPANY_IMPORT_FIELDS = ['siret', 'name', 'nafCode', 'sector', 'headcount', 'postalCode', 'city', 'departement'] as const;
export type CompanyImportField = (typeof COMPANY_IMPORT_FIELDS)[number];
export type CompanyImportMapping = Record<CompanyImportField, string | null>;

export interface CompanyImportRow {
  /** Line number in the file (the header is line 1). */
  line: number;
  values: Record<CompanyImportField, string>;
  findings: Finding[];
  status: 'valid' | 'warning' | 'rejected';
}

export interface CompanyImportPreview {
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  separator: ';' | ',';
  headers: string[];
  mapping: CompanyImportMapping;
  rows: CompanyImportRow[];
  counts: { total: number; valid: number; withWarnings: number; rejected: number };
}

export interface CompanyImportResult {
  imported: number;
  rejected: number;
  /** The rejected rows as CSV (French Excel: `;`, BOM, CRLF) with a column of reasons; null when none. */
  rejectsCsv: string | null;
}

/** One row of the day grid: an engagement the consultant works on, with its allowance meter. */
export interface DayGridRow {
  engagementId: string;
  ref: string;
  companyName: string;
  status: EngagementStatus;
  allowanceDays: number;
  /** All consultants, all dates. */
  halfDaysLogged: number;
  startedOn: string | null;
  locked: boolean;
  /** The programme's window: days outside it are refused. */
  opensOn: string;
  closesOn: string;
}

export interface DayGrid {
  consultant: Consultant;
  from: string;
  to: string;
  rows: DayGridRow[];
  /** The consultant's entries between from and to, on any engagement. */
  entries: DayEntry[];
}

export interface DaySetResult {
  entry: DayEntry | null;
  /** Weekend or public holiday: allowed, flagged. */
  warnings: Finding[];
  halfDaysLogged: number;
  allowanceDays: number;
  status: EngagementStatus;
}

export interface DayEntryChange {
  id: string;
  engagementId: string;
  consultantId: string;
  consultantName: string;
  date: string;
  before: Pick<DayEntry, 'halfDays' | 'activity' | 'location' | 'summary'> | null;
  after: Pick<DayEntry, 'halfDays' | 'activity' | 'location' | 'summary'> | null;
  at: string;
  by: string;
  device: string;
}
