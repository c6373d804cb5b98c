// report.html of the closing package: the mission report as one self-contained page. It loads
// nothing (a strict Content-Security-Policy says so to the browser too), runs no script, and is
// shown in the app's preview and in the Région's sandboxed viewer as well as printed.
import { formatDepartement } from '../../core/departements';
import { formatLongDate } from '../../core/calendar';
import type { ClosingDocumentInput, PackageDay } from '../../core/closingPackage';
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import { formatDays, formatMoney } from '../../core/money';
import { consultantNames, dayNote, formatPercent } from './words';

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** `55208131766522` → `552 081 317 66522` (SIREN in threes, then NIC), with no-break spaces. */
function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)}\u00a0${siret.slice(3, 6)}\u00a0${siret.slice(6, 9)}\u00a0${siret.slice(9)}` : siret;
}

type Row = [label: string, value: string];

/** A definition list of label → value pairs, both escaped. */
function facts(rows: Row[], className = 'facts'): string {
  const items = rows.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`);
  return `<dl class="${className}">${items.join('')}</dl>`;
}

function section(id: string, title: string, body: string): string {
  return `<section class="section" aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2>${body}</section>`;
}

/**
 * A CSS string literal: every character but letters and digits as a six-digit hex escape, so no
 * text can end the string or the style element. Spaces too: CSS eats one space after an escape.
 */
