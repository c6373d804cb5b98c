// Closing a mission (issue 5): the checklist, the preview, the documents alone, and the package
// written into the shared folder, after which the engagement is submitted and its days locked.
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  buildEngagementFile,
  manifestSummary,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PackageBuildError,
  placeDeliverables,
  type ClosingDocumentInput,
} from '../../core/closingPackage';
import type { ClosingCheck, ClosingChecklist, ClosingResult, ExportableDocument, ExportedDocument } from '../../core/contract';
import { LOCKED_STATUSES, type EngagementDetail, type Locale } from '../../core/domain';
import { CarnetError } from '../../core/errors';
import { translate, type MessageKey } from '../../core/i18n';
import { formatDays } from '../../core/money';
import { checkEngagementFile } from '../../core/packageChecks';
import type { Database } from '../../db/connection';
import { packageIdOf } from '../../db/sync/naturalIds';
import type { ServiceContext } from '../context';
import { exchangeFolderOf } from '../settings/update';
import { recordStatusChange } from '../engagementCommands';
import { getEngagement } from '../engagements';
import { DOCUMENT_ORDER, DOCUMENTS } from './documents';
import { latestVersionOnDisk, PackageExistsError, packagesFolderOf, writePackage, type PackageFile, type WrittenPackage } from './writePackage';

/** What a document shows when the firm has not named itself yet. */
const firmNameOf = (context: ServiceContext, locale: Locale) => context.settings.get().firmName.trim() || translate(locale, 'doc.firm');

/**
 * The facts of the documents. A mission not completed yet (a preview, a timesheet exported for
 * the consultant's records) is shown up to its last logged day.
 */
function documentInput(context: ServiceContext, detail: EngagementDetail, version: number, createdAt: Date, locale: Locale): ClosingDocumentInput {
  const lastDay = detail.days.reduce<string | null>((last, day) => (last === null || day.date > last ? day.date : last), null);
  const completedOn = detail.engagement.completedOn ?? lastDay;
  try {
    const file = buildEngagementFile({ ...detail, engagement: { ...detail.engagement, completedOn } });
    return { file, version, createdAt: createdAt.toISOString(), locale, firmName: firmNameOf(context, locale), generator: `carnet ${context.version}` };
  } catch (error) {
    if (error instanceof PackageBuildError) {
      const key: MessageKey = error.reason === 'bad_ref' ? 'closing.error.ref' : 'closing.error.noDays';
      throw new CarnetError('rule_violation', key, { ref: detail.engagement.ref }, { field: 'engagementId' });
    }
    throw error;
  }
}

async function nextVersion(context: ServiceContext, detail: EngagementDetail, sharedFolder: string | null): Promise<number> {
  const recorded = detail.packages.reduce((latest, record) => Math.max(latest, record.version), 0);
  const onDisk = sharedFolder ? await latestVersionOnDisk(sharedFolder, detail.engagement.ref) : 0;
  return Math.max(recorded, onDisk) + 1;
}

async function isFolder(folder: string | null): Promise<boolean> {
  if (!folder || !path.isAbsolute(folder)) return false;
  return (await stat(folder).catch(() => null))?.isDirectory() ?? false;
}

