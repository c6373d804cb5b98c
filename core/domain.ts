// Domain vocabulary shared by every layer. Values are the machine names written in files
// (see spec/closing-package.md); labels live in core/i18n.
import type { ReceivedDecision, ReviewRecord } from './review';

export const PROJECT_TYPES = [
  'relocalisation_production',
  'relocalisation_approvisionnement',
  'diversification',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const PHASES = ['etude', 'lancement', 'developpement'] as const;
export type Phase = (typeof PHASES)[number];

/** Lifecycle of an engagement, in its natural order (PRODUCT.md). */
export const ENGAGEMENT_STATUSES = [
  'draft',
  'committed',
  'in_progress',
  'completed',
  'submitted',
  'changes_requested',
  'approved',
  'closed',
] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

/** Days of an engagement in these states can no longer change (PRODUCT.md, day log). */
export const LOCKED_STATUSES: readonly EngagementStatus[] = ['submitted', 'approved', 'closed'];

export const ACTIVITIES = [
  'diagnostic',
  'entretiens',
  'atelier',
  'analyse',
  'redaction_livrable',
  'restitution',
  'autre',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const LOCATIONS = ['on_site', 'remote'] as const;
export type Location = (typeof LOCATIONS)[number];

export const DELIVERABLE_KINDS = ['diagnostic', 'plan_action', 'rapport_final', 'autre'] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A date as stored and exchanged: `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Programme {
  id: string;
  name: string;
  funders: string[];
  publicShareBasisPoints: number;
  minDays: number;
  maxDays: number;
  envelopeCents: number;
  minHeadcount: number;
  maxHeadcount: number;
  departements: string[];
  opensOn: IsoDate;
  closesOn: IsoDate;
}

export interface Wave {
  id: string;
  programmeId: string;
  name: string;
  deadlineOn: IsoDate | null;
  ordinal: number;
}

export interface Company {
  id: string;
  siret: string;
  name: string;
  nafCode: string;
  sector: string;
  headcount: number;
  postalCode: string;
  city: string;
  departement: string;
}

export interface Consultant {
  id: string;
  name: string;
  email: string;
  dailyRateCents: number;
}

export interface DayEntry {
  id: string;
  engagementId: string;
  consultantId: string;
  date: IsoDate;
  halfDays: 1 | 2;
  activity: Activity;
  location: Location;
  summary: string;
}

export interface Deliverable {
  id: string;
  engagementId: string;
  kind: DeliverableKind;
  title: string;
  fileName: string;
  bytes: number;
  sha256: string;
}

/** A closing package written for an engagement (spec/closing-package.md): one per version. */
export interface PackageRecord {
  id: string;
  engagementId: string;
  version: number;
  /** ISO-8601 UTC instant: the manifest's `createdAt`. */
  createdAt: string;
  createdBy: string;
  /** SHA-256 of the package's manifest.json, which a review decision names. */
  manifestSha256: string;
  /** Where it was written (absolute path on the device that wrote it). */
  folder: string;
  halfDaysLogged: number;
  amountCents: number;
}

export interface Engagement {
  id: string;
  ref: string;
  programmeId: string;
  waveId: string;
  companyId: string;
  projectType: ProjectType;
  phase: Phase;
  allowanceDays: number;
  dailyRateCents: number;
  status: EngagementStatus;
  startedOn: IsoDate | null;
  completedOn: IsoDate | null;
}

/** One row of the engagements table: what the list screen shows, computed in one query. */
export interface EngagementRow {
  id: string;
  ref: string;
  companyName: string;
  companyCity: string;
  departement: string;
  waveName: string;
  projectType: ProjectType;
  phase: Phase;
  status: EngagementStatus;
  consultantNames: string[];
  allowanceDays: number;
  halfDaysLogged: number;
}

export interface StatusChange {
  id: string;
  engagementId: string;
  fromStatus: EngagementStatus | null;
  toStatus: EngagementStatus;
  /** ISO-8601 UTC instant. */
  at: string;
  by: string;
}

export interface EngagementDetail {
  engagement: Engagement;
  programme: Programme;
  wave: Wave;
  company: Company;
  consultants: Consultant[];
  days: DayEntry[];
  deliverables: Deliverable[];
  statusChanges: StatusChange[];
  packages: PackageRecord[];
  /** The Région's decisions on this engagement's packages, latest version first. */
  reviews: ReviewRecord[];
  /** Decision files read for this engagement and ignored (another manifest, unreadable). */
  ignoredDecisions: ReceivedDecision[];
  totals: {
    halfDaysLogged: number;
    amountCents: number;
    publicShareCents: number;
    companyShareCents: number;
  };
}
