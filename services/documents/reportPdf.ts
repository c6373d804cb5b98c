// report.pdf of the closing package: the mission report the firm hands the Région — who, what,
// every day logged, what it costs and who pays, the deliverables, and room for both signatures.
import { formatDepartement } from '../../core/departements';
import { formatLongDate } from '../../core/calendar';
import type { ClosingDocumentInput, PackageDeliverable } from '../../core/closingPackage';
import type { Locale } from '../../core/domain';
import { translate } from '../../core/i18n';
import { formatDays, formatMoney } from '../../core/money';
import {
  COLORS,
  amountRows,
  contentWidth,
  drawSignatureBlock,
  drawTable,
  ensureSpace,
  flow,
  formatSiret,
  issueDate,
  keyValueHeight,
  keyValueRows,
  left,
  masthead,
  openPdf,
  pdfBuffer,
  sectionHeading,
  tableStartHeight,
  writeFooters,
  type CellParagraph,
  type Pdf,
  type Table,
  type TableCell,
} from './pdf';
import { dayNote, formatPercent, periodText } from './words';

const SIGNATURES_HEIGHT = 220;

export async function renderReportPdf(input: ClosingDocumentInput): Promise<Buffer> {
  const doc = openPdf(input, 'doc.report.title');
  const { locale } = input;

  writeCover(doc, input);
  writeCompany(doc, input);
  writeMission(doc, input);
  writeDays(doc, input);
  writeTotals(doc, input);
  writeDeliverables(doc, input);
  writeSignatures(doc, input);
  doc.y += 14;
  flow(doc, translate(locale, 'doc.generatedBy', { generator: input.generator }), { size: 7, color: COLORS.muted });

  writeFooters(doc, locale, `${input.file.engagement.ref} · ${translate(locale, 'doc.report.title')} · ${translate(locale, 'doc.version', { version: input.version })}`);
  return pdfBuffer(doc);
}

function writeCover(doc: Pdf, input: ClosingDocumentInput): void {
  const { file, locale } = input;
  const width = contentWidth(doc);
  masthead(doc, input.firmName, `${translate(locale, 'doc.ref')} ${file.engagement.ref}`, translate(locale, 'doc.version', { version: input.version }));
  flow(doc, translate(locale, 'doc.report.title'), { font: 'bold', size: 22, color: COLORS.accent, gapAfter: 2 });
  flow(doc, translate(locale, 'doc.report.subtitle'), { size: 11, color: COLORS.muted, gapAfter: 14 });
  flow(doc, file.company.name, { font: 'bold', size: 15, gapAfter: 12 });

  const rows = [
    [translate(locale, 'doc.programme'), file.programme.name],
    [translate(locale, 'doc.funders'), file.programme.funders.join(' · ')],
    [translate(locale, 'doc.company'), file.company.name],
    [translate(locale, 'doc.firm'), input.firmName],
    [translate(locale, 'doc.ref'), `${file.engagement.ref} — ${translate(locale, 'doc.version', { version: input.version })}`],
  ] as const;
  const options = { inset: 12, labelWidth: 138 };
  const bandHeight = keyValueHeight(doc, rows, options) + 20;
  ensureSpace(doc, bandHeight);
  const bandTop = doc.y;
  doc.save().rect(left(doc), bandTop, width, bandHeight).fill(COLORS.band).restore();
  doc.save().rect(left(doc), bandTop, 3, bandHeight).fill(COLORS.accent).restore();
  doc.y += 12;
  keyValueRows(doc, rows, options);
  doc.y = bandTop + bandHeight + 8;
  const issuedOn = formatLongDate(issueDate(input.createdAt), locale);
  flow(doc, translate(locale, 'doc.createdAt', { date: issuedOn }), { font: 'italic', size: 9, color: COLORS.muted, align: 'right' });
}