/** Everything « Clôturer la mission » checks before writing anything. */
export async function closingChecklist(context: ServiceContext, engagementId: string): Promise<ClosingChecklist> {
  const locale = context.settings.get().locale;
  const detail = await getEngagement(context.db, engagementId);
  const { engagement } = detail;
  const { firmName } = context.settings.get();
  // Packages go to the folder shared with the Région (the shared folder unless another is set).
  const sharedFolder = exchangeFolderOf(context.settings.get());
  const checks: ClosingCheck[] = [];
  const check = (key: ClosingCheck['key'], ok: boolean, severity: ClosingCheck['severity'], messageKey: MessageKey, params: Record<string, string | number> = {}) =>
    checks.push({ key, ok, severity, message: translate(locale, messageKey, params) });

  const status = translate(locale, `status.${engagement.status}`);
  check('status', engagement.status === 'completed', 'error', engagement.status === 'completed' ? 'closing.check.status.ok' : 'closing.check.status.no', { ref: engagement.ref, status });
  const logged = detail.totals.halfDaysLogged;
  check('days', logged > 0, 'error', logged > 0 ? 'closing.check.days.ok' : 'closing.check.days.no', { days: formatDays(logged, locale), allowance: engagement.allowanceDays });

  const missingFiles: string[] = [];
  for (const deliverable of detail.deliverables) if (!(await context.files.has(deliverable.sha256))) missingFiles.push(deliverable.fileName);
  if (missingFiles.length > 0) check('deliverables', false, 'error', 'closing.check.deliverables.missing', { files: missingFiles.join(', ') });
  else if (detail.deliverables.length === 0) check('deliverables', false, 'warning', 'closing.check.deliverables.none');
  else check('deliverables', true, 'warning', 'closing.check.deliverables.ok', { count: detail.deliverables.length });

  if (logged > 0) {
    const issues = checkEngagementFile(documentInput(context, detail, 1, context.now(), locale).file);
    check('rules', issues.length === 0, 'error', issues.length === 0 ? 'closing.check.rules.ok' : 'closing.check.rules.no', {
      issues: issues.map((item) => translate(locale, item.messageKey, item.params)).join(' ; '),
    });
  }

  const folderOk = await isFolder(sharedFolder);
  check('sharedFolder', folderOk, 'error', sharedFolder === null ? 'closing.check.sharedFolder.none' : folderOk ? 'closing.check.sharedFolder.ok' : 'closing.check.sharedFolder.missing', { folder: sharedFolder ?? '' });
  check('firmName', firmName.trim() !== '', 'error', firmName.trim() ? 'closing.check.firmName.ok' : 'closing.check.firmName.none', { firm: firmName });

  const version = await nextVersion(context, detail, folderOk ? sharedFolder : null);
  return {
    engagementId,
    ref: engagement.ref,
    ready: checks.every((item) => item.ok || item.severity === 'warning'),
    checks,
    nextVersion: version,
    folder: folderOk ? path.join(packagesFolderOf(sharedFolder!, engagement.ref), `v${version}`) : null,
  };
}

/** The report as the package will hold it, for the dialog's preview. */
export async function previewReport(context: ServiceContext, engagementId: string): Promise<{ html: string }> {
  const locale = context.settings.get().locale;
  const detail = await getEngagement(context.db, engagementId);
  const version = await nextVersion(context, detail, null);
  const rendered = await DOCUMENTS.reportHtml.render(documentInput(context, detail, version, context.now(), locale));
  return { html: rendered.toString('utf8') };
}

/** One document of the package alone, e.g. a timesheet for the consultant's own records. */
export async function exportDocument(context: ServiceContext, engagementId: string, document: ExportableDocument): Promise<ExportedDocument> {
  const locale = context.settings.get().locale;
  const detail = await getEngagement(context.db, engagementId);
  const kind = DOCUMENTS[document];
  const content = await kind.render(documentInput(context, detail, await nextVersion(context, detail, null), context.now(), locale));
  const [stem, extension] = kind.path.split('.') as [string, string];
  return { fileName: `${detail.engagement.ref}-${stem}.${extension}`, mimeType: kind.mimeType, contentBase64: content.toString('base64') };
}

export interface ClosingProgress {
  step: string;
  stepsDone: number;
  stepsTotal: number;
}

/** Renders every document and reads every deliverable of one package version, in order. */
async function packageFiles(context: ServiceContext, detail: EngagementDetail, input: ClosingDocumentInput, advance: (step: string) => void): Promise<PackageFile[]> {
  const files: PackageFile[] = [];
  for (const document of DOCUMENT_ORDER) {
    const kind = DOCUMENTS[document];
    files.push({ path: kind.path, content: await kind.render(input) });
    advance(translate(input.locale, kind.step));
  }
  for (const { deliverable, path: packagePath } of placeDeliverables(detail.deliverables)) {
    files.push({ path: packagePath, content: await context.files.read(deliverable.sha256) });
    advance(translate(input.locale, 'closing.step.deliverable', { file: deliverable.fileName }));
  }
  return files;
}

