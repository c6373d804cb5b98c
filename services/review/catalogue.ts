// The packages the Région's reviewer sees: every `packages/<ref>/v<n>/` of every watched exchange
// folder, and those opened by hand. Each is verified once, then again only when one of its files
// changes (see `signatureOf`): the verifier's result is kept in `review_packages`.
import { createHash } from 'node:crypto';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseVersionFolder } from '../../core/closingPackage';
import type { Locale } from '../../core/domain';
import { CarnetError } from '../../core/errors';
import { sectorOfNaf } from '../../core/nafSectors';
import { FINDING_CATEGORIES, type FindingCategory, type ReviewFinding, type ReviewQueueRow, type ReviewStatus } from '../../core/review';
import { MAX_DECISION_BYTES, reviewDecisionSchema, reviewPathOf, type ReviewDecision } from '../../core/reviewDecision';
import type { Database } from '../../db/connection';
import { verifyPackage, type PackageFinding, type VerifiedPackage } from '../closing/verify';
import { PACKAGES_FOLDER } from '../closing/writePackage';
import type { ServiceContext } from '../context';
import { readPlainFile, sha256Of } from '../files';

/** What is kept of a package between two looks: its row without the parts that change alone. */
type CachedRow = Omit<ReviewQueueRow, 'status' | 'decidedAt' | 'superseded'>;

interface PackageRecordRow {
  key: string;
  folder: string;
  exchange_folder: string | null;
  firm: string;
  manual: number | boolean;
  signature: string;
  row_json: string;
  first_seen_at: string;
  opened_at: string | null;
}

/** A package's key: its folder, hashed (stable, and safe in a URL). */
export const packageKeyOf = (folder: string) => sha256Of(path.resolve(folder)).slice(0, 24);

/** The folder `folder` sits in as `<root>/packages/<ref>/v<n>`, or null. */
export function exchangeRootOf(folder: string): string | null {
  const refFolder = path.dirname(folder);
  const packagesFolder = path.dirname(refFolder);
  return path.basename(packagesFolder) === PACKAGES_FOLDER && parseVersionFolder(path.basename(folder)) !== null ? path.dirname(packagesFolder) : null;
}

/**
 * Where the decision on a package is written: beside it in its exchange folder; for a package
 * opened by hand from elsewhere, in the data folder under the package's own key (two packages
 * opened by hand under the same reference and version keep a decision each).
 */
export function decisionPathOf(context: ServiceContext, row: Pick<ReviewQueueRow, 'folder' | 'ref' | 'version'>): string {
  const root = exchangeRootOf(row.folder) ?? path.join(context.dataDir ?? '.', 'decisions', packageKeyOf(row.folder));
  return path.join(root, ...reviewPathOf(row.ref, row.version).split('/'));
}

/** The package folders under `<exchange>/packages/` (a folder being written has another name). */
export async function packageFoldersIn(exchangeFolder: string): Promise<string[]> {
  const root = path.join(exchangeFolder, PACKAGES_FOLDER);
  const refs = await readdir(root, { withFileTypes: true }).catch(() => []);
  const folders: string[] = [];
  for (const ref of refs) {
    if (!ref.isDirectory() || ref.name.startsWith('.')) continue;
    const versions = await readdir(path.join(root, ref.name), { withFileTypes: true }).catch(() => []);
    for (const version of versions) {
      if (version.isDirectory() && parseVersionFolder(version.name) !== null) folders.push(path.join(root, ref.name, version.name));
    }
  }
  return folders.sort();
}

/** Bumped whenever the verifier checks more: every package is then verified again. */
const VERIFIER_VERSION = 2;

/**
 * What changes when any file of the package does: for each, its size, modification and change
 * times and inode (the change time cannot be set back by hand), never following a link.
 */
async function signatureOf(folder: string, locale: Locale): Promise<string | null> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => null);
  if (!entries) return null;
  const hash = createHash('sha256').update(`${VERIFIER_VERSION}\u0000${locale}`);
  const lines: string[] = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const info = await lstat(full).catch(() => null);
    const kind = info?.isFile() ? 'file' : info?.isDirectory() ? 'dir' : 'other';
    lines.push([path.relative(folder, full), kind, info?.size ?? -1, info?.mtimeMs ?? 0, info?.ctimeMs ?? 0, info?.ino ?? 0].join('\u0000'));
  }
  for (const line of lines.sort()) hash.update(`${line}\n`);
  return hash.digest('hex');
}

