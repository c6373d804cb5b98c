// The programme as the Région sees it across every firm: the latest version of each engagement's
// package, its public share counted as approved or pending against the envelope, and slices by
// wave, sector, département, project type and firm. Exported as XLSX and CSV.
import ExcelJS from 'exceljs';
import { writeCsv } from '../../core/csv';
import type { ExportedDocument } from '../../core/contract';
import { translate, type MessageKey } from '../../core/i18n';
import type { ProgrammeMission, ProgrammeSlice, RegionProgrammeView, ReviewQueueRow } from '../../core/review';
import type { ServiceContext } from '../context';
import { reviewQueue } from './catalogue';

function sliceBy(missions: readonly ProgrammeMission[], keyOf: (mission: ProgrammeMission) => string, labelOf: (key: string) => string = (key) => key): ProgrammeSlice[] {
  const slices = new Map<string, ProgrammeSlice>();
  for (const mission of missions) {
    const key = keyOf(mission);
    const slice = slices.get(key) ?? { key, label: labelOf(key), missions: 0, halfDays: 0, approvedPublicCents: 0, pendingPublicCents: 0 };
    slice.missions++;
    slice.halfDays += mission.halfDays;
    if (mission.status === 'approved') slice.approvedPublicCents += mission.publicShareCents;
    else slice.pendingPublicCents += mission.publicShareCents;
    slices.set(key, slice);
  }
  return [...slices.values()].sort((a, b) => b.approvedPublicCents + b.pendingPublicCents - (a.approvedPublicCents + a.pendingPublicCents) || a.label.localeCompare(b.label));
}

/** How far a copy's review went: the copy counted is the one decided, if any. */
const STATUS_RANK: Record<ReviewQueueRow['status'], number> = { new: 0, in_review: 1, changes_requested: 2, approved: 3 };

/**
 * The missions counted: one per engagement (company and reference), its latest readable version.
 * The same package seen twice — a copy opened by hand, a folder watched under two names — counts
 * once, and an unreadable later version does not hide the readable one before it.
 */
export function missionsOf(rows: readonly ReviewQueueRow[]): ProgrammeMission[] {
  const chosen = new Map<string, ReviewQueueRow>();
  for (const row of rows) {
    if (row.companyName === null || row.projectType === null) continue;
    const identity = `${row.siret ?? row.companyName}\u0000${row.ref}`;
    const current = chosen.get(identity);
    const better =
      !current ||
      row.version > current.version ||
      (row.version === current.version && (STATUS_RANK[row.status] > STATUS_RANK[current.status] || (STATUS_RANK[row.status] === STATUS_RANK[current.status] && row.exchangeFolder !== null && current.exchangeFolder === null)));
    if (better) chosen.set(identity, row);
  }
  return [...chosen.values()]
    .map((row) => ({
      key: row.key,
      firm: row.firm,
      ref: row.ref,
      version: row.version,
      companyName: row.companyName!,
      wave: row.wave ?? '',
      sector: row.sector ?? '',
      departement: row.departement ?? '',
      projectType: row.projectType!,
      status: row.status,
      halfDays: row.halfDaysLogged ?? 0,
      amountCents: row.amountCents ?? 0,
      publicShareCents: row.publicShareCents ?? 0,
    }))
    .sort((a, b) => a.firm.localeCompare(b.firm) || a.ref.localeCompare(b.ref));
}

export async function regionProgramme(context: ServiceContext): Promise<RegionProgrammeView> {
  const locale = context.settings.get().locale;
  const missions = missionsOf(await reviewQueue(context));
  const programme = (await context.db('programmes').orderBy('opens_on').first('name', 'envelope_cents')) as { name: string; envelope_cents: number } | undefined;
  const sum = (filter: (mission: ProgrammeMission) => boolean) => missions.filter(filter).reduce((total, mission) => total + mission.publicShareCents, 0);
  return {
    programmeName: programme?.name ?? '',
    envelopeCents: programme?.envelope_cents ?? 0,
    approvedPublicCents: sum((mission) => mission.status === 'approved'),
    submittedPublicCents: sum(() => true),
    pendingPublicCents: sum((mission) => mission.status !== 'approved'),
    missions,
    byWave: sliceBy(missions, (mission) => mission.wave),
    bySector: sliceBy(missions, (mission) => mission.sector),
    byDepartement: sliceBy(missions, (mission) => mission.departement),
    byProjectType: sliceBy(missions, (mission) => mission.projectType, (key) => translate(locale, `projectType.${key}` as MessageKey)),
    byFirm: sliceBy(missions, (mission) => mission.firm),
  };
}

