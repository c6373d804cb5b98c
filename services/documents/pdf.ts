// Shared pdfkit plumbing of the closing package's PDFs: the embedded DejaVu fonts, a document
// pinned to the package's creation date (same input, same bytes), text that always has a glyph,
// a table that breaks across pages and repeats its header, signature boxes, and the footers.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ClosingDocumentInput } from '../../core/closingPackage';
import type { Locale } from '../../core/domain';
import { translate, type MessageKey } from '../../core/i18n';

export type Pdf = PDFKit.PDFDocument;

// --- Fonts --------------------------------------------------------------------------------------

// DejaVu Sans has every glyph French needs, U+202F and € included (ARCHITECTURE.md, "Reports").
const resolveModule = createRequire(import.meta.url);
/**
 * The fonts, by their PostScript names, which are also their file names. pdfkit caches a font it
 * has met under its PostScript name, but not under a registered alias naming an already-met font:
 * registering each under its PostScript name keeps `doc.font()` a lookup rather than a reopening.
 */
const FONTS = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  italic: 'DejaVuSans-Oblique',
  mono: 'DejaVuSansMono',
} as const;
export type FontStyle = keyof typeof FONTS;

interface OpenedFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  /** fontkit's cache of glyph objects (see `startDocument`). */
  _glyphs: Record<number, unknown>;
}
// fontkit is the font engine pdfkit itself uses: resolved from pdfkit's folder, it is always there.
const fontkit = createRequire(resolveModule.resolve('pdfkit'))('fontkit') as { openSync(path: string): OpenedFont };

const openedFonts = new Map<FontStyle, OpenedFont>();

/**
 * Each font parsed once per process rather than once per document (parsing DejaVu's OpenType
 * tables again for every PDF made a report ten times slower). pdfkit 0.20 takes an opened
 * fontkit font wherever it takes a font file (PDFFontFactory.open); @types/pdfkit only knows paths
 * and buffers, hence the cast in `fontSource`.
 */
function openedFont(font: FontStyle): OpenedFont {
  let opened = openedFonts.get(font);
  if (!opened) {
    opened = fontkit.openSync(resolveModule.resolve(`dejavu-fonts-ttf/ttf/${FONTS[font]}.ttf`));
    openedFonts.set(font, opened);
  }
  return opened;
}
const fontSource = (font: FontStyle) => openedFont(font) as unknown as string;

/**
 * fontkit keeps each glyph object with the code points of its first use, and pdfkit writes those
 * into the text layer: « E » first met as a part of « É » in an earlier document would be missing
 * from this one's copied text, and the bytes would depend on what was rendered before. So every
 * document starts from an empty glyph cache. No two documents share it: nothing awaits between
 * `openPdf` and the synchronous `doc.end()` in `pdfBuffer`.
 */
function startDocument(): void {
  for (const font of Object.keys(FONTS) as FontStyle[]) openedFont(font)._glyphs = {};
}

const REPLACEMENT_CHARACTER = '\ufffd';
/** Control and format characters: zero-width spaces, byte order marks, bidi marks, soft hyphens. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/**
 * Text as it can be written in `font`: line ends as `\n`, tabs as spaces, no invisible character,
 * and U+FFFD for a character the font has no glyph for (a Chinese name pasted in a summary) rather
 * than an empty .notdef box that copies as nothing.
 */
export function printable(text: string, font: FontStyle = 'regular'): string {
  const glyphs = openedFont(font);
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ')) {
    if (char === '\n') out += char;
    else if (!INVISIBLE.test(char)) out += glyphs.hasGlyphForCodePoint(char.codePointAt(0)!) ? char : REPLACEMENT_CHARACTER;
  }
  return out;
}

// --- Page and style -----------------------------------------------------------------------------

export const COLORS = {
  accent: '#1f3a5f',
  text: '#1b1f24',
  muted: '#5b6470',
  rule: '#c5cdd8',
  band: '#eef2f7',
  white: '#ffffff',
} as const;

const MARGINS = { top: 50, bottom: 64, left: 50, right: 50 };

export interface TextStyle {
  font?: FontStyle;
  size?: number;
  color?: string;
}
const BODY: Required<TextStyle> = { font: 'regular', size: 9, color: COLORS.text };
const LINE_GAP = 1;

export interface TextOptions extends TextStyle {
  width: number;
  align?: 'left' | 'center' | 'right' | 'justify';
}