function writeCompany(doc: Pdf, { file, locale }: ClosingDocumentInput): void {
  const { company } = file;
  sectionHeading(doc, translate(locale, 'doc.section.company'), 1);
  keyValueRows(doc, [
    [translate(locale, 'doc.company'), company.name],
    [translate(locale, 'doc.company.siret'), formatSiret(company.siret)],
    [translate(locale, 'doc.company.naf'), company.nafCode],
    [translate(locale, 'doc.company.headcount'), translate(locale, 'doc.company.headcount.value', { count: formatCount(company.headcount, locale) })],
    [translate(locale, 'doc.company.address'), `${company.postalCode} ${company.city}`],
    [translate(locale, 'doc.company.departement'), formatDepartement(company.departement)],
  ]);
}

function writeMission(doc: Pdf, { file, locale }: ClosingDocumentInput): void {
  const { engagement } = file;
  sectionHeading(doc, translate(locale, 'doc.section.mission'), 2);
  keyValueRows(doc, [
    [translate(locale, 'doc.mission.wave'), engagement.wave],
    [translate(locale, 'doc.mission.projectType'), translate(locale, `projectType.${engagement.projectType}`)],
    [translate(locale, 'doc.mission.phase'), translate(locale, `phase.${engagement.phase}`)],
    [translate(locale, 'doc.mission.period'), periodText(engagement.startedOn, engagement.completedOn, locale)],
    [translate(locale, 'doc.mission.allowance'), translate(locale, 'doc.mission.allowance.value', { days: engagement.allowanceDays })],
    [translate(locale, 'doc.mission.dailyRate'), formatMoney(engagement.dailyRateCents, locale)],
    [translate(locale, 'doc.mission.consultants'), engagement.consultants.map((consultant) => consultant.name).join(', ')],
  ]);
}

const tableDates = {
  fr: new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
};

function writeDays(doc: Pdf, { file, locale }: ClosingDocumentInput): void {
  if (file.days.length === 0) {
    sectionHeading(doc, translate(locale, 'doc.section.days'), 3);
    flow(doc, translate(locale, 'doc.days.empty'), { font: 'italic', color: COLORS.muted });
    return;
  }
  const consultants = new Map(file.engagement.consultants.map((consultant) => [consultant.id, consultant.name]));
  const width = contentWidth(doc);
  const note: CellParagraph['style'] = { font: 'italic', size: 7, color: COLORS.accent };
  const table: Table = {
    columns: [
      // Wide enough for the longest word of each column in both languages (« Duration », « À distance »).
      { header: translate(locale, 'doc.days.date'), width: 78 },
      { header: translate(locale, 'doc.days.consultant'), width: 78 },
      { header: translate(locale, 'doc.days.duration'), width: 46, align: 'right' },
      { header: translate(locale, 'doc.days.activity'), width: 68 },
      { header: translate(locale, 'doc.days.location'), width: 54 },
      { header: translate(locale, 'doc.days.summary'), width: width - 324 },
    ],
    continuedCaption: translate(locale, 'doc.pdf.continued', { section: translate(locale, 'doc.section.days') }),
    rows: file.days.map((day): TableCell[] => {
      const date: CellParagraph[] = [{ text: tableDates[locale].format(new Date(`${day.date}T00:00:00Z`)) }];
      if (day.flags.length > 0) date.push({ text: dayNote(day, locale, ' · '), style: note });
      return [
        date,
        consultants.get(day.consultantId) ?? day.consultantId,
        translate(locale, day.halfDays === 2 ? 'doc.days.duration.full' : 'doc.days.duration.half'),
        translate(locale, `activity.${day.activity}`),
        translate(locale, `location.${day.location}`),
        day.summary,
      ];
    }),
  };
  sectionHeading(doc, translate(locale, 'doc.section.days'), 3, tableStartHeight(doc, table));
  drawTable(doc, table);
}

