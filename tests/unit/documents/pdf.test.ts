import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosingDocumentInput } from '../../../core/closingPackage';
import { en } from '../../../core/i18n/en';
import { fr } from '../../../core/i18n/fr';
import { formatMoney } from '../../../core/money';
import { renderAttestationPdf } from '../../../services/documents/attestationPdf';
import { renderReportPdf } from '../../../services/documents/reportPdf';
import { sampleDocumentInput } from '../../support/closingFixture';

// --- Reading the PDFs back -----------------------------------------------------------------------

let folder: string;
let fileCount = 0;

/** `pdftotext -layout` of a whole PDF or of one page (poppler-utils, installed here and in CI). */
function pdftotext(pdf: Buffer, page?: number): string {
  const file = path.join(folder, `${++fileCount}.pdf`);
  writeFileSync(file, pdf);
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...pages, file, '-'], { encoding: 'utf8' });
}

/** pdftotext ends every page with a form feed. */
const pageCount = (text: string) => text.split('\f').length - 1;

interface TextRun {
  /** The embedded font's PostScript name, without the subset tag: `DejaVuSans-Bold`. */
  font: string;
  glyphIds: number[];
  text: string;
  /** Glyphs that the ToUnicode map leaves without text. */
  unmapped: number;
}

/**
 * Every text-showing operation of a pdfkit PDF, decoded through the embedded fonts' ToUnicode
 * maps: the exact characters written, U+202F and U+00A0 included, which pdftotext turns into
 * plain spaces. Enough of PDF for pdfkit's output: plain objects, Flate streams, Type0 fonts
 * named /F1, /F2… document-wide, and `[<hex> kerning <hex>] TJ` runs.
 */
function textRuns(pdf: Buffer): TextRun[] {
  const source = pdf.toString('latin1');
  const objects = new Map<string, { dictionary: string; stream: string | null }>();
  for (const match of source.matchAll(/(\d+) 0 obj\n([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const start = body.indexOf('stream\n');
    if (start < 0) {
      objects.set(match[1]!, { dictionary: body, stream: null });
      continue;
    }
    const raw = Buffer.from(body.slice(start + 7, body.lastIndexOf('\nendstream')), 'latin1');
    let stream: string;
    try {
      stream = inflateSync(raw).toString('latin1');
    } catch {
      stream = raw.toString('latin1');
    }
    objects.set(match[1]!, { dictionary: body.slice(0, start), stream });
  }
  const fonts = new Map<string, { font: string; unicode: Map<number, string> }>();
  for (const { dictionary } of objects.values()) {
    const fontRefs = /\/Font <<([^>]*)>>/.exec(dictionary)?.[1] ?? '';
    for (const [, name, ref] of fontRefs.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(ref!)!.dictionary;
      const baseFont = /\/BaseFont \/[A-Z]{6}\+(\S+)/.exec(font)![1]!;
      const cmap = objects.get(/\/ToUnicode (\d+) 0 R/.exec(font)![1]!)!.stream!;
      const unicode = new Map<number, string>();
      for (const [, first, entries] of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
        [...entries!.matchAll(/<([0-9a-f ]*)>/g)].forEach(([, units], offset) => {
          const codeUnits = units ? units.split(' ').map((unit) => parseInt(unit, 16)) : [];
          unicode.set(parseInt(first!, 16) + offset, String.fromCharCode(...codeUnits));
        });
      }
      fonts.set(name!, { font: baseFont, unicode });
    }
  }
  const runs: TextRun[] = [];
  for (const { stream } of objects.values()) {
    if (stream === null || !stream.includes(' Tf')) continue;
    let current: { font: string; unicode: Map<number, string> } | undefined;
    for (const [, fontName, array] of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (fontName) {
        current = fonts.get(fontName);
        continue;
      }
      const glyphIds = [...array!.matchAll(/<([0-9a-f]+)>/g)].flatMap(([, hex]) => hex!.match(/.{4}/g)!.map((unit) => parseInt(unit, 16)));
      const texts = glyphIds.map((id) => current!.unicode.get(id) ?? '');
      runs.push({ font: current!.font, glyphIds, text: texts.join(''), unmapped: texts.filter((text) => text === '').length });
    }
  }
  return runs;
}

/** The text of the runs, one line of the page per run, spaces of every kind made plain. */
const flatText = (runs: TextRun[]) => runs.map((run) => run.text).join(' ').replace(/\s+/g, ' ');

interface Fontkit {
  openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean };
}
// fontkit ships no types: the little of its API used here, typed by hand.
const requireHere = createRequire(import.meta.url);
const fontkit = requireHere('fontkit') as Fontkit;
const fontFile = (name: string) => requireHere.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);

// --- The documents under test -----------------------------------------------------------------------

let report: Buffer;
let reportText: string;
let attestation: Buffer;
let attestationText: string;
let longReport: Buffer;
let englishReport: Buffer;
let englishAttestation: Buffer;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'carnet-pdf-'));
  [report, attestation, longReport, englishReport, englishAttestation] = await Promise.all([
    renderReportPdf(sampleDocumentInput()),
    renderAttestationPdf(sampleDocumentInput()),
    renderReportPdf(sampleDocumentInput({ long: true })),
    renderReportPdf(sampleDocumentInput({ locale: 'en' })),
    renderAttestationPdf(sampleDocumentInput({ locale: 'en' })),
  ]);
  reportText = pdftotext(report);
  attestationText = pdftotext(attestation);
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const { totals } = sampleDocumentInput().file;
const frenchAmounts = [totals.amountCents, totals.publicShareCents, totals.companyShareCents].map((cents) => formatMoney(cents, 'fr'));