/** Writes one package version of an engagement into a shared folder; file errors become messages. */
async function writeVersion(context: ServiceContext, sharedFolder: string, detail: EngagementDetail, version: number, createdAt: Date, advance: (step: string) => void) {
  const locale = context.settings.get().locale;
  const input = documentInput(context, detail, version, createdAt, locale);
  const files = await packageFiles(context, detail, input, advance);
  try {
    const written = await writePackage({
      sharedFolder,
      manifest: {
        format: PACKAGE_FORMAT,
        formatVersion: PACKAGE_FORMAT_VERSION,
        engagementRef: detail.engagement.ref,
        version,
        createdAt: createdAt.toISOString(),
        generator: input.generator,
        summary: manifestSummary(input.file),
      },
      files,
    });
    advance(translate(locale, 'closing.step.manifest'));
    return { input, files, written };
  } catch (error) {
    if (error instanceof PackageExistsError) throw new CarnetError('file_system', 'closing.error.exists', { folder: error.folder });
    const reason = error instanceof Error ? error.message : String(error);
    throw new CarnetError('file_system', 'closing.error.write', { folder: sharedFolder, reason });
  }
}

/**
 * Writes the engagement's next package into the shared folder, then, in one transaction, records
 * it and moves the engagement to *submitted* (its days lock). Refuses with the checklist's reasons.
 */
export async function closeEngagement(
  context: ServiceContext,
  engagementId: string,
  onProgress: (progress: ClosingProgress) => void = () => {},
): Promise<ClosingResult> {
  const checklist = await closingChecklist(context, engagementId);
  const blocking = checklist.checks.filter((item) => !item.ok && item.severity === 'error');
  if (blocking.length > 0) {
    throw new CarnetError('rule_violation', 'closing.error.checklist', { ref: checklist.ref, reasons: blocking.map((item) => item.message).join(' ; ') }, {
      field: 'engagementId',
      details: blocking,
    });
  }
  const sharedFolder = exchangeFolderOf(context.settings.get())!;
  const detail = await getEngagement(context.db, engagementId);
  const createdAt = context.now();
  const stepsTotal = DOCUMENT_ORDER.length + detail.deliverables.length + 2;
  let stepsDone = 0;
  const advance = (step: string) => onProgress({ step, stepsDone: ++stepsDone, stepsTotal });
  onProgress({ step: translate(context.settings.get().locale, DOCUMENTS[DOCUMENT_ORDER[0]!].step), stepsDone, stepsTotal });

  const { input, files, written } = await writeVersion(context, sharedFolder, detail, checklist.nextVersion, createdAt, advance);
  const packageId = packageIdOf(engagementId, checklist.nextVersion);
  try {
    await context.db.transaction(async (trx) => {
      // Days and deliverables may have changed while the documents were rendered (another window,
      // a sync): the package must say exactly what is submitted, so the facts are read again here.
      const now = await getEngagement(trx, engagementId);
      if (now.engagement.status !== 'completed') {
        throw new CarnetError('rule_violation', 'closing.error.changed', { ref: detail.engagement.ref });
      }
      const again = await DOCUMENTS.engagementJson.render(documentInput(context, now, checklist.nextVersion, createdAt, input.locale));
      if (!again.equals(files.find((file) => file.path === DOCUMENTS.engagementJson.path)!.content)) {
        throw new CarnetError('rule_violation', 'closing.error.dataChanged', { ref: detail.engagement.ref });
      }
      await recordPackage(trx, context, { id: packageId, engagementId, version: checklist.nextVersion, createdAt, written, totals: input.file.totals });
      await trx('engagements').where({ id: engagementId }).update({ status: 'submitted' });
      await recordStatusChange(trx, context, engagementId, 'completed', 'submitted');
    });
  } catch (error) {
    // Nothing records this version: the folder goes, so that no package exists that was never submitted.
    await rm(written.folder, { recursive: true, force: true });
    throw error;
  }
  advance(translate(context.settings.get().locale, 'closing.step.recorded'));
  return { packageId, version: checklist.nextVersion, folder: written.folder, files: files.length + 1, bytes: written.bytes, manifestSha256: written.manifestSha256 };
}