const MISSION_COLUMNS = ['firm', 'ref', 'version', 'company', 'wave', 'sector', 'departement', 'projectType', 'status', 'days', 'amount', 'publicShare'] as const;

const missionCells = (mission: ProgrammeMission, locale: 'fr' | 'en') => [
  mission.firm,
  mission.ref,
  mission.version,
  mission.companyName,
  mission.wave,
  mission.sector,
  mission.departement,
  translate(locale, `projectType.${mission.projectType}` as MessageKey),
  translate(locale, `review.status.${mission.status}`),
  mission.halfDays / 2,
  mission.amountCents / 100,
  mission.publicShareCents / 100,
];

/** The programme's summary as a spreadsheet (summary, slices, missions) or a CSV of the missions. */
export async function exportRegionProgramme(context: ServiceContext, format: 'xlsx' | 'csv'): Promise<ExportedDocument> {
  const locale = context.settings.get().locale;
  const t = (key: MessageKey) => translate(locale, key);
  const view = await regionProgramme(context);
  const stamp = context.now().toISOString().slice(0, 10);
  const header = MISSION_COLUMNS.map((column) => t(`review.export.column.${column}`));
  if (format === 'csv') {
    // Raw numbers (decimal point), `;`, BOM, CRLF: like timesheet.csv.
    const rows = view.missions.map((mission) => missionCells(mission, locale).map((cell) => (typeof cell === 'number' ? String(cell) : cell)));
    return { fileName: `programme-${stamp}.csv`, mimeType: 'text/csv;charset=utf-8', contentBase64: Buffer.from(writeCsv([header, ...rows]), 'utf8').toString('base64') };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Carnet';
  workbook.created = context.now();
  const money = '#,##0.00 "€"';
  const summary = workbook.addWorksheet(t('review.export.sheet.summary'));
  summary.columns = [{ width: 44 }, { width: 18 }];
  summary.addRow([view.programmeName]).font = { bold: true, size: 14 };
  const figures: [MessageKey, number][] = [
    ['review.export.envelope', view.envelopeCents],
    ['review.export.approved', view.approvedPublicCents],
    ['review.export.pending', view.pendingPublicCents],
    ['review.export.submitted', view.submittedPublicCents],
    ['review.export.rest', view.envelopeCents - view.approvedPublicCents - view.pendingPublicCents],
  ];
  for (const [label, cents] of figures) summary.addRow([t(label), cents / 100]).getCell(2).numFmt = money;
  const slices: [MessageKey, ProgrammeSlice[]][] = [
    ['review.export.by.wave', view.byWave],
    ['review.export.by.sector', view.bySector],
    ['review.export.by.departement', view.byDepartement],
    ['review.export.by.projectType', view.byProjectType],
    ['review.export.by.firm', view.byFirm],
  ];
  for (const [title, rows] of slices) {
    summary.addRow([]);
    const head = summary.addRow([t(title), t('review.export.column.missions'), t('review.export.column.days'), t('review.export.approved'), t('review.export.pending')]);
    head.font = { bold: true };
    for (const slice of rows) {
      const row = summary.addRow([slice.label, slice.missions, slice.halfDays / 2, slice.approvedPublicCents / 100, slice.pendingPublicCents / 100]);
      row.getCell(4).numFmt = money;
      row.getCell(5).numFmt = money;
    }
  }
  summary.getColumn(3).width = 12;
  summary.getColumn(4).width = 18;
  summary.getColumn(5).width = 18;
  const sheet = workbook.addWorksheet(t('review.export.sheet.missions'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [24, 14, 9, 32, 22, 30, 12, 34, 24, 9, 14, 14].map((width) => ({ width }));
  sheet.addRow(header).font = { bold: true };
  for (const mission of view.missions) {
    const row = sheet.addRow(missionCells(mission, locale));
    row.getCell(11).numFmt = money;
    row.getCell(12).numFmt = money;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `programme-${stamp}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: bytes.toString('base64') };
}
