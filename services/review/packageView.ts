// One package as the Région's reviewer examines it: the report, the timesheet, the deliverables
// and their hashes, the cost split recomputed, what changed since the previous version, and the
// decision if one was written.
import path from 'node:path';
import { engagementFileSchema, PACKAGE_FILES, type EngagementFile } from '../../core/closingPackage';
import { costSplit } from '../../core/money';
import { diffPackages } from '../../core/packageDiff';
import type { ReviewDeliverable, ReviewPackageView, SplitComparison, VersionDiff } from '../../core/review';
import { verifyPackage } from '../closing/verify';
import type { ServiceContext } from '../context';
import { hashPlainFile, plainFileSize, readPlainFile } from '../files';
import { decisionPathOf, markOpened, packageKeyOf, queueRowOf, readWrittenDecision } from './catalogue';

/** report.html is shown whole; a file beyond this is not a report Carnet wrote. */
const MAX_REPORT_BYTES = 20 * 1024 * 1024;
/** Carnet attaches deliverables of at most 20 MiB: beyond this, one is not hashed (nor intact). */
const MAX_DELIVERABLE_BYTES = 200 * 1024 * 1024;
/** engagement.json of the previous version, read for the differences. */
const MAX_PACKAGE_JSON_BYTES = 64 * 1024 * 1024;

/** A deliverable's path inside the package, refused if it could leave the package's folder. */
export function fileInPackage(folder: string, packagePath: string): string | null {
  if (!packagePath.startsWith('deliverables/') || packagePath.includes('\\')) return null;
  const segments = packagePath.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  return path.join(folder, ...segments);
}

async function readEngagementFile(folder: string): Promise<EngagementFile | null> {
  const bytes = await readPlainFile(path.join(folder, PACKAGE_FILES.engagement), MAX_PACKAGE_JSON_BYTES);
  if (bytes === null) return null;
  try {
    const parsed = engagementFileSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? (parsed.data as EngagementFile) : null;
  } catch {
    return null;
  }
}

function splitOf(file: EngagementFile): SplitComparison {
  const halfDays = file.days.reduce((sum, day) => sum + day.halfDays, 0);
  let recomputed;
  try {
    const split = costSplit(halfDays, file.engagement.dailyRateCents, file.programme.publicShareBasisPoints);
    recomputed = { halfDaysLogged: halfDays, amountCents: split.amountCents, publicShareCents: split.publicShareCents, companyShareCents: split.companyShareCents };
  } catch {
    // Figures beyond exact arithmetic (a forged package): nothing to recompute.
    recomputed = { halfDaysLogged: halfDays, amountCents: Number.NaN, publicShareCents: Number.NaN, companyShareCents: Number.NaN };
  }
  const stated = { ...file.totals, dailyRateCents: file.engagement.dailyRateCents, publicShareBasisPoints: file.programme.publicShareBasisPoints };
  const matches = (['halfDaysLogged', 'amountCents', 'publicShareCents', 'companyShareCents'] as const).every((field) => stated[field] === recomputed[field]);
  return { stated, recomputed, matches };
}

async function deliverablesOf(folder: string, file: EngagementFile): Promise<ReviewDeliverable[]> {
  const deliverables: ReviewDeliverable[] = [];
  for (const deliverable of file.deliverables) {
    const absolute = fileInPackage(folder, deliverable.path);
    // Hashed only within the size a deliverable can have: a huge (sparse) file is not read through.
    const size = absolute ? await plainFileSize(absolute) : null;
    const read = absolute && size !== null && size <= MAX_DELIVERABLE_BYTES ? await hashPlainFile(absolute) : null;
    deliverables.push({ ...deliverable, bytes: read?.bytes ?? size, intact: read?.sha256 === deliverable.sha256 });
  }
  return deliverables;
}

/** The previous version beside this one (same `packages/<ref>/` folder), compared. */
async function diffWithPrevious(context: ServiceContext, folder: string, version: number, file: EngagementFile, ref: string): Promise<VersionDiff | null> {
  if (version <= 1) return null;
  const previousFolder = path.join(path.dirname(folder), `v${version - 1}`);
  const previous = await readEngagementFile(previousFolder);
  if (!previous) return null;
  return {
    previousVersion: version - 1,
    previousKey: packageKeyOf(previousFolder),
    ...diffPackages(previous, file),
    previousDecision: await readWrittenDecision(decisionPathOf(context, { folder: previousFolder, ref, version: version - 1 })),
  };
}

/** The package for review; opening one not yet decided marks it « en cours d'examen ». */
export async function reviewPackage(context: ServiceContext, key: string): Promise<ReviewPackageView> {
  await markOpened(context.db, key, context.now().toISOString());
  const { row } = await queueRowOf(context, key);
  const verified = await verifyPackage(row.folder, context.settings.get().locale);
  const file = verified.engagement;
  const names = new Map(file?.engagement.consultants.map((consultant) => [consultant.id, consultant.name]) ?? []);
  const reportHtml = (await readPlainFile(path.join(row.folder, PACKAGE_FILES.reportHtml), MAX_REPORT_BYTES))?.toString('utf8') ?? null;
  const decisionPath = decisionPathOf(context, row);
  const decision = await readWrittenDecision(decisionPath);
  return {
    row,
    engagement: file,
    days: file?.days.map((day) => ({ ...day, consultantName: names.get(day.consultantId) ?? day.consultantId })) ?? [],
    deliverables: file ? await deliverablesOf(row.folder, file) : [],
    reportHtml,
    split: file ? splitOf(file) : null,
    diff: file ? await diffWithPrevious(context, row.folder, row.version, file, row.ref) : null,
    decision: decision && decision.packageManifestSha256 === row.manifestSha256 ? decision : null,
    decisionPath,
  };
}