describe('report.pdf and attestation.pdf, as text', () => {
  it('name the company, the reference and the SIRET, with their accents', () => {
    for (const text of [reportText, attestationText]) {
      expect(text).toContain('Établissements Lefèvre & Fils');
      expect(text).toContain('RD-2022-014');
      expect(text).toContain('Châteauroux');
      expect(text).toContain('SIRET');
      expect(text).toContain('552 081 317 66522');
    }
    expect(reportText).toContain('Élodie Marchand');
    expect(reportText).toContain('François N’Guyen');
    expect(reportText).toContain('Établi le 30 mai 2022');
  });

  it('write the amounts in French form, and keep U+202F and U+00A0 in the text layer', () => {
    expect(frenchAmounts).toEqual(['10\u202f925,00\u00a0€', '8\u202f740,00\u00a0€', '2\u202f185,00\u00a0€']);
    // pdftotext turns every kind of space into U+0020: compare with the spaces made plain…
    for (const amount of frenchAmounts) {
      const plain = amount.replace(/[\u202f\u00a0]/g, ' ');
      expect(reportText).toContain(plain);
      expect(attestationText).toContain(plain);
    }
    expect(reportText).not.toMatch(/[\u202f\u00a0]/);
    // …and read the exact characters through the fonts' ToUnicode maps: each amount is written
    // whole, on one line, with its narrow no-break space and its no-break space.
    for (const pdf of [report, attestation]) {
      const runs = textRuns(pdf).map((run) => run.text);
      for (const amount of frenchAmounts) expect(runs.some((run) => run.includes(amount))).toBe(true);
    }
    expect(textRuns(report).map((run) => run.text)).toContain(formatMoney(95_000, 'fr'));
  });

  it('show the days, the split and the deliverables of the mission', () => {
    const flat = flatText(textRuns(report));
    expect(flat).toContain('11,5 jours sur 12');
    expect(flat).toContain('Part publique (80 %)');
    expect(flat).toContain('Part de l’entreprise (20 %)');
    expect(flat).toContain('du 14 février 2022 au 27 mai 2022');
    expect(flat).toContain('Relocalisation de production');
    expect(flat).toContain('Week-end');
    expect(flat).toContain('Jour férié : Lundi de Pâques');
    expect(flat).toContain('<script>alert("x")</script>');
    expect(flat).toContain('Plan d’action « relocalisation »');
    // A path wraps where it can (after « - » or « / »): glue the lines back to find it whole.
    expect(textRuns(report).map((run) => run.text).join('')).toContain('deliverables/diagnostic-lefevre.pdf');
    expect(flat).toContain(`${'a'.repeat(32)} ${'a'.repeat(32)}`);
    // A tab becomes a space; a line break of a summary stays a line break.
    expect(flat).toContain('- Présentation des chiffres clés.');
    const runs = textRuns(report).map((run) => run.text);
    const lineEnd = runs.findIndex((run) => run.endsWith('chefs d’atelier.'));
    expect(lineEnd).toBeGreaterThanOrEqual(0);
    expect(runs[lineEnd + 1]).toMatch(/^Synthèse des goulets/);
  });

  it('number every page « page n / N » in the footer', () => {
    const pages = pageCount(reportText);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const text = pdftotext(report, page);
      expect(text).toContain(`page ${page} / ${pages}`);
      expect(text).toContain('RD-2022-014 · Rapport de mission · Version 1');
    }
  });

  it('make the attestation one page with its statement and room for the company to sign', async () => {
    expect(pageCount(attestationText)).toBe(1);
    expect(attestationText).toContain('page 1 / 1');
    const flat = flatText(textRuns(attestation));
    expect(flat).toContain('Attestation de service fait');
    expect(flat).toContain('L’entreprise soussignée atteste');
    expect(flat).toContain('entre le 14 février 2022 et le 27 mai 2022');
    expect(flat).toContain('Elle certifie l’exactitude des informations');
    for (const label of ['Nom', 'Qualité', 'Fait à', 'Date', 'Signature et cachet']) expect(flat).toContain(label);
    expect(pageCount(pdftotext(await renderAttestationPdf(sampleDocumentInput({ long: true }))))).toBe(1);
  });
});

