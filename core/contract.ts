// The one API contract (ARCHITECTURE.md, "One contract, three transports"): every call the UI
// can make, declared once with its input schema and output type. services/ implements it;
// transports only move (method, input) and result | error.

import { z } from 'zod';
import type { ApiError } from './errors';
import type { SyncProblem, SyncReport } from './syncReport';
import {
  ROLES,
  type DecisionCheck,
  type OpenedDeliverable,
  type ReceivedDecision,
  type RegionProgrammeView,
  type ReviewFolder,
  type ReviewPackageView,
  type ReviewQueueRow,
  type Role,
  type WrittenDecision,
} from './review';
import { REVIEW_DECISIONS } from './reviewDecision';
import { EXPORTABLE_DOCUMENTS, MAX_DELIVERABLE_BYTES, type ExportableDocument } from './exchange';
import {
  ACTIVITIES,
  DELIVERABLE_KINDS,
  ENGAGEMENT_STATUSES,
  LOCATIONS,
  LOCALES,
  PHASES,
  PROJECT_TYPES,
  type Company,
  type Deliverable,
  type EngagementDetail,
  type EngagementRow,
  type Locale,
} from './domain';
import {
  COMPANY_IMPORT_FIELDS,
  type CompanyImportPreview,
  type CompanyImportResult,
  type CompanyListRow,
  type DayEntryChange,
  type DayGrid,
  type DaySetResult,
  type ConsultantView,
  type ProgrammeDashboard,
  type ProgrammeView,
  type SavedCompany,
} from './domainViews';

/** Declares a method: the output type is given, the input type is inferred from the schema. */
const method =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

const noInput = z.object({}).strict();
const id = z.string().min(1).max(64);
// A real calendar date `YYYY-MM-DD` (2022-02-30 is refused at the door).
const isoDate = z.iso.date();
const cents = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

// Saving a whole record (programme, company, consultant) creates it, or changes the one `id` names.
// A form sends the record as edited and, when changing one, `base`: the values it started from, in
// the same shape. The service then writes only the fields that differ from `base` (compared as they
// would be stored) and keeps every other field as it is now, since sync may have brought another
// device's change to it after the form was opened: a form sending back the value it loaded would
// otherwise overwrite that change with a newer clock, and it would be lost on every device. The
// record that results is checked whole, as a record sent without `base` (replaced whole) is.
// `engagements.update` takes only the fields to change instead, as it always has.
const baseOnlyWithId = (input: { id?: string | undefined; base?: unknown }) => input.base === undefined || input.id !== undefined;
const baseNeedsId = { path: ['base'] };

const waveFields = { name: z.string().min(1).max(80), deadlineOn: isoDate.nullable() };
const programmeFields = {
  name: z.string().max(200),
  funders: z.array(z.string().min(1).max(120)).min(1).max(10),
  publicShareBasisPoints: z.number().int(),
  minDays: z.number().int().positive().max(365),
  maxDays: z.number().int().positive().max(365),
  envelopeCents: cents,
  minHeadcount: z.number().int().nonnegative(),
  maxHeadcount: z.number().int().positive(),
  departements: z.array(z.string().regex(/^(\d{2,3}|2A|2B)$/)).max(120),
  opensOn: isoDate,
  closesOn: isoDate,
};
// Waves are rows of their own: a wave with an id is changed (only where it differs from its `base`
// twin), one without is added after the programme's last; a wave left out stays as it is.
const programmeInput = z.object({
  id: id.optional(),
  ...programmeFields,
  waves: z.array(z.object({ id: id.optional(), ...waveFields }).strict()).max(50),
  base: z.object({ ...programmeFields, waves: z.array(z.object({ id, ...waveFields }).strict()).max(50) }).strict().optional(),
}).strict().refine(baseOnlyWithId, baseNeedsId);

const companyFields = {
  siret: z.string().max(40),
  name: z.string().max(200),
  nafCode: z.string().max(10),
  sector: z.string().max(120),
  headcount: z.number().int(),
  postalCode: z.string().max(10),
  city: z.string().max(120),
  departement: z.string().max(3).optional(),
};
const companyInput = z.object({
  id: id.optional(),
  ...companyFields,
  /** The programme whose rules the company is checked against (not stored with it). */
  programmeId: id.optional(),
  base: z.object(companyFields).strict().optional(),
}).strict().refine(baseOnlyWithId, baseNeedsId);

