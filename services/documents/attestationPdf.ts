// attestation.pdf of the closing package: the « attestation de service fait » the company signs,
// naming both parties, the service, its amount and who pays what. One page in the normal case.
import type { ClosingDocumentInput } from '../../core/closingPackage';
import { translate } from '../../core/i18n';
import { formatDays, formatMoney } from '../../core/money';
import { formatLongDate } from '../../core/calendar';
import {
  COLORS,
  amountRows,
  contentWidth,
  drawSignatureBlock,
  ensureSpace,
  flow,
  formatSiret,
  issueDate,
  keyValueRows,
  left,
  masthead,
  measure,
  openPdf,
  pdfBuffer,
  sectionHeading,
  write,
  writeFooters,
  type Pdf,
  type TextOptions,
} from './pdf';
import { formatPercent, periodText } from './words';

const SIGNATURE_HEIGHT = 170;

export async function renderAttestationPdf(input: ClosingDocumentInput): Promise<Buffer> {
  const doc = openPdf(input, 'doc.attestation.title');
  const { file, locale } = input;
  const { engagement, programme, totals } = file;
  const version = translate(locale, 'doc.version', { version: input.version });

  masthead(doc, input.firmName, `${translate(locale, 'doc.ref')} ${engagement.ref}`, version);
  flow(doc, translate(locale, 'doc.attestation.title'), { font: 'bold', size: 20, color: COLORS.accent, gapAfter: 4 });
  const issuedOn = formatLongDate(issueDate(input.createdAt), locale);
  flow(doc, translate(locale, 'doc.createdAt', { date: issuedOn }), { font: 'italic', size: 9, color: COLORS.muted });

  sectionHeading(doc, translate(locale, 'doc.attestation.parties'), undefined, 70);
  writeParties(doc, input);

  doc.y += 16;
  keyValueRows(doc, [
    [translate(locale, 'doc.ref'), `${engagement.ref} — ${version}`],
    [translate(locale, 'doc.programme'), programme.name],
    [translate(locale, 'doc.funders'), programme.funders.join(' · ')],
    [translate(locale, 'doc.mission.period'), periodText(engagement.startedOn, engagement.completedOn, locale)],
    [translate(locale, 'doc.totals.days'), translate(locale, 'doc.totals.days.value', { days: formatDays(totals.halfDaysLogged, locale), allowance: engagement.allowanceDays })],
  ]);
  doc.y += 8;
  amountRows(doc, [
    { label: translate(locale, 'doc.totals.amount'), value: formatMoney(totals.amountCents, locale), strong: true },
    { label: translate(locale, 'doc.totals.public', { rate: formatPercent(programme.publicShareBasisPoints, locale) }), value: formatMoney(totals.publicShareCents, locale) },
    { label: translate(locale, 'doc.totals.company', { rate: formatPercent(10_000 - programme.publicShareBasisPoints, locale) }), value: formatMoney(totals.companyShareCents, locale) },
  ]);

  doc.y += 18;
  const statement = translate(locale, 'doc.attestation.statement', {
    programme: programme.name,
    days: formatDays(totals.halfDaysLogged, locale),
    from: formatLongDate(engagement.startedOn, locale),
    to: formatLongDate(engagement.completedOn, locale),
    amount: formatMoney(totals.amountCents, locale),
  });
  const split = translate(locale, 'doc.attestation.split', { public: formatMoney(totals.publicShareCents, locale), company: formatMoney(totals.companyShareCents, locale) });
  flow(doc, `${statement} ${split}`, { size: 9.5, gapAfter: 8 });
  flow(doc, translate(locale, 'doc.attestation.conformity'), { size: 9.5, gapAfter: 24 });

  writeSignature(doc, input);
  writeFooters(doc, locale, `${engagement.ref} · ${translate(locale, 'doc.attestation.title')} · ${version}`);
  return pdfBuffer(doc);
}

/** The firm and the company side by side, each in a framed box of the same height. */
function writeParties(doc: Pdf, { file, firmName, locale }: ClosingDocumentInput): void {
  const gap = 16;
  const width = (contentWidth(doc) - gap) / 2;
  const inner = width - 20;
  const parties = [
    [translate(locale, 'doc.firm'), firmName, ''],
    [
      translate(locale, 'doc.company'),
      file.company.name,
      `${translate(locale, 'doc.company.siret')} ${formatSiret(file.company.siret)}\n${file.company.postalCode} ${file.company.city}`,
    ],
  ] as const;
  const styles: TextOptions[] = [
    { size: 7.5, color: COLORS.muted, width: inner },
    { font: 'bold', size: 10.5, width: inner },
    { size: 9, width: inner },
  ];
  const heightOf = (lines: readonly string[]) => lines.reduce((sum, line, index) => sum + (line ? measure(doc, line, styles[index]!) + 4 : 0), 0);
  const height = Math.max(...parties.map(heightOf)) + 20;
  ensureSpace(doc, height);
  const y = doc.y;
  parties.forEach((lines, column) => {
    const x = left(doc) + column * (width + gap);
    doc.save().roundedRect(x, y, width, height, 3).lineWidth(0.75).strokeColor(COLORS.rule).stroke().restore();
    doc.save().rect(x, y + 3, 3, height - 6).fill(COLORS.accent).restore();
    let cursor = y + 10;
    lines.forEach((line, index) => {
      if (line) cursor += write(doc, line, x + 12, cursor, styles[index]!) + 4;
    });
  });
  doc.y = y + height;
}

/** The company's signatory: name, position, place, date, and a box for signature and stamp. */
function writeSignature(doc: Pdf, { file, locale }: ClosingDocumentInput): void {
  ensureSpace(doc, SIGNATURE_HEIGHT);
  const width = contentWidth(doc);
  const x = left(doc);
  const y = doc.y;
  drawSignatureBlock(
    doc,
    {
      heading: translate(locale, 'doc.signature.company'),
      party: file.company.name,
      lines: [
        translate(locale, 'doc.signature.name'),
        translate(locale, 'doc.signature.role'),
        translate(locale, 'doc.attestation.place'),
        translate(locale, 'doc.signature.date'),
      ],
      boxLabel: translate(locale, 'doc.pdf.signature.stamp'),
      height: SIGNATURE_HEIGHT,
      boxBeside: true,
    },
    x,
    y,
    width,
  );
  doc.y = y + SIGNATURE_HEIGHT;
}