const ARITHMETIC_RULES = new Set(['package.check.amount', 'package.check.publicShare', 'package.check.companyShare', 'package.check.halfDaysSum', 'package.verify.numbersTooLarge']);
const RULE_RULES = new Set(['package.check.allowance', 'package.check.allowanceRange', 'package.check.beforeStart', 'package.check.consultantDate', 'package.check.window', 'package.check.flags', 'package.check.unknownConsultant']);

export function categoryOf(finding: PackageFinding): FindingCategory {
  if (ARITHMETIC_RULES.has(finding.rule)) return 'arithmetic';
  if (RULE_RULES.has(finding.rule)) return 'rules';
  return 'integrity';
}

export function countFindings(findings: readonly ReviewFinding[]): Record<FindingCategory, number> {
  const counts = Object.fromEntries(FINDING_CATEGORIES.map((category) => [category, 0])) as Record<FindingCategory, number>;
  for (const finding of findings) counts[finding.category]++;
  return counts;
}

/** The queue's row of a verified package; a package too broken to read keeps its folder's names. */
export function rowOfVerified(verified: VerifiedPackage, source: { key: string; firm: string; exchangeFolder: string | null }): CachedRow {
  const findings: ReviewFinding[] = verified.findings.map((finding) => ({ category: categoryOf(finding), file: finding.file, field: finding.field, message: finding.message }));
  const file = verified.engagement;
  const manifest = verified.manifest;
  const folderRef = path.basename(path.dirname(verified.folder));
  return {
    key: source.key,
    firm: source.firm,
    exchangeFolder: source.exchangeFolder,
    folder: verified.folder,
    ref: manifest?.engagementRef ?? folderRef,
    version: manifest?.version ?? parseVersionFolder(path.basename(verified.folder)) ?? 0,
    companyName: file?.company.name ?? null,
    siret: file?.company.siret ?? null,
    submittedAt: manifest?.createdAt ?? null,
    findings,
    findingCounts: countFindings(findings),
    halfDaysLogged: file?.totals.halfDaysLogged ?? manifest?.summary.halfDaysLogged ?? null,
    amountCents: file?.totals.amountCents ?? manifest?.summary.amountCents ?? null,
    publicShareCents: file?.totals.publicShareCents ?? manifest?.summary.publicShareCents ?? null,
    wave: file?.engagement.wave ?? null,
    projectType: file?.engagement.projectType ?? null,
    departement: file?.company.departement ?? null,
    sector: file ? sectorOfNaf(file.company.nafCode) : null,
    manifestSha256: verified.manifestSha256,
  };
}