const consultantFields = {
  name: z.string().max(120),
  email: z.string().max(200),
  dailyRateCents: z.number().int(),
};
const consultantInput = z.object({ id: id.optional(), ...consultantFields, base: z.object(consultantFields).strict().optional() }).strict().refine(baseOnlyWithId, baseNeedsId);

const importMapping = z.object(Object.fromEntries(COMPANY_IMPORT_FIELDS.map((field) => [field, z.string().max(200).nullable()])) as Record<(typeof COMPANY_IMPORT_FIELDS)[number], z.ZodNullable<z.ZodString>>).partial().strict();
// A 2 000-row file is ~250 kB; 8 MiB of base64 leaves ample room while bounding memory.
const importInput = z.object({
  fileName: z.string().max(260),
  contentBase64: z.string().max(8 * 1024 * 1024),
  mapping: importMapping.optional(),
  programmeId: id.optional(),
}).strict();

const engagementFields = {
  waveId: id,
  projectType: z.enum(PROJECT_TYPES),
  phase: z.enum(PHASES),
  allowanceDays: z.number().int(),
  dailyRateCents: z.number().int(),
  consultantIds: z.array(id).max(20),
};

export interface AppInfo {
  version: string;
  locale: Locale;
  dataDir: string | null;
  counts: { companies: number; consultants: number; engagements: number; dayEntries: number };
  /** Whether a folder can be chosen with the system's picker (the desktop app) or only typed. */
  canChooseFolder: boolean;
}

/** Device-local settings (never synced). */
export interface Settings {
  locale: Locale;
  /** The firm's shared folder (closing packages, sync): an absolute path, or null until chosen. */
  sharedFolder: string | null;
  /** The consulting firm's name, printed on the closing documents. */
  firmName: string;
  /**
   * This device's sync identity (16 hex digits), kept outside the database so that a database
   * restored from a backup or copied to another computer is noticed. Set by sync, never by a screen.
   */
  deviceId: string | null;
  /** Who uses this installation; null until chosen at first launch. */
  role: Role | null;
  /**
   * The firm's folder shared with the Région (packages go there, decisions come back there);
   * null means the shared folder itself.
   */
  exchangeFolder: string | null;
  /** The Région's side: the firms' exchange folders it watches. */
  reviewFolders: ReviewFolder[];
  /** The Région's side: the name written as `reviewer` in decisions. */
  reviewerName: string;
}

export interface DemoSummary {
  companies: number;
  consultants: number;
  engagements: number;
  dayEntries: number;
  deliverables: number;
}

export { EXPORTABLE_DOCUMENTS, MAX_DELIVERABLE_BYTES, type ExportableDocument };
export type { SyncProblem, SyncReport };

