// The closing package, format 1 (spec/closing-package.md): what the firm hands the Région for one
// completed engagement. The types and schemas of its JSON files, the pure construction of
// `engagement.json` from an engagement, and the spec's arithmetic and rules as checks that the
// verifier (services/closing/verify.ts) runs on any package, written by Carnet or not.
import { z } from 'zod';
import { dayFlags, type DayFlag } from './calendar';
import {
  ACTIVITIES,
  DELIVERABLE_KINDS,
  LOCATIONS,
  PHASES,
  PROJECT_TYPES,
  type Activity,
  type Deliverable,
  type DeliverableKind,
  type EngagementDetail,
  type IsoDate,
  type Location,
  type Phase,
  type ProjectType,
} from './domain';
import { costSplit } from './money';

export const PACKAGE_FORMAT = 'carnet.closing-package';
export const PACKAGE_FORMAT_VERSION = 1;

/** The files every package holds besides its deliverables, and the manifest written last. */
export const PACKAGE_FILES = {
  manifest: 'manifest.json',
  engagement: 'engagement.json',
  timesheetCsv: 'timesheet.csv',
  timesheetXlsx: 'timesheet.xlsx',
  reportPdf: 'report.pdf',
  reportHtml: 'report.html',
  attestationPdf: 'attestation.pdf',
} as const;
export type PackageDocument = Exclude<keyof typeof PACKAGE_FILES, 'manifest' | 'engagement'>;

export const DELIVERABLES_FOLDER = 'deliverables';

/** An engagement's reference as the spec allows it in a folder name: letters, digits and `-`. */
export const ENGAGEMENT_REF_PATTERN = /^[A-Za-z0-9-]+$/;

/** `v3` → 3; anything else → null. */
export function parseVersionFolder(name: string): number | null {
  const match = /^v([1-9]\d{0,5})$/.exec(name);
  return match ? Number(match[1]) : null;
}

// --- engagement.json ------------------------------------------------------------------------

const isoDate = z.iso.date();
const cents = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().nonnegative().max(100_000);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 en 64 caractères hexadécimaux minuscules attendu');
const text = (max: number) => z.string().max(max);

export const packageProgrammeSchema = z.strictObject({
  name: text(300),
  funders: z.array(text(300)).max(20),
  publicShareBasisPoints: z.number().int().min(0).max(10_000),
  minDays: count,
  maxDays: count,
  opensOn: isoDate,
  closesOn: isoDate,
});

export const packageCompanySchema = z.strictObject({
  siret: z.string().regex(/^\d{14}$/),
  name: text(300),
  nafCode: text(10),
  headcount: count,
  postalCode: text(10),
  city: text(200),
  departement: text(3),
});

export const packageConsultantSchema = z.strictObject({ id: text(64).min(1), name: text(200) });

export const packageEngagementSchema = z.strictObject({
  ref: z.string().regex(ENGAGEMENT_REF_PATTERN).max(64),
  wave: text(200),
  projectType: z.enum(PROJECT_TYPES),
  phase: z.enum(PHASES),
  allowanceDays: count,
  dailyRateCents: cents,
  startedOn: isoDate,
  completedOn: isoDate,
  consultants: z.array(packageConsultantSchema).min(1).max(50),
});

export const packageDaySchema = z.strictObject({
  date: isoDate,
  halfDays: z.union([z.literal(1), z.literal(2)]),
  consultantId: text(64).min(1),
  activity: z.enum(ACTIVITIES),
  location: z.enum(LOCATIONS),
  summary: text(5000),
  flags: z.array(z.enum(['weekend', 'public_holiday'])).max(2),
});

export const packageDeliverableSchema = z.strictObject({
  kind: z.enum(DELIVERABLE_KINDS),
  title: text(300),
  path: text(500),
  sha256,
});

export const packageTotalsSchema = z.strictObject({
  halfDaysLogged: count,
  amountCents: cents,
  publicShareCents: cents,
  companyShareCents: cents,
});

export const engagementFileSchema = z.strictObject({
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  programme: packageProgrammeSchema,
  company: packageCompanySchema,
  engagement: packageEngagementSchema,
  days: z.array(packageDaySchema).max(10_000),
  deliverables: z.array(packageDeliverableSchema).max(500),
  totals: packageTotalsSchema,
});

export interface PackageConsultant {
  id: string;
  name: string;
}

