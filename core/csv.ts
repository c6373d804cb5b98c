// CSV as spreadsheets write it (RFC 4180, with what French Excel adds: `;`, BOM or Windows-1252).
// Pure: bytes in, text out; the caller reads and writes the files.

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type CsvSeparator = ';' | ',';

/** One record of a file, with the physical line it starts on (1-based), for messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

const BOM = '\uFEFF';

/**
 * Text of a file whose encoding nobody states: a UTF-8 BOM says so; bytes that decode as UTF-8
 * are UTF-8; anything else is what Excel on Windows writes, Windows-1252.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hasBom) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// WHATWG index-windows-1252 for bytes 0x80–0x9F (the rest is Latin-1). Decoded by hand: Node
// since 20.18.3 decodes 'windows-1252' as Latin-1, turning ’ (0x92) into a control character.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    units[i] = byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80]! : byte;
  }
  let text = '';
  for (let start = 0; start < units.length; start += 8192) text += String.fromCharCode(...units.subarray(start, start + 8192));
  return text;
}

/** `;` or `,`, whichever the header line uses more outside quotes; `;` (French Excel) on a tie. */
export function detectSeparator(text: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text.startsWith(BOM) ? text.slice(1) : text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

/**
 * Records of a CSV text: quoted fields with doubled quotes and line breaks inside, CRLF, LF or
 * CR line ends. Blank lines are skipped (so is the trailing one); a stray quote inside an
 * unquoted field is kept as text rather than refused, as spreadsheets do.
 */
export function parseCsvRecords(text: string, separator: CsvSeparator): CsvRecord[] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let anyQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    const blank = cells.length === 1 && cells[0] === '' && !anyQuoted;
    if (!blank) records.push({ line: recordLine, cells });
    cells = [];
    anyQuoted = false;
  };
  /** Consumes a line break at `i` if there is one (CRLF counts once); true when it did. */
  const lineBreak = (): boolean => {
    const char = source[i];
    if (char === '\r') {
      i += source[i + 1] === '\n' ? 2 : 1;
    } else if (char === '\n') {
      i += 1;
    } else {
      return false;
    }
    line++;
    return true;
  };

  while (i < source.length) {
    const char = source[i]!;
    if (char === '"' && cell === '') {
      // A quoted field: up to the lone closing quote, doubled quotes standing for one.
      anyQuoted = true;
      i++;
      for (;;) {
        if (i >= source.length) break;
        if (source[i] === '"') {
          if (source[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (source[i] === '\r' || source[i] === '\n') {
          const start = i;
          lineBreak();
          cell += source.slice(start, i);
          continue;
        }
        cell += source[i];
        i++;
      }
      continue;
    }
    if (char === separator) {
      endCell();
      i++;
      continue;
    }
    if (lineBreak()) {
      endRecord();
      recordLine = line;
      continue;
    }
    cell += char;
    i++;
  }
  if (cell !== '' || cells.length > 0 || anyQuoted) endRecord();
  return records;
}

export function parseCsv(text: string, separator: CsvSeparator): string[][] {
  return parseCsvRecords(text, separator).map((record) => record.cells);
}

/** Decodes, detects the separator and parses: everything needed to read a file of unknown origin. */
export function readCsv(bytes: Uint8Array): { encoding: CsvEncoding; separator: CsvSeparator; records: CsvRecord[] } {
  const { text, encoding } = decodeCsvBytes(bytes);
  const separator = detectSeparator(text);
  return { encoding, separator, records: parseCsvRecords(text, separator) };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
 * leading apostrophe: the file may carry text typed by anyone (OWASP "CSV injection").
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function csvCell(cell: string): string {
  const safe = neutraliseFormula(cell);
  // Commas too: a reader that guesses the separator, as this module's does, must not see `,` win.
  return /[;,"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV that French Excel opens as is: UTF-8 with a BOM (else it reads Windows-1252), `;`, CRLF.
 * A row holding one empty cell is written `""` so that it is not read back as a blank line.
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const lines = rows.map((row) => (row.length === 1 && row[0] === '' ? '""' : row.map(csvCell).join(';')));
  return `${BOM}${lines.map((text) => `${text}\r\n`).join('')}`;
}

/**
 * Whether every record of a CSV text ends with CRLF, the last one included (line breaks inside
 * quoted cells are the cell's own and are not judged).
 */
export function endsRecordsWithCrlf(text: string): boolean {
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n' && text[index - 1] !== '\r') return false;
    else if (!quoted && char === '\r' && text[index + 1] !== '\n') return false;
  }
  return text.length === 0 || text.endsWith('\r\n');
}
