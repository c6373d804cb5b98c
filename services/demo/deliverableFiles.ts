// Deliverable files of the demo dataset: small, valid, deterministic PDFs (one page of text in a
// standard font), so that a closing package of the demo carries real attachments.
import type { Company, DeliverableKind, Engagement } from '../../core/domain';
import { formatLongDate } from '../../core/calendar';

export interface DemoDeliverableFile {
  engagementId: string;
  kind: DeliverableKind;
  title: string;
  fileName: string;
  content: Buffer;
}

/** A PDF string literal in WinAnsiEncoding: accents as octal escapes, `\`, `(` and `)` escaped. */
function pdfText(text: string): string {
  const bytes = Buffer.from(text.replace(/[’‘]/g, "'").replace(/[«»]/g, '"'), 'latin1');
  return `(${[...bytes].map((byte) => (byte === 0x5c || byte === 0x28 || byte === 0x29 ? `\\${String.fromCharCode(byte)}` : byte < 0x20 || byte > 0x7e ? `\\${byte.toString(8).padStart(3, '0')}` : String.fromCharCode(byte))).join('')})`;
}

/** One A4 page: a title and lines of text, written by hand with a correct cross-reference table. */
export function minimalPdf(title: string, lines: string[]): Buffer {
  const content = [
    'BT /F1 18 Tf 56 770 Td', `${pdfText(title)} Tj`, 'ET',
    ...lines.flatMap((line, index) => ['BT /F1 11 Tf', `56 ${730 - index * 18} Td`, `${pdfText(line)} Tj`, 'ET']),
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const slug = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/** The diagnostic and the action plan of a finished mission. */
export function demoDeliverables(engagement: Engagement, company: Company): DemoDeliverableFile[] {
  const period = engagement.startedOn && engagement.completedOn
    ? `Mission du ${formatLongDate(engagement.startedOn, 'fr')} au ${formatLongDate(engagement.completedOn, 'fr')}`
    : 'Mission en cours';
  const header = [`${company.name} — ${company.city}`, `Référence ${engagement.ref}`, period, ''];
  return [
    {
      engagementId: engagement.id,
      kind: 'diagnostic',
      title: `Diagnostic — ${company.name}`,
      fileName: `diagnostic-${slug(company.name)}.pdf`,
      content: minimalPdf('Diagnostic industriel', [
        ...header,
        'Synthèse : chaîne de valeur, dépendances d’approvisionnement,',
        'capacités de production et compétences disponibles sur le site.',
        'Points forts : savoir-faire, outil industriel récent, clients fidèles.',
        'Points de vigilance : sourcing hors Europe, délais, trésorerie.',
      ]),
    },
    {
      engagementId: engagement.id,
      kind: 'plan_action',
      title: `Plan d’action — ${company.name}`,
      fileName: `plan-action-${slug(company.name)}.pdf`,
      content: minimalPdf('Plan d’action', [
        ...header,
        '1. Qualifier deux fournisseurs régionaux (3 mois).',
        '2. Chiffrer l’investissement de la ligne relocalisée (6 mois).',
        '3. Recruter et former deux opérateurs (9 mois).',
        '4. Solliciter les aides régionales à l’investissement.',
      ]),
    },
  ];
}