/** A document of the package: A4, DejaVu Sans, metadata fixed by the input, pages kept for the footers. */
export function openPdf(input: ClosingDocumentInput, titleKey: MessageKey): Pdf {
  const createdAt = new Date(input.createdAt);
  if (Number.isNaN(createdAt.getTime())) throw new RangeError(`Not an instant: ${input.createdAt}`);
  const { file, locale } = input;
  startDocument();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    // A font of our own here keeps pdfkit from loading Helvetica's metrics at all.
    font: fontSource('regular'),
    lang: locale === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
    // pdfkit derives the file /ID from these: pinning the dates makes the output reproducible.
    info: {
      Title: `${translate(locale, titleKey)} — ${file.engagement.ref}`,
      Author: input.firmName,
      Subject: `${file.programme.name} — ${file.company.name}`,
      Creator: input.generator,
      Producer: `${input.generator} (PDFKit)`,
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  for (const font of Object.keys(FONTS) as FontStyle[]) doc.registerFont(FONTS[font], fontSource(font));
  setStyle(doc, BODY);
  return doc;
}

export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function left(doc: Pdf): number {
  return doc.page.margins.left;
}

function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

export function setStyle(doc: Pdf, style: TextStyle): void {
  doc.font(FONTS[style.font ?? BODY.font]).fontSize(style.size ?? BODY.size).fillColor(style.color ?? BODY.color);
}

/** Height that `text` takes at `width` in `style`, exactly as `write` will lay it out. */
export function measure(doc: Pdf, text: string, options: TextOptions): number {
  setStyle(doc, options);
  return doc.heightOfString(printable(text, options.font), { width: options.width, align: options.align, lineGap: LINE_GAP });
}

/**
 * Writes `text` at (x, y) and returns its height, the same as `measure` gives. The cursor stays
 * where it was, and no page is ever added here (an unbounded height keeps pdfkit's line wrapper
 * from breaking pages): callers make room first.
 */
export function write(doc: Pdf, text: string, x: number, y: number, options: TextOptions): number {
  const cursor = { x: doc.x, y: doc.y };
  setStyle(doc, options);
  doc.text(printable(text, options.font), x, y, { width: options.width, align: options.align, lineGap: LINE_GAP, height: Infinity });
  const height = doc.y - y;
  doc.x = cursor.x;
  doc.y = cursor.y;
  return height;
}

/** Writes a block at the cursor, after making room for it, and moves the cursor below it. */
export function flow(doc: Pdf, text: string, options: TextStyle & { align?: TextOptions['align']; gapAfter?: number } = {}): void {
  const width = contentWidth(doc);
  ensureSpace(doc, measure(doc, text, { ...options, width }));
  doc.y += write(doc, text, left(doc), doc.y, { ...options, width }) + (options.gapAfter ?? 0);
}

/** Starts a new page when fewer than `height` points are left on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) newPage(doc);
}

function newPage(doc: Pdf): void {
  doc.addPage();
  doc.y = doc.page.margins.top;
}

export function rule(doc: Pdf, y: number, color: string = COLORS.rule, thickness = 0.5, x = left(doc), width = contentWidth(doc)): void {
  doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(thickness).strokeColor(color).stroke().restore();
}

/** « 2  La mission », in the accent colour over a rule, kept with what follows it. */
export function sectionHeading(doc: Pdf, label: string, number?: number, keepWithNext = 90): void {
  doc.y += 14;
  ensureSpace(doc, 24 + keepWithNext);
  const indent = number === undefined ? 0 : 22;
  const style: TextOptions = { font: 'bold', size: 12, color: COLORS.accent, width: contentWidth(doc) - indent };
  if (number !== undefined) write(doc, String(number), left(doc), doc.y, { ...style, width: indent });
  const height = write(doc, label, left(doc) + indent, doc.y, style);
  rule(doc, doc.y + height + 3, COLORS.accent, 0.75);
  doc.y += height + 10;
}

export interface KeyValueOptions {
  labelWidth?: number;
  /** Space kept on both sides, inside a band for example. */
  inset?: number;
}

function keyValueLayout(doc: Pdf, options: KeyValueOptions) {
  const inset = options.inset ?? 0;
  const labelWidth = options.labelWidth ?? 150;
  const x = left(doc) + inset;
  const label: TextOptions = { color: COLORS.muted, width: labelWidth - 10 };
  const value: TextOptions = { width: contentWidth(doc) - 2 * inset - labelWidth };
  return { x, valueX: x + labelWidth, label, value };
}

const ROW_GAP = 4;

export function keyValueHeight(doc: Pdf, rows: readonly (readonly [string, string])[], options: KeyValueOptions = {}): number {
  const layout = keyValueLayout(doc, options);
  return rows.reduce((sum, [label, value]) => sum + Math.max(measure(doc, label, layout.label), measure(doc, value, layout.value)) + ROW_GAP, 0);
}

/** Label and value rows (« SIRET  552 081 317 66522 »), values wrapping in their column. */
export function keyValueRows(doc: Pdf, rows: readonly (readonly [string, string])[], options: KeyValueOptions = {}): void {
  const layout = keyValueLayout(doc, options);
  for (const [label, value] of rows) {
    const height = Math.max(measure(doc, label, layout.label), measure(doc, value, layout.value));
    ensureSpace(doc, height);
    write(doc, label, layout.x, doc.y, layout.label);
    write(doc, value, layout.valueX, doc.y, layout.value);
    doc.y += height + ROW_GAP;
  }
}

export interface AmountRow {
  label: string;
  value: string;
  strong?: boolean;
}

/** Label and amount rows between rules, amounts aligned right; kept together on one page. */
export function amountRows(doc: Pdf, rows: readonly AmountRow[]): void {
  const width = contentWidth(doc);
  const valueWidth = 150;
  const styleOf = (row: AmountRow): TextStyle => (row.strong ? { font: 'bold' } : {});
  const heights = rows.map((row) => Math.max(measure(doc, row.label, { ...styleOf(row), width: width - valueWidth - 16 }), measure(doc, row.value, { ...styleOf(row), width: valueWidth })) + 10);
  ensureSpace(doc, heights.reduce((sum, height) => sum + height, 0));
  rule(doc, doc.y, COLORS.rule);
  rows.forEach((row, index) => {
    const height = heights[index]!;
    if (row.strong) doc.save().rect(left(doc), doc.y, width, height).fill(COLORS.band).restore();
    write(doc, row.label, left(doc) + 6, doc.y + 5, { ...styleOf(row), width: width - valueWidth - 16 });
    write(doc, row.value, left(doc) + width - valueWidth - 6, doc.y + 5, { ...styleOf(row), width: valueWidth, align: 'right' });
    doc.y += height;
    rule(doc, doc.y, COLORS.rule);
  });
}

/** The top of a document's first page: the firm on the left, reference and version on the right. */
export function masthead(doc: Pdf, firmName: string, reference: string, version: string): void {
  const width = contentWidth(doc);
  const y = doc.y;
  const firmHeight = write(doc, firmName, left(doc), y, { font: 'bold', size: 9.5, color: COLORS.accent, width: width * 0.6 });
  const refHeight = write(doc, `${reference}\n${version}`, left(doc) + width * 0.6, y, { size: 8.5, color: COLORS.muted, width: width * 0.4, align: 'right' });
  doc.y = y + Math.max(firmHeight, refHeight) + 6;
  rule(doc, doc.y, COLORS.accent, 2);
  doc.y += 22;
}

// --- Tables -------------------------------------------------------------------------------------

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}
export interface CellParagraph {
  text: string;
  style?: TextStyle;
}
/** A cell: one paragraph in the table's body style, or paragraphs of their own style. */
export type TableCell = string | CellParagraph[];