export interface ExportedDocument {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** One point of the « Clôturer la mission » checklist. */
export interface ClosingCheck {
  key: 'status' | 'days' | 'deliverables' | 'rules' | 'sharedFolder' | 'firmName';
  ok: boolean;
  /** A warning does not prevent closing (e.g. no deliverable attached). */
  severity: 'error' | 'warning';
  message: string;
}

export interface ClosingChecklist {
  engagementId: string;
  ref: string;
  ready: boolean;
  checks: ClosingCheck[];
  /** The version the next package will have, and the folder it will be written to (if known). */
  nextVersion: number;
  folder: string | null;
}

export interface ClosingResult {
  packageId: string;
  version: number;
  folder: string;
  files: number;
  bytes: number;
  manifestSha256: string;
}

/** A closing in progress or done, as `closing.progress` reports it. */
export interface ClosingJob {
  jobId: string;
  engagementId: string;
  state: 'running' | 'done' | 'failed';
  /** What is being done, in the user's language (« Rapport PDF », « Copie des livrables »…). */
  step: string;
  stepsDone: number;
  stepsTotal: number;
  result?: ClosingResult;
  error?: ApiError;
}

/** Where sync stands on this device, for the status line and the problems list. */
export interface SyncStatus {
  sharedFolder: string | null;
  deviceId: string | null;
  running: boolean;
  /** A long import in progress: which device (its id, and as people know it: « portable-marie (3f2a9c) »), which segment of how many, operations so far. */
  progress: { deviceId: string; device: string; segment: number; lastSegment: number; ops: number } | null;
  lastReport: SyncReport | null;
  /** Local changes not yet written into the shared folder. */
  waitingOps: number;
  unresolvedConflicts: number;
  /** The problems of the last sync, in the reader's language. */
  problems: SyncProblem[];
  /** When a decision file of the Région was last read here (null when none ever was). */
  decisionsReadAt: string | null;
}

/** One side of a conflict: a value, when and on which device it was written. */
export interface SyncConflictSide {
  value: string | number | null;
  /** The value as a person reads it (« 1 jour », « Sur site », « (vide) »). */
  shown: string;
  at: string;
  deviceId: string;
}

/** A field two devices changed concurrently: the value kept, and the one that lost. */
export interface SyncConflictView {
  id: number;
  table: string;
  rowId: string;
  column: string;
  /** What the row is (« Journée du 3 juin 2022, Claire Martin, RD-2022-014 »). */
  what: string;
  /** The field (« Résumé »). */
  field: string;
  winner: SyncConflictSide;
  loser: SyncConflictSide;
  detectedAt: string;
}

/** Canonical JSON of the shared data: tables by name, rows sorted by id, keys sorted. */
export type { Company };

export type { DecisionCheck, OpenedDeliverable, ReceivedDecision, RegionProgrammeView, ReviewFolder, ReviewPackageView, ReviewQueueRow, Role, WrittenDecision };

export type DataDump = Record<string, Record<string, unknown>[]>;

export const contract = {
  'app.info': method<AppInfo>()(noInput),
  'settings.get': method<Settings>()(noInput),
  'settings.update': method<Settings>()(z.object({
    locale: z.enum(LOCALES),
    sharedFolder: z.string().trim().min(1).max(1000).nullable(),
    firmName: z.string().trim().max(200),
    role: z.enum(ROLES),
    exchangeFolder: z.string().trim().min(1).max(1000).nullable(),
    reviewFolders: z.array(z.object({ path: z.string().trim().min(1).max(1000), firm: z.string().trim().min(1).max(200) }).strict()).max(50),
    reviewerName: z.string().trim().max(200),
  }).partial().strict()),
  /** The system's folder picker, for any folder setting (`available` is false in the browser host). */
  'app.chooseFolder': method<{ available: boolean; path: string | null }>()(z.object({ title: z.string().max(200) }).strict()),
  /**
   * The system's folder picker for the shared folder (desktop app only: `available` is false in
   * the browser host, where the path is typed). A chosen folder is checked and saved.
   */
  'settings.chooseSharedFolder': method<{ available: boolean; chosen: boolean; settings: Settings }>()(noInput),
  'demo.load': method<DemoSummary>()(z.object({ force: z.boolean().optional() }).strict()),
  'engagements.list': method<EngagementRow[]>()(noInput),
  'engagements.get': method<EngagementDetail>()(z.object({ id }).strict()),
  'data.dump': method<DataDump>()(noInput),

  'programmes.list': method<ProgrammeView[]>()(noInput),
  'programmes.save': method<ProgrammeView>()(programmeInput),
  'programmes.dashboard': method<ProgrammeDashboard>()(z.object({ programmeId: id }).strict()),

  'companies.list': method<CompanyListRow[]>()(z.object({ query: z.string().max(200).optional() }).strict()),
  'companies.save': method<SavedCompany>()(companyInput),
  'companies.importPreview': method<CompanyImportPreview>()(importInput),
  'companies.importCommit': method<CompanyImportResult>()(importInput),

  'consultants.list': method<ConsultantView[]>()(noInput),
  'consultants.save': method<ConsultantView>()(consultantInput),

  'engagements.create': method<EngagementDetail>()(z.object({ companyId: id, programmeId: id, ...engagementFields }).strict()),
  // `consultantIdsBase`: the staffing the form started from. With it, only the consultants the user
  // added or removed change; one another device added meanwhile stays.
  'engagements.update': method<EngagementDetail>()(z.object({ id, ...engagementFields, consultantIdsBase: z.array(id).max(20) }).partial({ waveId: true, projectType: true, phase: true, allowanceDays: true, dailyRateCents: true, consultantIds: true, consultantIdsBase: true }).strict()),
  'engagements.transition': method<EngagementDetail>()(z.object({ id, to: z.enum(ENGAGEMENT_STATUSES) }).strict()),

  'days.grid': method<DayGrid>()(z.object({ consultantId: id, from: isoDate, to: isoDate }).strict()),
  'days.set': method<DaySetResult>()(z.object({
    engagementId: id,
    consultantId: id,
    date: isoDate,
    halfDays: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    activity: z.enum(ACTIVITIES).optional(),
    location: z.enum(LOCATIONS).optional(),
    summary: z.string().max(4000).optional(),
  }).strict()),
  'days.audit': method<DayEntryChange[]>()(z.object({ engagementId: id }).strict()),

  'deliverables.attach': method<Deliverable>()(z.object({
    engagementId: id,
    kind: z.enum(DELIVERABLE_KINDS),
    title: z.string().trim().min(1).max(300),
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.base64().max(Math.ceil(MAX_DELIVERABLE_BYTES / 3) * 4),
  }).strict()),
  'deliverables.remove': method<{ removed: true }>()(z.object({ id }).strict()),

  'closing.checklist': method<ClosingChecklist>()(z.object({ engagementId: id }).strict()),
  'closing.preview': method<{ html: string }>()(z.object({ engagementId: id }).strict()),
  'closing.start': method<ClosingJob>()(z.object({ engagementId: id }).strict()),
  'closing.progress': method<ClosingJob>()(z.object({ jobId: id }).strict()),
  'packages.reveal': method<{ revealed: boolean; folder: string }>()(z.object({ packageId: id }).strict()),
  'documents.export': method<ExportedDocument>()(z.object({ engagementId: id, document: z.enum(EXPORTABLE_DOCUMENTS) }).strict()),

  'sync.status': method<SyncStatus>()(noInput),
  /** Runs a sync now (or joins the one running) and reports it. */
  'sync.run': method<SyncReport>()(noInput),
  /** The unresolved conflicts, newest first. */
  'sync.conflicts': method<SyncConflictView[]>()(noInput),
  /** Keeps the value that won, or restores the one that lost (a new change, synced like any). */
  'sync.resolveConflict': method<SyncConflictView[]>()(z.object({ id: z.number().int().positive(), keep: z.enum(['winner', 'loser']) }).strict()),

  // The Région's side (role « Région »).
  /** Every package in the watched exchange folders and those opened by hand, verified. */
  'review.queue': method<ReviewQueueRow[]>()(noInput),
  /** One package for review; opening a new one marks it « en cours d'examen ». */
  'review.package': method<ReviewPackageView>()(z.object({ key: id }).strict()),
  /** Adds a package folder or a `.zip` of one to the queue by hand. */
  'review.openPackage': method<ReviewQueueRow>()(z.object({ path: z.string().trim().min(1).max(1000) }).strict()),
  /** Writes the decision file, once per version (never edited). */
  'review.decide': method<WrittenDecision>()(z.object({
    key: id,
    decision: z.enum(REVIEW_DECISIONS),
    comments: z.array(z.object({ about: z.string().min(1).max(260), text: z.string().trim().min(1).max(5000) }).strict()).max(500),
  }).strict()),
  /** Opens a deliverable with the system's application (desktop), or hands its bytes over. */
  'review.openDeliverable': method<OpenedDeliverable>()(z.object({ key: id, path: z.string().min(1).max(500) }).strict()),
  'review.programme': method<RegionProgrammeView>()(noInput),
  'review.exportProgramme': method<ExportedDocument>()(z.object({ format: z.enum(['xlsx', 'csv']) }).strict()),

  // The firm's side: decisions coming back.
  /** Reads the decisions in the exchange folder for the packages submitted, applies the valid ones. */
  'reviews.check': method<DecisionCheck>()(noInput),
  /** Decisions read and ignored (another manifest, invalid file), newest first. */
  'reviews.ignored': method<ReceivedDecision[]>()(noInput),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M]['output'];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What every transport's client implements; the renderer only ever sees this. */
export interface CarnetApi {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

/** Handlers implementing the contract, one per method, typed from it. */
export type Handlers<Context> = {
  [M in MethodName]: (input: ParsedInputOf<M>, context: Context) => Promise<OutputOf<M>> | OutputOf<M>;
};
