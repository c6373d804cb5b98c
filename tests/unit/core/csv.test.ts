import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, detectSeparator, neutraliseFormula, parseCsv, parseCsvRecords, readCsv, writeCsv } from '../../../core/csv';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);

// Cells made of what breaks naive CSV code: both separators, quotes, every line end, accents,
// spaces at the edges and the characters that start a spreadsheet formula.
const cellArb = fc.oneof(
  fc.string({ unit: fc.constantFrom(';', ',', '"', '\n', '\r', '\r\n', ' ', 'a', 'Z', '0', 'é', 'Ç', '’', '=', '+', '-', '@', '\t', "'"), maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);
const rowsArb = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe('CSV writer and parser', () => {
  it('reads back every cell written, formula-looking cells apart which gain a leading apostrophe', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const { text, encoding } = decodeCsvBytes(utf8(writeCsv(rows)));
        expect(encoding).toBe('utf-8-bom');
        expect(detectSeparator(text)).toBe(';');
        expect(parseCsv(text, ';')).toEqual(rows.map((row) => row.map(neutraliseFormula)));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a cell alone unless it starts like a formula', () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        const expected = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
        expect(neutraliseFormula(cell)).toBe(expected);
      }),
    );
    for (const cell of ['=SUM(A1:A9)', '+33 6 00', '-2+3+cmd|’ /C calc’!A0', '@SUM(1)', '\t=1', '\r=1']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['25.62A', '1 250', 'a=b', '', "'déjà"]) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('writes for French Excel: BOM, semicolons, CRLF, quotes only where needed', () => {
    const csv = writeCsv([
      ['SIRET', 'Nom', 'Note'],
      ['73282932000074', 'Dupont; fils', 'dit "le grand"'],
      ['=1+1', 'deux\nlignes', 'a,b'],
    ]);
    expect(csv).toBe(
      '\uFEFFSIRET;Nom;Note\r\n' + '73282932000074;"Dupont; fils";"dit ""le grand"""\r\n' + `'=1+1;"deux\nlignes";"a,b"\r\n`,
    );
  });
});

describe('parseCsvRecords', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes, with the line each record starts on', () => {
    const text = 'a;b;c\r\n"x;1";"He said ""hi""";"two\r\nlines"\r\nlast;;\r\n';
    expect(parseCsvRecords(text, ';')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x;1', 'He said "hi"', 'two\r\nlines'] },
      { line: 4, cells: ['last', '', ''] },
    ]);
  });

  it('takes LF or CRLF, skips blank lines and the trailing line end, but keeps an explicitly empty quoted cell', () => {
    expect(parseCsv('a,b\n\n1,2\r\n\r\n3,4', ',')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(parseCsvRecords('a\n\n""\n', ';')).toEqual([{ line: 1, cells: ['a'] }, { line: 3, cells: [''] }]);
    expect(parseCsv('', ';')).toEqual([]);
    expect(parseCsv('\r\n\n', ';')).toEqual([]);
  });

  it('splits on the separator it is given only', () => {
    expect(parseCsv('a,b;c', ';')).toEqual([['a,b', 'c']]);
    expect(parseCsv('a,b;c', ',')).toEqual([['a', 'b;c']]);
    expect(parseCsv('"a,b",c', ',')).toEqual([['a,b', 'c']]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(parseCsv('5" disk;ok', ';')).toEqual([['5" disk', 'ok']]);
  });
});

describe('decodeCsvBytes', () => {
  it('recognises a UTF-8 BOM and drops it', () => {
    expect(decodeCsvBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('Châteauroux;é')))).toEqual({ text: 'Châteauroux;é', encoding: 'utf-8-bom' });
  });

  it('reads valid UTF-8 without BOM as UTF-8', () => {
    expect(decodeCsvBytes(utf8('Société Générale d’Équipement'))).toEqual({ text: 'Société Générale d’Équipement', encoding: 'utf-8' });
    expect(decodeCsvBytes(utf8('plain ascii')).encoding).toBe('utf-8');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (é = 0xE9, ’ = 0x92, € = 0x80)', () => {
    // « Société d’Orléans 5 € » as Excel on Windows saves it.
    const cp1252 = bytes(0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9, 0x20, 0x64, 0x92, 0x4f, 0x72, 0x6c, 0xe9, 0x61, 0x6e, 0x73, 0x20, 0x35, 0x20, 0x80);
    expect(decodeCsvBytes(cp1252)).toEqual({ text: 'Société d’Orléans 5 €', encoding: 'windows-1252' });
    // The whole 0x80–0x9F block differs from Latin-1 (Node 20's own decoder gets it wrong).
    expect(decodeCsvBytes(bytes(0x63, 0x9c, 0x75, 0x72, 0x20, 0x96, 0x20, 0x85, 0x20, 0x93, 0x8a, 0x94, 0x20, 0x9f)).text).toBe('cœur – … “Š” Ÿ');
  });
});

describe('detectSeparator', () => {
  it('picks the separator the header line uses most, outside quotes, and `;` on a tie', () => {
    expect(detectSeparator('SIRET;Nom;Ville\r\n1,2,3,4,5,6')).toBe(';');
    expect(detectSeparator('SIRET,Nom,Ville\n1;2;3;4;5')).toBe(',');
    expect(detectSeparator('"Nom; prénom; titre",SIRET,Ville')).toBe(',');
    expect(detectSeparator('"Ville, département";SIRET')).toBe(';');
    expect(detectSeparator('SIRET')).toBe(';');
    expect(detectSeparator('\uFEFFa,b')).toBe(',');
  });

  it('is what readCsv uses on decoded bytes', () => {
    const read = readCsv(bytes(0x4e, 0x6f, 0x6d, 0x2c, 0x56, 0x69, 0x6c, 0x6c, 0x65, 0x0a, 0x41, 0x2c, 0xc9, 0x76, 0x72, 0x79));
    expect(read).toEqual({ encoding: 'windows-1252', separator: ',', records: [{ line: 1, cells: ['Nom', 'Ville'] }, { line: 2, cells: ['A', 'Évry'] }] });
  });
});
