// The one verifier of closing packages (spec/closing-package.md): the firm runs it before handing
// a package over, the Région on every package it receives, `carnet verify` on any folder.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { engagementFileSchema, manifestSchema, PACKAGE_FILES, parseVersionFolder, type EngagementFile, type Manifest } from '../../core/closingPackage';
import { decodeCsvBytes, endsRecordsWithCrlf, neutraliseFormula, readCsv } from '../../core/csv';
import type { Locale } from '../../core/domain';
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import { checkEngagementFile, checkManifestAgainstEngagement, type PackageIssue } from '../../core/packageChecks';
import { timesheetCsvRows, TIMESHEET_CSV_HEADER } from '../../core/timesheetRows';
import { hashPlainFile, plainFileSize, readPlainFile, sha256Of } from '../files';

/** A finding as the verifier reports it: the file, the field, the rule, a sentence. */
export interface PackageFinding {
  file: string;
  field: string;
  rule: MessageKey;
  message: string;
}

export interface VerifiedPackage {
  folder: string;
  findings: PackageFinding[];
  manifest: Manifest | null;
  engagement: EngagementFile | null;
  /** SHA-256 of manifest.json as read: what a review decision names. */
  manifestSha256: string | null;
}

const zodLocales = { fr: z.locales.fr(), en: z.locales.en() } as const;

const REQUIRED_FILES = [
  PACKAGE_FILES.engagement,
  PACKAGE_FILES.timesheetCsv,
  PACKAGE_FILES.timesheetXlsx,
  PACKAGE_FILES.reportPdf,
  PACKAGE_FILES.reportHtml,
  PACKAGE_FILES.attestationPdf,
];

/**
 * Every file under `folder` as package paths with `/`, sorted; links (never followed) and what is
 * neither a file nor a folder (a pipe, a device: reading one could wait forever) apart.
 */
async function listFiles(folder: string): Promise<{ files: string[]; links: string[]; special: string[] }> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const relative = (entry: (typeof entries)[number]) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
  return {
    files: entries.filter((entry) => entry.isFile()).map(relative).sort(),
    links: entries.filter((entry) => entry.isSymbolicLink()).map(relative).sort(),
    special: entries.filter((entry) => !entry.isFile() && !entry.isSymbolicLink() && !entry.isDirectory()).map(relative).sort(),
  };
}

/** manifest.json and engagement.json are text a few hundred kilobytes long; this is far beyond. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** timesheet.csv: one line per day of at most 12 days' allowance, far beyond too. */
const MAX_CSV_BYTES = 16 * 1024 * 1024;

/** A path a manifest may list: relative, `/`-separated, no `.` or `..` segment, no drive. */
const isSafePackagePath = (entry: string) =>
  !entry.startsWith('/') && !entry.includes('\\') && !/^[A-Za-z]:/.test(entry) && entry.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Checks a package folder against its manifest and the spec; never throws on a bad package. */