function cssString(text: string): string {
  const escaped = [...text].map((char) => (/[\p{L}\p{N}]/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16).padStart(6, '0')}`));
  return `"${escaped.join('')}"`;
}

// One dark blue accent on ink and greys; a system font stack (no web font to fetch); sizes in
// pt for print. Readable from 800 px (the app's preview) to 1200 px and on A4.
const REPORT_CSS = `
:root { --accent: #1f3a5f; --ink: #1c2430; --muted: #5a6472; --rule: #d3d9e1; --tint: #eef2f7; }
* { box-sizing: border-box; }
html { background: #fff; color: var(--ink); }
body { margin: 0; font: 14px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-variant-numeric: tabular-nums; }
.document { max-width: 1080px; margin: 0 auto; padding: 40px 48px 48px; }
h1, h2, h3, p, dl, dd { margin: 0; }
.label, dt, th { font-weight: 600; }
.masthead { border-bottom: 3px solid var(--accent); padding-bottom: 20px; margin-bottom: 8px; }
.masthead-top { display: flex; justify-content: space-between; gap: 24px; align-items: flex-start; }
.programme { color: var(--accent); font-weight: 600; font-size: 13px; letter-spacing: .02em; text-transform: uppercase; }
.funders { color: var(--muted); font-size: 13px; margin-top: 2px; }
.funders .label { color: var(--ink); margin-right: 4px; }
.reference { text-align: right; font-size: 13px; color: var(--muted); white-space: nowrap; }
.reference dt { display: inline; color: var(--ink); margin-right: 6px; }
.reference dd { display: inline; }
.reference div:first-child dd { color: var(--accent); font-weight: 700; font-size: 15px; }
h1 { color: var(--accent); font-size: 30px; line-height: 1.2; margin-top: 28px; letter-spacing: -.01em; }
.subtitle { color: var(--muted); font-size: 16px; margin-top: 4px; }
.parties { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 20px; }
.parties div { border-left: 3px solid var(--accent); padding: 2px 0 2px 12px; }
.parties dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; font-weight: 600; }
.parties dd { font-size: 17px; font-weight: 600; }
.section { margin-top: 28px; }
h2 { color: var(--accent); font-size: 18px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); margin-bottom: 12px; break-after: avoid; page-break-after: avoid; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px 24px; }
.facts dt { color: var(--muted); font-size: 12px; font-weight: 600; }
.facts dd { font-size: 14px; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
thead { display: table-header-group; }
th, td { text-align: left; vertical-align: top; padding: 7px 8px; }
thead th { color: var(--accent); border-bottom: 2px solid var(--accent); font-size: 12px; white-space: nowrap; }
tbody td { border-bottom: 1px solid var(--rule); }
tr { break-inside: avoid; page-break-inside: avoid; }
.number { text-align: right; white-space: nowrap; }
.days .date, .days .location { white-space: nowrap; }
@media (min-width: 1000px) { .days .consultant { white-space: nowrap; } }
.days .summary { white-space: pre-line; min-width: 16em; }
.days .note { color: var(--accent); font-weight: 600; min-width: 7em; }
.days tr.flagged td { background: var(--tint); }
.days tr.flagged td:first-child { border-left: 3px solid var(--accent); }
.empty { color: var(--muted); font-style: italic; }
.totals { width: auto; min-width: 60%; margin-left: auto; font-size: 14px; }
.totals th { font-weight: 400; padding-right: 32px; }
.totals td, .totals th { border-bottom: 1px solid var(--rule); }
.totals tr.amount th, .totals tr.amount td { font-weight: 700; color: var(--accent); border-top: 2px solid var(--accent); }
.deliverables .path { overflow-wrap: anywhere; }
.deliverables .hash { font-family: ui-monospace, "SF Mono", Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 11px; word-break: break-all; color: var(--muted); width: 34%; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 32px; break-inside: avoid; page-break-inside: avoid; }
.signature { border: 1px solid var(--rule); padding: 14px 16px 16px; }
.signature h3 { font-size: 14px; color: var(--accent); }
.signature .party { font-weight: 600; margin-bottom: 10px; }
.signature dl div { display: flex; gap: 8px; align-items: flex-end; margin-top: 10px; }
.signature dt { font-size: 12px; color: var(--muted); min-width: 5em; }
.signature dd { flex: 1; border-bottom: 1px dotted var(--muted); min-height: 1.4em; }
.sign-label { font-size: 12px; font-weight: 600; color: var(--muted); margin-top: 14px; }
.sign-box { height: 96px; border: 1px dashed var(--rule); margin-top: 4px; }
.colophon { margin-top: 32px; padding-top: 10px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
@media (max-width: 860px) { .document { padding: 24px 20px 32px; } .days .summary { min-width: 12em; } }
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-left { font: 8pt "Segoe UI", system-ui, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #5a6472; } @bottom-right { font: 8pt "Segoe UI", system-ui, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #5a6472; } }
@media print {
  body { font-size: 9.5pt; }
  .document { max-width: none; padding: 0; }
  h1 { font-size: 20pt; margin-top: 14pt; }
  h2 { font-size: 12pt; }
  table, .totals { font-size: 8.5pt; }
  thead th { font-size: 8pt; }
  th, td { padding: 4pt 5pt; }
  .section { margin-top: 16pt; }
  .facts { grid-template-columns: repeat(3, 1fr); gap: 6pt 16pt; }
  .days tr.flagged td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .signature dl div { margin-top: 6pt; }
  .sign-box { height: 70pt; }
}`;

export function renderReportHtml(input: ClosingDocumentInput): string {
  const { file, locale } = input;
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const { programme, company, engagement, totals } = file;
  const money = (cents: number) => formatMoney(cents, locale);
  const longDate = (date: string) => formatLongDate(date, locale);
  const createdOn = longDate(input.createdAt.slice(0, 10));
  const version = t('doc.version', { version: input.version });
  const nameOf = consultantNames(file);
  const publicRate = formatPercent(programme.publicShareBasisPoints, locale);
  const companyRate = formatPercent(10_000 - programme.publicShareBasisPoints, locale);

  const masthead = `<header class="masthead">
<div class="masthead-top"><div><p class="programme">${escapeHtml(programme.name)}</p>
<p class="funders"><span class="label">${escapeHtml(t('doc.funders'))}</span> ${programme.funders.map(escapeHtml).join(' · ')}</p></div>
<dl class="reference"><div><dt>${escapeHtml(t('doc.ref'))}</dt><dd>${escapeHtml(engagement.ref)}</dd></div><div><dd>${escapeHtml(version)}</dd></div><div><dd>${escapeHtml(t('doc.createdAt', { date: createdOn }))}</dd></div></dl></div>
<h1>${escapeHtml(t('doc.report.title'))}</h1>
<p class="subtitle">${escapeHtml(t('doc.report.subtitle'))}</p>
${facts([[t('doc.company'), company.name], [t('doc.firm'), input.firmName]], 'parties')}
</header>`;

  const companySection = section(
    'company',
    t('doc.section.company'),
    facts([
      [t('doc.company'), company.name],
      [t('doc.company.siret'), formatSiret(company.siret)],
      [t('doc.company.naf'), company.nafCode],
      [t('doc.company.headcount'), t('doc.company.headcount.value', { count: company.headcount })],
      [t('doc.company.address'), `${company.postalCode} ${company.city}`],
      [t('doc.company.departement'), formatDepartement(company.departement)],
    ]),
  );

  const missionSection = section(
    'mission',
    t('doc.section.mission'),
    facts([
      [t('doc.mission.wave'), engagement.wave],
      [t('doc.mission.projectType'), t(`projectType.${engagement.projectType}`)],
      [t('doc.mission.phase'), t(`phase.${engagement.phase}`)],
      [t('doc.mission.period'), t('doc.mission.period.value', { from: longDate(engagement.startedOn), to: longDate(engagement.completedOn) })],
      [t('doc.mission.allowance'), t('doc.mission.allowance.value', { days: engagement.allowanceDays })],
      [t('doc.mission.dailyRate'), money(engagement.dailyRateCents)],
      [t('doc.mission.consultants'), engagement.consultants.map((consultant) => consultant.name).join(', ')],
    ]),
  );

  const dayRow = (day: PackageDay) => {
    const note = dayNote(day, locale);
    const duration = t(day.halfDays === 2 ? 'doc.days.duration.full' : 'doc.days.duration.half');
    return `<tr${note ? ' class="flagged"' : ''}><td class="date">${escapeHtml(longDate(day.date))}</td><td class="consultant">${escapeHtml(nameOf(day.consultantId))}</td><td class="number">${escapeHtml(duration)}</td><td>${escapeHtml(t(`activity.${day.activity}`))}</td><td class="location">${escapeHtml(t(`location.${day.location}`))}</td><td class="summary">${escapeHtml(day.summary)}</td><td class="note">${escapeHtml(note)}</td></tr>`;
  };
  const dayHeaders: MessageKey[] = ['doc.days.date', 'doc.days.consultant', 'doc.days.duration', 'doc.days.activity', 'doc.days.location', 'doc.days.summary', 'doc.days.flags'];
  const daysSection = section(
    'days',
    t('doc.section.days'),
    file.days.length === 0
      ? `<p class="empty">${escapeHtml(t('doc.days.empty'))}</p>`
      : `<table class="days"><thead><tr>${dayHeaders.map((key) => `<th scope="col"${key === 'doc.days.duration' ? ' class="number"' : ''}>${escapeHtml(t(key))}</th>`).join('')}</tr></thead><tbody>${file.days.map(dayRow).join('\n')}</tbody></table>`,
  );

  const totalRows: [label: string, value: string, className: string][] = [
    [t('doc.totals.days'), t('doc.totals.days.value', { days: formatDays(totals.halfDaysLogged, locale), allowance: engagement.allowanceDays }), ''],
    [t('doc.totals.amount'), money(totals.amountCents), 'amount'],
    [t('doc.totals.public', { rate: publicRate }), money(totals.publicShareCents), ''],
    [t('doc.totals.company', { rate: companyRate }), money(totals.companyShareCents), ''],
  ];
  const totalsSection = section(
    'totals',
    t('doc.section.totals'),
    `<table class="totals"><tbody>${totalRows.map(([label, value, className]) => `<tr${className ? ` class="${className}"` : ''}><th scope="row">${escapeHtml(label)}</th><td class="number">${escapeHtml(value)}</td></tr>`).join('')}</tbody></table>`,
  );

  const deliverableHeaders: MessageKey[] = ['doc.deliverables.kind', 'doc.deliverables.title', 'doc.deliverables.file', 'doc.deliverables.sha256'];
  const deliverablesSection = section(
    'deliverables',
    t('doc.section.deliverables'),
    file.deliverables.length === 0
      ? `<p class="empty">${escapeHtml(t('doc.deliverables.empty'))}</p>`
      : `<table class="deliverables"><thead><tr>${deliverableHeaders.map((key) => `<th scope="col">${escapeHtml(t(key))}</th>`).join('')}</tr></thead><tbody>${file.deliverables
          .map((deliverable) => `<tr><td>${escapeHtml(t(`deliverable.${deliverable.kind}`))}</td><td>${escapeHtml(deliverable.title)}</td><td class="path">${escapeHtml(deliverable.path)}</td><td class="hash">${escapeHtml(deliverable.sha256)}</td></tr>`)
          .join('\n')}</tbody></table>`,
  );

  const signatureBlock = (heading: MessageKey, party: string) => `<div class="signature"><h3>${escapeHtml(t(heading))}</h3><p class="party">${escapeHtml(party)}</p>
<dl>${(['doc.signature.name', 'doc.signature.role', 'doc.signature.date'] as const).map((key) => `<div><dt>${escapeHtml(t(key))}</dt><dd></dd></div>`).join('')}</dl>
<p class="sign-label">${escapeHtml(t('doc.signature.sign'))}</p><div class="sign-box"></div></div>`;
  const signaturesSection = section(
    'signatures',
    t('doc.section.signatures'),
    `<div class="signatures">${signatureBlock('doc.signature.firm', input.firmName)}${signatureBlock('doc.signature.company', company.name)}</div>`,
  );

  const footer = `${t('doc.generatedBy', { generator: input.generator })} — ${engagement.ref} — ${version}`;
  // Page numbers in print margins: the words around them come from the catalogue, as CSS strings.
  const [beforePage = '', betweenPages = '', afterPages = ''] = t('doc.page', { page: '\u0000', pages: '\u0000' }).split('\u0000');
  const pageCounter = `${cssString(beforePage)} counter(page) ${cssString(betweenPages)} counter(pages) ${cssString(afterPages)}`;
  const printFooter = `@page { @bottom-left { content: ${cssString(`${engagement.ref} — ${version}`)}; } @bottom-right { content: ${pageCounter}; } }`;

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(input.generator)}">
<title>${escapeHtml(`${t('doc.report.title')} — ${engagement.ref} — ${version}`)}</title>
<style>
${REPORT_CSS}
${printFooter}
</style>
</head>
<body>
<main class="document">
${masthead}
${companySection}
${missionSection}
${daysSection}
${totalsSection}
${deliverablesSection}
${signaturesSection}
<footer class="colophon">${escapeHtml(footer)}</footer>
</main>
</body>
</html>
`;
}