export interface Table {
  columns: TableColumn[];
  rows: TableCell[][];
  /** Written above the repeated header on the pages the table continues on. */
  continuedCaption: string;
  bodyStyle?: TextStyle;
}

const PAD_X = 4;
const PAD_Y = 4;
const PARAGRAPH_GAP = 2;
const HEADER_STYLE: TextStyle = { font: 'bold', size: 7.5, color: COLORS.white };

type Paragraphs = CellParagraph[];

function paragraphsHeight(doc: Pdf, paragraphs: Paragraphs, column: TableColumn): number {
  const heights = paragraphs.map((paragraph) => measure(doc, paragraph.text, { ...paragraph.style, width: column.width - 2 * PAD_X, align: column.align }));
  return heights.reduce((sum, height) => sum + height, 0) + PARAGRAPH_GAP * Math.max(0, heights.length - 1);
}

function rowHeight(doc: Pdf, row: Paragraphs[], columns: TableColumn[]): number {
  return Math.max(...row.map((paragraphs, index) => paragraphsHeight(doc, paragraphs, columns[index]!))) + 2 * PAD_Y;
}

function drawRow(doc: Pdf, row: Paragraphs[], columns: TableColumn[], y: number, height: number, fill: string | null): void {
  const x0 = left(doc);
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  if (fill) doc.save().rect(x0, y, width, height).fill(fill).restore();
  let x = x0;
  row.forEach((paragraphs, index) => {
    const column = columns[index]!;
    let cellY = y + PAD_Y;
    for (const paragraph of paragraphs) {
      cellY += write(doc, paragraph.text, x + PAD_X, cellY, { ...paragraph.style, width: column.width - 2 * PAD_X, align: column.align }) + PARAGRAPH_GAP;
    }
    x += column.width;
  });
  rule(doc, y + height, COLORS.rule, 0.5, x0, width);
}