describe('the day table over several pages', () => {
  const headers = ['Date', 'Consultant', 'Durée', 'Activité', 'Lieu', 'Compte rendu'];
  const dayRow = /^ *\S+\. (\d{2})\/03\/2022/;

  it('repeats its header row on every page it runs onto, and loses no day', () => {
    const pages = pageCount(pdftotext(longReport));
    expect(pages).toBeGreaterThanOrEqual(4);
    const daysSeen: string[] = [];
    let tablePages = 0;
    for (let page = 1; page <= pages; page++) {
      const lines = pdftotext(longReport, page).split('\n');
      const firstRow = lines.findIndex((line) => dayRow.test(line));
      if (firstRow < 0) continue;
      tablePages++;
      const header = lines.findIndex((line) => headers.every((label) => line.includes(label)));
      expect(header, `header row on page ${page}`).toBeGreaterThanOrEqual(0);
      expect(header, `header row above the first day on page ${page}`).toBeLessThan(firstRow);
      if (page > 1) expect(lines.slice(0, header).join('\n')).toContain('Journées réalisées (suite)');
      for (const line of lines) {
        const day = dayRow.exec(line)?.[1];
        if (day) daysSeen.push(day);
      }
    }
    expect(tablePages).toBeGreaterThanOrEqual(3);
    expect(daysSeen).toEqual(Array.from({ length: 24 }, (_, index) => String(index + 1).padStart(2, '0')));
    expect(flatText(textRuns(longReport))).toContain('24. Entretiens approfondis');
  });

  it('cuts a row taller than a page between words, and writes all of it', async () => {
    const input = sampleDocumentInput();
    const words = Array.from({ length: 600 }, (_, index) => `mot${index + 1}`);
    input.file.days[2]!.summary = words.join(' ');
    const pdf = await renderReportPdf(input);
    const flat = flatText(textRuns(pdf));
    const positions = words.map((word) => flat.indexOf(`${word} `));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(pageCount(pdftotext(pdf))).toBeGreaterThan(pageCount(reportText));
  });

  it('says so when there is no day and no deliverable', async () => {
    const input = sampleDocumentInput();
    input.file.days = [];
    input.file.deliverables = [];
    const flat = flatText(textRuns(await renderReportPdf(input)));
    expect(flat).toContain('Aucune journée saisie.');
    expect(flat).toContain('Aucun livrable joint.');
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same input, whatever was rendered before', async () => {
    const again = await renderReportPdf(sampleDocumentInput());
    expect(again.equals(report)).toBe(true);
    expect((await renderAttestationPdf(sampleDocumentInput())).equals(attestation)).toBe(true);
    expect((await renderReportPdf(sampleDocumentInput({ long: true }))).equals(longReport)).toBe(true);
    const file = path.join(folder, 'info.pdf');
    writeFileSync(file, report);
    const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
    expect(info).toMatch(/^CreationDate: +2022-05-30T14:03:00Z$/m);
    expect(info).toMatch(/^ModDate: +2022-05-30T14:03:00Z$/m);
    expect(info).toMatch(/^Title: +Rapport de mission — RD-2022-014$/m);
    expect(info).toMatch(/^Creator: +carnet 0\.1\.0$/m);
  });

  it('gives the same bytes in a fresh process as after other documents', () => {
    // fontkit's glyph cache outlives a document: rendered first in a new process, the English
    // report must not differ from the one rendered here after the French documents.
    const script = `
      const { createHash } = await import('node:crypto');
      const { renderReportPdf } = await import('./services/documents/reportPdf.ts');
      const { sampleDocumentInput } = await import('./tests/support/closingFixture.ts');
      const pdf = await renderReportPdf(sampleDocumentInput({ locale: 'en' }));
      console.log(createHash('sha256').update(pdf).digest('hex'));`;
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
    const fresh = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim();
    expect(fresh).toBe(createHash('sha256').update(englishReport).digest('hex'));
  });

  it('changes the bytes, file identifier included, when the creation date changes', async () => {
    // 22:30 UTC is already the next day in Paris, where the package is made and read.
    const input: ClosingDocumentInput = { ...sampleDocumentInput(), createdAt: '2022-06-01T22:30:00.000Z' };
    const other = await renderReportPdf(input);
    expect(other.equals(report)).toBe(false);
    const fileId = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    expect(fileId(other)).toBeDefined();
    expect(fileId(other)).not.toBe(fileId(report));
    expect(pdftotext(other)).toContain('Établi le 2 juin 2022');
  });
});