function writeTotals(doc: Pdf, { file, locale }: ClosingDocumentInput): void {
  const { totals, engagement, programme } = file;
  sectionHeading(doc, translate(locale, 'doc.section.totals'), 4, 140);
  amountRows(doc, [
    { label: translate(locale, 'doc.totals.days'), value: translate(locale, 'doc.totals.days.value', { days: formatDays(totals.halfDaysLogged, locale), allowance: engagement.allowanceDays }) },
    { label: translate(locale, 'doc.mission.dailyRate'), value: formatMoney(engagement.dailyRateCents, locale) },
    { label: translate(locale, 'doc.totals.amount'), value: formatMoney(totals.amountCents, locale), strong: true },
    { label: translate(locale, 'doc.totals.public', { rate: formatPercent(programme.publicShareBasisPoints, locale) }), value: formatMoney(totals.publicShareCents, locale) },
    { label: translate(locale, 'doc.totals.company', { rate: formatPercent(10_000 - programme.publicShareBasisPoints, locale) }), value: formatMoney(totals.companyShareCents, locale) },
  ]);
}

/** A SHA-256 on two lines of 32 characters, so that it fits its column and copies whole. */
function fingerprint(deliverable: PackageDeliverable): CellParagraph[] {
  const style: CellParagraph['style'] = { font: 'mono', size: 6.5, color: COLORS.muted };
  return [{ text: deliverable.sha256.slice(0, 32), style }, { text: deliverable.sha256.slice(32), style }];
}

function writeDeliverables(doc: Pdf, { file, locale }: ClosingDocumentInput): void {
  if (file.deliverables.length === 0) {
    sectionHeading(doc, translate(locale, 'doc.section.deliverables'), 5);
    flow(doc, translate(locale, 'doc.deliverables.empty'), { font: 'italic', color: COLORS.muted });
    return;
  }
  const width = contentWidth(doc);
  const table: Table = {
    columns: [
      { header: translate(locale, 'doc.deliverables.kind'), width: 74 },
      { header: translate(locale, 'doc.deliverables.title'), width: width - 74 - 128 - 136 },
      { header: translate(locale, 'doc.deliverables.file'), width: 128 },
      { header: translate(locale, 'doc.deliverables.sha256'), width: 136 },
    ],
    continuedCaption: translate(locale, 'doc.pdf.continued', { section: translate(locale, 'doc.section.deliverables') }),
    rows: file.deliverables.map((deliverable) => [
      translate(locale, `deliverable.${deliverable.kind}`),
      deliverable.title,
      deliverable.path,
      fingerprint(deliverable),
    ]),
  };
  sectionHeading(doc, translate(locale, 'doc.section.deliverables'), 5, tableStartHeight(doc, table));
  drawTable(doc, table);
}

function writeSignatures(doc: Pdf, input: ClosingDocumentInput): void {
  const { locale } = input;
  const gap = 24;
  const width = (contentWidth(doc) - gap) / 2;
  const lines = [translate(locale, 'doc.signature.name'), translate(locale, 'doc.signature.role'), translate(locale, 'doc.signature.date')];
  sectionHeading(doc, translate(locale, 'doc.section.signatures'), 6, SIGNATURES_HEIGHT);
  ensureSpace(doc, SIGNATURES_HEIGHT);
  const y = doc.y;
  drawSignatureBlock(doc, { heading: translate(locale, 'doc.signature.firm'), party: input.firmName, lines, boxLabel: translate(locale, 'doc.signature.sign'), height: SIGNATURES_HEIGHT }, left(doc), y, width);
  drawSignatureBlock(
    doc,
    { heading: translate(locale, 'doc.signature.company'), party: input.file.company.name, lines, boxLabel: translate(locale, 'doc.pdf.signature.stamp'), height: SIGNATURES_HEIGHT },
    left(doc) + width + gap,
    y,
    width,
  );
  doc.y = y + SIGNATURES_HEIGHT;
}

function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(count);
}