/** The decision written for a package, if a valid one is there. */
export async function readWrittenDecision(decisionPath: string): Promise<ReviewDecision | null> {
  const bytes = await readPlainFile(decisionPath, MAX_DECISION_BYTES);
  if (bytes === null) return null;
  try {
    const parsed = reviewDecisionSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function statusOf(context: ServiceContext, row: CachedRow, openedAt: string | null): Promise<{ status: ReviewStatus; decidedAt: string | null }> {
  const decision = await readWrittenDecision(decisionPathOf(context, row));
  // A decision about another manifest (a package replaced under the same name) does not count.
  if (decision && decision.packageManifestSha256 === row.manifestSha256) return { status: decision.decision, decidedAt: decision.decidedAt };
  return { status: openedAt ? 'in_review' : 'new', decidedAt: null };
}

/**
 * Brings the record of one package folder up to date: verified again only when a file of it
 * changed since the last look. Returns null when the folder is gone.
 */
async function refreshRecord(context: ServiceContext, source: { folder: string; firm: string; exchangeFolder: string | null; manual: boolean }, known: PackageRecordRow | undefined): Promise<PackageRecordRow | null> {
  const locale = context.settings.get().locale;
  const signature = await signatureOf(source.folder, locale);
  if (signature === null) return null;
  if (known && known.signature === signature && known.firm === source.firm) return known;
  const key = packageKeyOf(source.folder);
  const verified = await verifyPackage(source.folder, locale);
  const record: PackageRecordRow = {
    key,
    folder: path.resolve(source.folder),
    exchange_folder: source.exchangeFolder,
    firm: source.firm,
    manual: source.manual,
    signature,
    row_json: JSON.stringify(rowOfVerified(verified, { key, firm: source.firm, exchangeFolder: source.exchangeFolder })),
    first_seen_at: known?.first_seen_at ?? context.now().toISOString(),
    opened_at: known?.opened_at ?? null,
  };
  await context.db('review_packages').insert(record).onConflict('key').merge();
  return record;
}

/** Every package of the watched folders and those opened by hand, verified, with its status. */
export async function reviewQueue(context: ServiceContext): Promise<ReviewQueueRow[]> {
  const { reviewFolders } = context.settings.get();
  const known = new Map(((await context.db('review_packages').select('*')) as PackageRecordRow[]).map((row) => [row.key, row]));
  const sources: { folder: string; firm: string; exchangeFolder: string | null; manual: boolean }[] = [];
  // A watched folder out of reach (a share not mounted, a key unplugged): its records are kept as
  // they are (first seen, opened) until it comes back, but nothing of it is listed.
  const unreachable = new Set<string>();
  for (const watched of reviewFolders) {
    if (!(await stat(watched.path).catch(() => null))?.isDirectory()) {
      unreachable.add(watched.path);
      continue;
    }
    for (const folder of await packageFoldersIn(watched.path)) sources.push({ folder, firm: watched.firm, exchangeFolder: watched.path, manual: false });
  }
  const found = new Set(sources.map((source) => packageKeyOf(source.folder)));
  for (const record of known.values()) {
    if (Boolean(record.manual) && !found.has(record.key)) {
      sources.push({ folder: record.folder, firm: record.firm, exchangeFolder: null, manual: true });
      found.add(record.key);
    }
  }
  const records: PackageRecordRow[] = [];
  for (const source of sources) {
    const record = await refreshRecord(context, source, known.get(packageKeyOf(source.folder)));
    if (record) records.push(record);
  }
  // Folders no longer watched or gone: forgotten (the files, if they come back, are verified again).
  const kept = new Set(records.map((record) => record.key));
  const gone = [...known.values()].filter((record) => !kept.has(record.key) && !unreachable.has(record.exchange_folder ?? '')).map((record) => record.key);
  for (let index = 0; index < gone.length; index += 500) await context.db('review_packages').whereIn('key', gone.slice(index, index + 500)).delete();
  return withStatus(context, records);
}

async function withStatus(context: ServiceContext, records: PackageRecordRow[]): Promise<ReviewQueueRow[]> {
  const rows: ReviewQueueRow[] = [];
  for (const record of records) {
    const cached = JSON.parse(record.row_json) as CachedRow;
    rows.push({ ...cached, ...(await statusOf(context, cached, record.opened_at)), superseded: false });
  }
  // A later version of the same engagement in the same place replaces the earlier ones.
  const latest = new Map<string, number>();
  const placeOf = (row: ReviewQueueRow) => `${row.exchangeFolder ?? row.firm}\u0000${row.ref}`;
  for (const row of rows) latest.set(placeOf(row), Math.max(latest.get(placeOf(row)) ?? 0, row.version));
  for (const row of rows) row.superseded = row.version < latest.get(placeOf(row))!;
  return rows.sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') || a.ref.localeCompare(b.ref) || b.version - a.version);
}

/** One package of the queue by its key, brought up to date; refused when unknown or gone. */
export async function queueRowOf(context: ServiceContext, key: string): Promise<{ row: ReviewQueueRow; record: PackageRecordRow }> {
  const known = (await context.db('review_packages').where({ key }).first()) as PackageRecordRow | undefined;
  if (!known) throw new CarnetError('not_found', 'review.error.unknownPackage', { key });
  const record = await refreshRecord(context, { folder: known.folder, firm: known.firm, exchangeFolder: known.exchange_folder, manual: Boolean(known.manual) }, known);
  if (!record) throw new CarnetError('not_found', 'review.error.packageGone', { folder: known.folder });
  const cached = JSON.parse(record.row_json) as CachedRow;
  const siblings = cached.exchangeFolder ? await packageFoldersIn(cached.exchangeFolder) : [];
  const superseded = siblings.some((folder) => path.basename(path.dirname(folder)) === cached.ref && (parseVersionFolder(path.basename(folder)) ?? 0) > cached.version);
  return { row: { ...cached, ...(await statusOf(context, cached, record.opened_at)), superseded }, record };
}

/** Records that the reviewer opened the package (« en cours d'examen » until decided). */
export async function markOpened(db: Database, key: string, at: string): Promise<void> {
  await db('review_packages').where({ key }).whereNull('opened_at').update({ opened_at: at });
}

/** Adds a package folder opened by hand (kept in the queue until it disappears). */
export async function addManualPackage(context: ServiceContext, folder: string, firm: string): Promise<ReviewQueueRow> {
  const key = packageKeyOf(folder);
  const known = (await context.db('review_packages').where({ key }).first()) as PackageRecordRow | undefined;
  // A package already watched through an exchange folder stays there.
  const record = await refreshRecord(context, { folder, firm: known?.firm ?? firm, exchangeFolder: known?.exchange_folder ?? null, manual: known ? Boolean(known.manual) : true }, known);
  if (!record) throw new CarnetError('not_found', 'review.error.packageGone', { folder });
  return (await queueRowOf(context, key)).row;
}