describe('glyphs', () => {
  const faces = new Map(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSansMono'].map((name) => [name, fontkit.openSync(fontFile(name))]));

  it('writes no character without a glyph, in any document, in either language', () => {
    for (const pdf of [report, attestation, longReport, englishReport, englishAttestation]) {
      const runs = textRuns(pdf);
      expect(runs.length).toBeGreaterThan(20);
      for (const run of runs) {
        // Glyph 0 is .notdef: what pdfkit writes for a character the font lacks.
        expect(run.glyphIds, run.text).not.toContain(0);
        // And every glyph maps back to text, or copying from the PDF would drop characters.
        expect(run.unmapped, run.text).toBe(0);
        const face = faces.get(run.font);
        expect(face, run.font).toBeDefined();
        for (const char of run.text) expect(face!.hasGlyphForCodePoint(char.codePointAt(0)!), `${run.font} U+${char.codePointAt(0)!.toString(16)} in « ${run.text} »`).toBe(true);
      }
    }
  });

  it('has a glyph for every character of the labels, the amounts and the fixture, in every face', () => {
    const prefixes = ['doc.', 'activity.', 'location.', 'projectType.', 'phase.', 'deliverable.', 'flag.', 'holiday.'];
    const labels = [fr, en].flatMap((catalogue) => Object.entries(catalogue).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))).map(([, message]) => message));
    const amounts = [0, 5, 95_000, 1_092_500, 123_456_789_00].flatMap((cents) => [formatMoney(cents, 'fr'), formatMoney(cents, 'en')]);
    const fixture = JSON.stringify([sampleDocumentInput(), sampleDocumentInput({ long: true })]).replace(/\\[nt]/g, ' ');
    const characters = new Set([...labels.join(''), ...amounts.join(''), ...fixture, '\ufffd']);
    for (const [name, face] of faces) {
      if (name === 'DejaVuSansMono') continue; // The mono face only writes SHA-256 fingerprints.
      const missing = [...characters].filter((char) => !face.hasGlyphForCodePoint(char.codePointAt(0)!));
      expect(missing, name).toEqual([]);
    }
    expect([...'0123456789abcdef'].every((char) => faces.get('DejaVuSansMono')!.hasGlyphForCodePoint(char.codePointAt(0)!))).toBe(true);
  });

  it('replaces a character DejaVu lacks rather than writing an invisible box', async () => {
    const input = sampleDocumentInput();
    input.file.days[0]!.summary = 'Réunion 会议 terminée';
    const runs = textRuns(await renderReportPdf(input));
    expect(flatText(runs)).toContain('Réunion \ufffd\ufffd terminée');
    expect(runs.every((run) => !run.glyphIds.includes(0))).toBe(true);
  });
});

describe('English', () => {
  it('labels the report and the attestation in English, amounts in English form', () => {
    const report = flatText(textRuns(englishReport));
    for (const label of ['Mission report', 'Days delivered', 'Total and cost split', 'Deliverables', 'Public share (80 %)', 'Easter Monday', 'Weekend', 'from 14 February 2022 to 27 May 2022', 'Issued on 30 May 2022', '11.5 days of 12', 'Analysis', 'Remote']) {
      expect(report).toContain(label);
    }
    expect(report).toContain(formatMoney(totals.amountCents, 'en'));
    // Every header fits its column whole, on one line, in English too.
    const headers = ['Date', 'Consultant', 'Duration', 'Activity', 'Place', 'Summary'];
    expect(pdftotext(englishReport, 1).split('\n').some((line) => headers.every((label) => line.includes(label)))).toBe(true);
    for (const french of ['Rapport de mission', 'Journées réalisées', 'Jour férié', 'Sur site', 'jours sur']) expect(report).not.toContain(french);

    const attestation = flatText(textRuns(englishAttestation));
    expect(attestation).toContain('Certificate of service rendered');
    expect(attestation).toContain('The undersigned company certifies');
    expect(attestation).toContain('€10,925.00');
    expect(attestation).toContain('page 1 / 1');
    expect(attestation).not.toContain('Attestation de service fait');
  });
});