export interface PackageDay {
  date: IsoDate;
  halfDays: 1 | 2;
  consultantId: string;
  activity: Activity;
  location: Location;
  summary: string;
  flags: DayFlag[];
}

export interface PackageDeliverable {
  kind: DeliverableKind;
  title: string;
  path: string;
  sha256: string;
}

export interface PackageTotals {
  halfDaysLogged: number;
  amountCents: number;
  publicShareCents: number;
  companyShareCents: number;
}

/** `engagement.json`: all the facts of one package, machine-readable. */
export interface EngagementFile {
  formatVersion: 1;
  programme: {
    name: string;
    funders: string[];
    publicShareBasisPoints: number;
    minDays: number;
    maxDays: number;
    opensOn: IsoDate;
    closesOn: IsoDate;
  };
  company: {
    siret: string;
    name: string;
    nafCode: string;
    headcount: number;
    postalCode: string;
    city: string;
    departement: string;
  };
  engagement: {
    ref: string;
    wave: string;
    projectType: ProjectType;
    phase: Phase;
    allowanceDays: number;
    dailyRateCents: number;
    startedOn: IsoDate;
    completedOn: IsoDate;
    consultants: PackageConsultant[];
  };
  days: PackageDay[];
  deliverables: PackageDeliverable[];
  totals: PackageTotals;
}

// --- manifest.json --------------------------------------------------------------------------

export const manifestEntrySchema = z.strictObject({
  path: text(500).min(1),
  bytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  sha256,
});

export const manifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  engagementRef: z.string().regex(ENGAGEMENT_REF_PATTERN).max(64),
  version: z.number().int().min(1).max(999_999),
  createdAt: z.iso.datetime(),
  generator: text(200),
  files: z.array(manifestEntrySchema).max(1000),
  summary: z.strictObject({
    allowanceDays: count,
    halfDaysLogged: count,
    dailyRateCents: cents,
    amountCents: cents,
    publicShareCents: cents,
    companyShareCents: cents,
  }),
});

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  formatVersion: 1;
  engagementRef: string;
  version: number;
  createdAt: string;
  generator: string;
  files: ManifestEntry[];
  summary: {
    allowanceDays: number;
    halfDaysLogged: number;
    dailyRateCents: number;
    amountCents: number;
    publicShareCents: number;
    companyShareCents: number;
  };
}

// --- Building a package from an engagement --------------------------------------------------

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const MAX_FILE_NAME_CHARS = 120;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * A deliverable's file name as it can stand in a package on every file system: no folder
 * separators, no characters Windows refuses, no leading dot, no trailing dot or space, at most
 * 120 characters (extension kept).
 */
export function safeFileName(name: string): string {
  const cleaned = [...name.normalize('NFC')]
    .map((char) => (char.charCodeAt(0) < 0x20 || char === '\u007f' || '\\/:*?"<>|'.includes(char) ? '_' : char))
    .join('')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .trim();
  const named = cleaned || 'livrable';
  // Windows cannot create CON, NUL, COM1… whatever their extension: such a name gets a prefix.
  const allowed = WINDOWS_RESERVED.test(named) ? `_${named}` : named;
  const chars = [...allowed];
  if (chars.length <= MAX_FILE_NAME_CHARS) return allowed;
  // Cut by code point (never inside a surrogate pair), keeping a short extension.
  const dot = allowed.lastIndexOf('.');
  const extension = dot > 0 && [...allowed.slice(dot)].length <= 10 ? [...allowed.slice(dot)] : [];
  return [...chars.slice(0, MAX_FILE_NAME_CHARS - extension.length), ...extension].join('').replace(/[.\s]+(?=\.[^.]*$)|[.\s]+$/, '');
}

/**
 * The package paths of an engagement's deliverables, in the order given: `deliverables/<name>`,
 * with ` (2)`, ` (3)`… before the extension when two files share a name (case-insensitively, as
 * Windows and macOS compare them).
 */
export function deliverablePaths(fileNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return fileNames.map((fileName) => {
    const safe = safeFileName(fileName);
    const dot = safe.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
    let candidate = safe;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return `${DELIVERABLES_FOLDER}/${candidate}`;
  });
}