function drawHeader(doc: Pdf, columns: TableColumn[]): void {
  const header = columns.map((column) => [{ text: column.header, style: HEADER_STYLE }]);
  const height = rowHeight(doc, header, columns);
  drawRow(doc, header, columns, doc.y, height, COLORS.accent);
  doc.y += height;
}

/**
 * The longest head of `text` (cut between words) that fits in `maxHeight`, and the rest; the
 * same wrapping as `write`, since both measure through pdfkit.
 */
function splitParagraph(doc: Pdf, paragraph: CellParagraph, width: number, maxHeight: number): [string, string] {
  const longestHead = (pieces: string[]) => {
    const fits = (count: number) => measure(doc, pieces.slice(0, count).join(''), { ...paragraph.style, width }) <= maxHeight;
    let [low, high] = [0, pieces.length];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const words = paragraph.text.split(/(?<=\s)/);
  const count = longestHead(words);
  if (count > 0) return [words.slice(0, count).join('').trimEnd(), words.slice(count).join('')];
  // Not even one word fits (a pasted URL taller than the room left): cut inside it.
  const characters = [...paragraph.text];
  const fitting = longestHead(characters);
  return [characters.slice(0, fitting).join(''), characters.slice(fitting).join('')];
}

/** Splits a row too tall for any page into what fits in `maxHeight` and the rest. */
function splitRow(doc: Pdf, row: Paragraphs[], columns: TableColumn[], maxHeight: number): [Paragraphs[], Paragraphs[]] {
  const head: Paragraphs[] = [];
  const tail: Paragraphs[] = [];
  row.forEach((paragraphs, index) => {
    const width = columns[index]!.width - 2 * PAD_X;
    const [cellHead, cellTail]: [Paragraphs, Paragraphs] = [[], []];
    let used = 0;
    for (const paragraph of paragraphs) {
      const height = measure(doc, paragraph.text, { ...paragraph.style, width });
      if (cellTail.length === 0 && used + height <= maxHeight) {
        cellHead.push(paragraph);
        used += height + PARAGRAPH_GAP;
      } else if (cellTail.length === 0) {
        const [first, rest] = splitParagraph(doc, paragraph, width, maxHeight - used);
        if (first) cellHead.push({ ...paragraph, text: first });
        cellTail.push({ ...paragraph, text: rest });
      } else {
        cellTail.push(paragraph);
      }
    }
    head.push(cellHead);
    tail.push(cellTail);
  });
  // The first column names the row (its date): repeated, muted, beside the rest of the row.
  if (tail[0]!.length === 0) tail[0] = head[0]!.map((paragraph) => ({ ...paragraph, style: { ...paragraph.style, color: COLORS.muted } }));
  return [head, tail];
}

function tableLayout(doc: Pdf, table: Table) {
  const { columns } = table;
  const body: TextStyle = { ...BODY, size: 8, ...table.bodyStyle };
  const rows = table.rows.map((cells): Paragraphs[] =>
    cells.map((cell) => (typeof cell === 'string' ? [{ text: cell, style: body }] : cell.map((paragraph) => ({ ...paragraph, style: { ...body, ...paragraph.style } })))),
  );
  const headerHeight = rowHeight(doc, columns.map((column) => [{ text: column.header, style: HEADER_STYLE }]), columns);
  // What a page holds under the caption and the header: a taller row has to be cut.
  const pageCapacity = bottom(doc) - doc.page.margins.top - headerHeight - 20;
  const firstRowHeight = rows[0] ? rowHeight(doc, rows[0], columns) : 0;
  // The header with the first row (or the first lines of a row that will be cut anyway).
  const startHeight = headerHeight + Math.min(firstRowHeight, firstRowHeight > pageCapacity ? 60 : firstRowHeight);
  return { rows, pageCapacity, startHeight };
}

/** Room a table needs to start on this page, for a heading to keep with it. */
export function tableStartHeight(doc: Pdf, table: Table): number {
  return tableLayout(doc, table).startHeight;
}

/**
 * Draws a table from the cursor. A row that does not fit goes to the next page, under the
 * caption and the repeated header; a row taller than a whole page is cut between words.
 */
export function drawTable(doc: Pdf, table: Table): void {
  const { columns } = table;
  const { rows, pageCapacity, startHeight } = tableLayout(doc, table);
  const continueOnNewPage = () => {
    newPage(doc);
    doc.y += write(doc, table.continuedCaption, left(doc), doc.y, { font: 'italic', size: 8, color: COLORS.muted, width: contentWidth(doc) }) + 4;
    drawHeader(doc, columns);
  };
  ensureSpace(doc, startHeight);
  drawHeader(doc, columns);
  rows.forEach((cells, index) => {
    const fill = index % 2 === 1 ? COLORS.band : null;
    let row = cells;
    for (;;) {
      const height = rowHeight(doc, row, columns);
      const available = bottom(doc) - doc.y;
      if (height <= available) {
        drawRow(doc, row, columns, doc.y, height, fill);
        doc.y += height;
        return;
      }
      if (height <= pageCapacity || available < 60) {
        continueOnNewPage();
        continue;
      }
      const [head, tail] = splitRow(doc, row, columns, available - 2 * PAD_Y);
      drawRow(doc, head, columns, doc.y, available, fill);
      continueOnNewPage();
      row = tail;
    }
  });
}

// --- Signatures ---------------------------------------------------------------------------------

export interface SignatureBlock {
  heading: string;
  /** Who signs for (the firm, the company): printed under the heading. */
  party: string;
  /** Labels of the lines to fill in by hand: name, position, place, date. */
  lines: string[];
  boxLabel: string;
  height: number;
  /** The box to the right of the lines rather than under them. */
  boxBeside?: boolean;
}

/** One signature block: heading, party, lines to fill in, and a box with room to sign. */
export function drawSignatureBlock(doc: Pdf, block: SignatureBlock, x: number, y: number, width: number): void {
  let cursor = y;
  cursor += write(doc, block.heading, x, cursor, { font: 'bold', size: 9, color: COLORS.accent, width }) + 2;
  cursor += write(doc, block.party, x, cursor, { width }) + 6;
  const linesWidth = block.boxBeside ? width * 0.5 - 8 : width;
  const linesTop = cursor;
  for (const label of block.lines) {
    const height = write(doc, label, x, cursor + 8, { color: COLORS.muted, width: 76 });
    rule(doc, cursor + 8 + height, COLORS.rule, 0.5, x + 78, linesWidth - 78);
    cursor += 8 + height + 6;
  }
  const [boxX, boxY, boxWidth] = block.boxBeside ? [x + width * 0.5 + 8, linesTop + 6, width * 0.5 - 8] : [x, cursor + 8, width];
  doc.save().roundedRect(boxX, boxY, boxWidth, y + block.height - boxY, 3).lineWidth(0.75).strokeColor(COLORS.rule).stroke().restore();
  write(doc, block.boxLabel, boxX + 6, boxY + 5, { size: 7, color: COLORS.muted, width: boxWidth - 12 });
}

// --- Footers and output -------------------------------------------------------------------------

/** Writes « reference · title — page 2 / 5 » at the foot of every page, once all pages exist. */
export function writeFooters(doc: Pdf, locale: Locale, caption: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { margins } = doc.page;
    const savedBottom = margins.bottom;
    // The footer sits in the bottom margin, where pdfkit would otherwise start a new page.
    margins.bottom = 0;
    const y = doc.page.height - savedBottom + 24;
    const width = contentWidth(doc);
    rule(doc, y - 6, COLORS.rule, 0.5);
    const style: TextStyle = { size: 7, color: COLORS.muted };
    write(doc, caption, left(doc), y, { ...style, width: width - 80 });
    write(doc, translate(locale, 'doc.page', { page: index - start + 1, pages: count }), left(doc) + width - 80, y, { ...style, width: 80, align: 'right' });
    margins.bottom = savedBottom;
  }
}

/** Ends the document and collects its bytes. */
export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

// --- Words both PDFs use ------------------------------------------------------------------------

/** `55208131766522` → `552 081 317 66522` (SIREN, then the establishment's NIC). */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

const parisDates = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day a package was made, as the firm and the Région saw it: in Paris, not in UTC. */
export function issueDate(createdAt: string): string {
  return parisDates.format(new Date(createdAt));
}
