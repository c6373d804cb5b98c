// What the review of closing packages shows (issue 7): the Région's queue, one package under
// review, the programme across firms, and, on the firm's side, the decisions that came back.
import type { EngagementFile, PackageDay, PackageDeliverable, PackageTotals } from './closingPackage';
import type { ProjectType } from './domain';
import type { ReviewDecision, ReviewDecisionKind } from './reviewDecision';

/** Who uses this installation: the consulting firm or the Région's reviewer. */
export const ROLES = ['firm', 'region'] as const;
export type Role = (typeof ROLES)[number];

/** A firm's exchange folder, as the Région watches it. */
export interface ReviewFolder {
  path: string;
  /** The firm's name, shown in the queue (a package does not carry it). */
  firm: string;
}

/** Where a package stands for the Région: found, opened, decided. */
export const REVIEW_STATUSES = ['new', 'in_review', 'approved', 'changes_requested'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What a verifier's finding is about, for the queue's marks. */
export const FINDING_CATEGORIES = ['integrity', 'arithmetic', 'rules'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export interface ReviewFinding {
  category: FindingCategory;
  file: string;
  field: string;
  message: string;
}

/** One package found in an exchange folder (or opened by hand), as the queue lists it. */
export interface ReviewQueueRow {
  /** Stable key of the package on this installation (used by every other review call). */
  key: string;
  firm: string;
  /** The exchange folder it was found in, or null for a package opened by hand. */
  exchangeFolder: string | null;
  folder: string;
  ref: string;
  version: number;
  companyName: string | null;
  siret: string | null;
  /** The manifest's `createdAt` (when the firm closed the mission). */
  submittedAt: string | null;
  status: ReviewStatus;
  decidedAt: string | null;
  findings: ReviewFinding[];
  /** Findings per category, for the queue's marks. */
  findingCounts: Record<FindingCategory, number>;
  halfDaysLogged: number | null;
  amountCents: number | null;
  publicShareCents: number | null;
  wave: string | null;
  projectType: ProjectType | null;
  departement: string | null;
  sector: string | null;
  /** A later version of the same engagement exists in the same folder. */
  superseded: boolean;
  /** SHA-256 of the package's manifest.json (what a decision names); null when it is missing. */
  manifestSha256: string | null;
}

/** A deliverable of the package: where it is, its stated hash, and whether the bytes match. */
export interface ReviewDeliverable extends PackageDeliverable {
  bytes: number | null;
  /** The file is present and its SHA-256 equals the stated one. */
  intact: boolean;
}

/** A day of the timesheet, with its consultant's name. */
export interface ReviewDay extends PackageDay {
  consultantName: string;
}

export interface DayChange {
  date: string;
  consultantId: string;
  consultantName: string;
  before: PackageDay | null;
  after: PackageDay | null;
  /** Fields that differ (halfDays, activity, location, summary) for a modified day. */
  fields: ('halfDays' | 'activity' | 'location' | 'summary')[];
}

/** What changed between the previous version and this one. */
export interface VersionDiff {
  previousVersion: number;
  previousKey: string;
  added: DayChange[];
  removed: DayChange[];
  modified: DayChange[];
  deliverablesAdded: PackageDeliverable[];
  deliverablesRemoved: PackageDeliverable[];
  /** Same path, other content. */
  deliverablesChanged: { before: PackageDeliverable; after: PackageDeliverable }[];
  totalsBefore: PackageTotals;
  totalsAfter: PackageTotals;
  /** The previous version's decision, if one was written (its comments, what was asked). */
  previousDecision: ReviewDecision | null;
}

/** The cost split as the package states it and as the app recomputes it from the days. */
export interface SplitComparison {
  stated: PackageTotals & { dailyRateCents: number; publicShareBasisPoints: number };
  recomputed: PackageTotals;
  matches: boolean;
}

export interface ReviewPackageView {
  row: ReviewQueueRow;
  /** engagement.json as read; null when it is missing or invalid (see the findings). */
  engagement: EngagementFile | null;
  days: ReviewDay[];
  deliverables: ReviewDeliverable[];
  /** report.html's text, to be shown in a sandboxed frame only; null when missing. */
  reportHtml: string | null;
  split: SplitComparison | null;
  diff: VersionDiff | null;
  /** The decision written for this version, if any: then no other can be. */
  decision: ReviewDecision | null;
  /** Where the decision is (or will be) written. */
  decisionPath: string;
}

export interface ReviewCommentInput {
  /** `package`, `days/<date>` or `deliverables/<path under deliverables/>`. */
  about: string;
  text: string;
}

export interface WrittenDecision {
  decision: ReviewDecision;
  path: string;
}

export type OpenedDeliverable =
  | { opened: true; path: string }
  /** In the browser host: the bytes, to be saved by the browser. */
  | { opened: false; fileName: string; mimeType: string; contentBase64: string };

/** One slice of the programme (a wave, a sector, a département, a project type, a firm). */
export interface ProgrammeSlice {
  key: string;
  label: string;
  missions: number;
  halfDays: number;
  approvedPublicCents: number;
  pendingPublicCents: number;
}

export interface ProgrammeMission {
  key: string;
  firm: string;
  ref: string;
  version: number;
  companyName: string;
  wave: string;
  sector: string;
  departement: string;
  projectType: ProjectType;
  status: ReviewStatus;
  halfDays: number;
  amountCents: number;
  publicShareCents: number;
}

/** The programme across every package of every firm (latest version of each engagement). */
export interface RegionProgrammeView {
  programmeName: string;
  envelopeCents: number;
  /** Public share of approved missions. */
  approvedPublicCents: number;
  /** Public share of every mission submitted (approved or not). */
  submittedPublicCents: number;
  /** Public share of missions waiting for a decision (new, in review, changes requested). */
  pendingPublicCents: number;
  missions: ProgrammeMission[];
  byWave: ProgrammeSlice[];
  bySector: ProgrammeSlice[];
  byDepartement: ProgrammeSlice[];
  byProjectType: ProgrammeSlice[];
  byFirm: ProgrammeSlice[];
}

/** A decision file the firm's app read for one of its packages. */
export interface ReceivedDecision {
  engagementId: string;
  ref: string;
  version: number;
  path: string;
  state: 'applied' | 'mismatch' | 'invalid';
  decision: ReviewDecisionKind | null;
  /** Why it was ignored, in the reader's language. */
  reason: string | null;
  readAt: string;
}

/** A decision recorded at the firm for one version of a package (synced to every device). */
export interface ReviewRecord {
  version: number;
  decision: ReviewDecisionKind;
  reviewer: string;
  decidedAt: string;
  comments: ReviewComment[];
}

/** A comment of the Région, with what it is about resolved on the firm's side. */
export interface ReviewComment {
  /** `package`, `days/<date>` or `deliverables/<path>` as in the decision file. */
  about: string;
  text: string;
  /** For `days/<date>`: the date. */
  date: string | null;
  /** For `deliverables/<path>`: the deliverable of the engagement with the same bytes, if any. */
  deliverableId: string | null;
}

export interface DecisionCheck {
  applied: ReceivedDecision[];
  ignored: ReceivedDecision[];
}