/** Where each deliverable goes in the package, in a stable order (file name, then id). */
export function placeDeliverables(deliverables: readonly Deliverable[]): { deliverable: Deliverable; path: string }[] {
  const ordered = [...deliverables].sort((a, b) => byCodePoint(a.fileName, b.fileName) || byCodePoint(a.id, b.id));
  const paths = deliverablePaths(ordered.map((deliverable) => deliverable.fileName));
  return ordered.map((deliverable, index) => ({ deliverable, path: paths[index]! }));
}

/** Why an engagement cannot make a package yet (the closing checklist shows these). */
export class PackageBuildError extends Error {
  constructor(readonly reason: 'not_started' | 'not_completed' | 'bad_ref') {
    super(reason);
  }
}

/**
 * `engagement.json` of an engagement: days sorted by date then consultant id, each with its flags;
 * consultants sorted by name; deliverables in the order of their package paths; totals computed
 * with the programme's public share.
 */
export function buildEngagementFile(detail: EngagementDetail): EngagementFile {
  const { engagement, programme, company, wave } = detail;
  if (!ENGAGEMENT_REF_PATTERN.test(engagement.ref)) throw new PackageBuildError('bad_ref');
  if (!engagement.startedOn) throw new PackageBuildError('not_started');
  if (!engagement.completedOn) throw new PackageBuildError('not_completed');
  const days: PackageDay[] = [...detail.days]
    .sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.consultantId, b.consultantId))
    .map((day) => ({
      date: day.date,
      halfDays: day.halfDays,
      consultantId: day.consultantId,
      activity: day.activity,
      location: day.location,
      summary: day.summary,
      flags: dayFlags(day.date),
    }));
  const halfDaysLogged = days.reduce((sum, day) => sum + day.halfDays, 0);
  const split = costSplit(halfDaysLogged, engagement.dailyRateCents, programme.publicShareBasisPoints);
  return {
    formatVersion: PACKAGE_FORMAT_VERSION,
    programme: {
      name: programme.name,
      funders: [...programme.funders],
      publicShareBasisPoints: programme.publicShareBasisPoints,
      minDays: programme.minDays,
      maxDays: programme.maxDays,
      opensOn: programme.opensOn,
      closesOn: programme.closesOn,
    },
    company: {
      siret: company.siret,
      name: company.name,
      nafCode: company.nafCode,
      headcount: company.headcount,
      postalCode: company.postalCode,
      city: company.city,
      departement: company.departement,
    },
    engagement: {
      ref: engagement.ref,
      wave: wave.name,
      projectType: engagement.projectType,
      phase: engagement.phase,
      allowanceDays: engagement.allowanceDays,
      dailyRateCents: engagement.dailyRateCents,
      startedOn: engagement.startedOn,
      completedOn: engagement.completedOn,
      consultants: detail.consultants
        .map((consultant) => ({ id: consultant.id, name: consultant.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr') || byCodePoint(a.id, b.id)),
    },
    days,
    deliverables: placeDeliverables(detail.deliverables)
      .map(({ deliverable, path }) => ({ kind: deliverable.kind, title: deliverable.title, path, sha256: deliverable.sha256 }))
      .sort((a, b) => byCodePoint(a.path, b.path)),
    totals: {
      halfDaysLogged: split.halfDaysLogged,
      amountCents: split.amountCents,
      publicShareCents: split.publicShareCents,
      companyShareCents: split.companyShareCents,
    },
  };
}

/** The manifest's summary of an engagement file. */
export function manifestSummary(file: EngagementFile): Manifest['summary'] {
  return {
    allowanceDays: file.engagement.allowanceDays,
    halfDaysLogged: file.totals.halfDaysLogged,
    dailyRateCents: file.engagement.dailyRateCents,
    amountCents: file.totals.amountCents,
    publicShareCents: file.totals.publicShareCents,
    companyShareCents: file.totals.companyShareCents,
  };
}

/**
 * JSON as the package writes it: two-space indentation, a final newline, keys in the order the
 * spec shows them (objects are built in that order), so that the same data gives the same bytes.
 */
export function packageJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** What a document generator receives: the package's facts and how to present them. */
export interface ClosingDocumentInput {
  file: EngagementFile;
  version: number;
  /** The package's "created at" instant (ISO-8601 UTC): the PDFs' creation date, the sheets' too. */
  createdAt: string;
  locale: 'fr' | 'en';
  /** The consulting firm that ran the mission, as named in the settings. */
  firmName: string;
  /** `carnet 0.1.0`. */
  generator: string;
}