export async function verifyPackage(folder: string, locale: Locale): Promise<VerifiedPackage> {
  const findings: PackageFinding[] = [];
  const report = (file: string, field: string, rule: MessageKey, params: MessageParams = {}) =>
    findings.push({ file, field, rule, message: translate(locale, rule, { file, field, ...params }) });
  const reportIssues = (issues: PackageIssue[]) => issues.forEach((item) => report(item.file, item.field, item.messageKey, item.params));
  const reportSchema = (file: string, issues: z.core.$ZodIssue[]) =>
    issues.slice(0, 50).forEach((item) => report(file, item.path.map(String).join('.') || '—', 'package.verify.schema', { issue: item.message }));
  const result: VerifiedPackage = { folder, findings, manifest: null, engagement: null, manifestSha256: null };

  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) {
    report('', '', 'package.verify.noFolder', { folder });
    return result;
  }
  const manifestBytes = await readPlainFile(path.join(folder, PACKAGE_FILES.manifest), MAX_JSON_BYTES);
  if (!manifestBytes) {
    report(PACKAGE_FILES.manifest, '', 'package.verify.manifestMissing');
    return result;
  }
  result.manifestSha256 = sha256Of(manifestBytes);
  const manifestJson = parseJson(manifestBytes.toString('utf8'));
  if (!manifestJson.ok) {
    report(PACKAGE_FILES.manifest, '', 'package.verify.json', { error: manifestJson.error });
    return result;
  }
  const manifestParsed = manifestSchema.safeParse(manifestJson.value, { error: zodLocales[locale].localeError });
  if (!manifestParsed.success) {
    reportSchema(PACKAGE_FILES.manifest, manifestParsed.error.issues);
    return result;
  }
  const manifest = manifestParsed.data as Manifest;
  result.manifest = manifest;

  // Where the package stands: packages/<ref>/v<version>/, when it stands there.
  const versionOfFolder = parseVersionFolder(path.basename(folder));
  if (versionOfFolder !== null) {
    if (versionOfFolder !== manifest.version) report(PACKAGE_FILES.manifest, 'version', 'package.verify.versionFolder', { stated: manifest.version, folder: path.basename(folder) });
    const refFolder = path.basename(path.dirname(folder));
    if (refFolder !== manifest.engagementRef) report(PACKAGE_FILES.manifest, 'engagementRef', 'package.verify.refFolder', { stated: manifest.engagementRef, folder: refFolder });
  }

  // Files: the list, each size and hash, nothing more, nothing less.
  const listing = await listFiles(folder);
  // A link could make the verifier read, and vouch for, a file outside the package.
  for (const link of listing.links) report(link, '', 'package.verify.link', { path: link });
  for (const special of listing.special) report(special, '', 'package.verify.special', { path: special });
  const present = new Set(listing.files);
  present.delete(PACKAGE_FILES.manifest);
  const listed = manifest.files.map((entry) => entry.path);
  const sorted = [...listed].sort();
  if (listed.some((entry, index) => entry !== sorted[index])) report(PACKAGE_FILES.manifest, 'files', 'package.verify.unsorted');
  const seen = new Set<string>();
  for (const [index, entry] of manifest.files.entries()) {
    const field = `files[${index}]`;
    if (!isSafePackagePath(entry.path) || entry.path === PACKAGE_FILES.manifest) {
      report(PACKAGE_FILES.manifest, `${field}.path`, 'package.verify.badPath', { path: entry.path });
      continue;
    }
    if (seen.has(entry.path)) {
      report(PACKAGE_FILES.manifest, `${field}.path`, 'package.verify.duplicate', { path: entry.path });
      continue;
    }
    seen.add(entry.path);
    if (!present.has(entry.path)) {
      report(entry.path, '', 'package.verify.missing', { path: entry.path });
      continue;
    }
    present.delete(entry.path);
    // As a plain file (it may have been replaced by a link since it was listed); its size first,
    // so that a file of another size (a huge sparse one) is never read through.
    const file = path.join(folder, ...entry.path.split('/'));
    const size = await plainFileSize(file);
    const read = size === entry.bytes ? await hashPlainFile(file) : null;
    if (size === null || (size === entry.bytes && !read)) {
      report(entry.path, '', 'package.verify.missing', { path: entry.path });
      continue;
    }
    if (!read || read.bytes !== entry.bytes) {
      report(entry.path, '', 'package.verify.size', { path: entry.path, stated: entry.bytes, actual: read?.bytes ?? size });
      continue;
    }
    if (read.sha256 !== entry.sha256) report(entry.path, '', 'package.verify.hash', { path: entry.path });
  }
  for (const extra of present) report(extra, '', 'package.verify.extra', { path: extra });
  for (const required of REQUIRED_FILES) {
    if (!seen.has(required)) report(required, '', 'package.verify.required', { path: required });
  }

  // engagement.json: schema, then the spec's arithmetic and rules, then the manifest's summary.
  const engagementBytes = seen.has(PACKAGE_FILES.engagement) ? await readPlainFile(path.join(folder, PACKAGE_FILES.engagement), MAX_JSON_BYTES) : null;
  if (!engagementBytes) {
    // Listed and present, yet unreadable or beyond any real size: nothing can be vouched for.
    if (seen.has(PACKAGE_FILES.engagement) && listing.files.includes(PACKAGE_FILES.engagement)) report(PACKAGE_FILES.engagement, '', 'package.verify.json', { error: `> ${MAX_JSON_BYTES / 1024 / 1024} Mio` });
    return result;
  }
  const engagementJson = parseJson(engagementBytes.toString('utf8'));
  if (!engagementJson.ok) {
    report(PACKAGE_FILES.engagement, '', 'package.verify.json', { error: engagementJson.error });
    return result;
  }
  const engagementParsed = engagementFileSchema.safeParse(engagementJson.value, { error: zodLocales[locale].localeError });
  if (!engagementParsed.success) {
    reportSchema(PACKAGE_FILES.engagement, engagementParsed.error.issues);
    return result;
  }
  const engagement = engagementParsed.data as EngagementFile;
  result.engagement = engagement;
  try {
    reportIssues(checkEngagementFile(engagement));
    reportIssues(checkManifestAgainstEngagement(manifest, engagement));
  } catch (error) {
    // Figures so large that their products leave exact integer arithmetic: no package holds them.
    if (!(error instanceof RangeError)) throw error;
    report(PACKAGE_FILES.engagement, 'totals', 'package.verify.numbersTooLarge');
  }

  // timesheet.csv: the same rows as engagement.json, in the same order.
  const csvBytes = seen.has(PACKAGE_FILES.timesheetCsv) ? await readPlainFile(path.join(folder, PACKAGE_FILES.timesheetCsv), MAX_CSV_BYTES) : null;
  if (csvBytes) {
    // The writer neutralises cells a spreadsheet would run as formulas: compare what it wrote.
    const expected = [[...TIMESHEET_CSV_HEADER], ...timesheetCsvRows(engagement)].map((row) => row.map(neutraliseFormula));
    const csv = readCsv(csvBytes);
    if (csv.encoding !== 'utf-8-bom') report(PACKAGE_FILES.timesheetCsv, '', 'package.verify.csvBom');
    if (csv.separator !== ';') report(PACKAGE_FILES.timesheetCsv, '', 'package.verify.csvSeparator');
    if (!endsRecordsWithCrlf(decodeCsvBytes(csvBytes).text)) report(PACKAGE_FILES.timesheetCsv, '', 'package.verify.csvLineEnds');
    const actual = csv.records.map((record) => record.cells);
    if (actual.length !== expected.length) {
      report(PACKAGE_FILES.timesheetCsv, '', 'package.verify.csvCount', { stated: Math.max(0, actual.length - 1), expected: expected.length - 1 });
    } else {
      const firstDifferent = expected.findIndex((row, index) => row.join('\u0000') !== actual[index]!.join('\u0000'));
      if (firstDifferent >= 0) report(PACKAGE_FILES.timesheetCsv, `${firstDifferent + 1}`, 'package.verify.csvRow', { line: firstDifferent + 1 });
    }
  }
  return result;
}