async function recordPackage(
  db: Database,
  context: ServiceContext,
  record: { id: string; engagementId: string; version: number; createdAt: Date; written: WrittenPackage; totals: { halfDaysLogged: number; amountCents: number } },
): Promise<void> {
  await db('packages').insert({
    id: record.id,
    engagement_id: record.engagementId,
    version: record.version,
    created_at: record.createdAt.toISOString(),
    created_by: context.actor,
    manifest_sha256: record.written.manifestSha256,
    folder: record.written.folder,
    half_days_logged: record.totals.halfDaysLogged,
    amount_cents: record.totals.amountCents,
  });
}

/** What `carnet export-package` did for one engagement. */
export interface ExportOutcome {
  ref: string;
  version: number;
  folder: string;
  /** closed: completed, now submitted; written: a submitted-or-later package written again; present: already there. */
  action: 'closed' | 'written' | 'present';
}

/**
 * Puts an engagement's package in `sharedFolder`: a completed engagement is closed (next version,
 * submitted); a submitted, approved or closed one gets its latest package written again from the
 * same facts and instant — byte for byte the recorded one — or a first one if none was recorded.
 */
export async function exportPackage(context: ServiceContext, engagementId: string, sharedFolder: string): Promise<ExportOutcome> {
  const detail = await getEngagement(context.db, engagementId);
  const { ref, status } = detail.engagement;
  if (status === 'completed') {
    const result = await closeEngagement(withSharedFolder(context, sharedFolder), engagementId);
    return { ref, version: result.version, folder: result.folder, action: 'closed' };
  }
  if (!LOCKED_STATUSES.includes(status)) {
    throw new CarnetError('rule_violation', 'closing.check.status.no', { ref, status: translate(context.settings.get().locale, `status.${status}`) });
  }
  const latest = detail.packages.at(-1);
  const version = latest?.version ?? (await latestVersionOnDisk(sharedFolder, ref)) + 1;
  const folder = path.join(packagesFolderOf(sharedFolder, ref), `v${version}`);
  if (latest && (await isFolder(folder))) return { ref, version, folder, action: 'present' };
  const createdAt = latest ? new Date(latest.createdAt) : context.now();
  const { input, written } = await writeVersion(withSharedFolder(context, sharedFolder), sharedFolder, detail, version, createdAt, () => {});
  if (latest && written.manifestSha256 !== latest.manifestSha256) {
    // Not the package the Région may have decided on (language, firm name or version of Carnet
    // changed since): it must not stand under that version's name.
    await rm(written.folder, { recursive: true, force: true });
    throw new CarnetError('file_system', 'closing.error.rewriteDiffers', { ref, version, expected: latest.manifestSha256.slice(0, 12), actual: written.manifestSha256.slice(0, 12) });
  }
  if (!latest) await recordPackage(context.db, context, { id: packageIdOf(engagementId, version), engagementId, version, createdAt, written, totals: input.file.totals });
  return { ref, version, folder: written.folder, action: 'written' };
}

/** The context with another shared folder, for one command (the saved setting is untouched). */
function withSharedFolder(context: ServiceContext, sharedFolder: string): ServiceContext {
  const settings = context.settings;
  return { ...context, settings: { get: () => ({ ...settings.get(), sharedFolder, exchangeFolder: sharedFolder }), update: (patch) => settings.update(patch) } };
}

/** Shows a package's folder in the file manager, where the shell can; says where it is anyway. */
export async function revealPackage(context: ServiceContext, packageId: string): Promise<{ revealed: boolean; folder: string }> {
  const row: { folder: string } | undefined = await context.db('packages').where({ id: packageId }).first('folder');
  if (!row) throw new CarnetError('not_found', 'error.not_found.package', { id: packageId }, { field: 'packageId' });
  if (!context.desktop) return { revealed: false, folder: row.folder };
  context.desktop.revealInFolder(row.folder);
  return { revealed: true, folder: row.folder };
}
