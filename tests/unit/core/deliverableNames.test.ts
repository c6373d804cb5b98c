// Deliverable file names in a package: safe on every file system, unique case-insensitively.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliverablePaths, safeFileName } from '../../../core/closingPackage';

/** No lone surrogate: the name is valid UTF-16, so valid UTF-8 on disk. */
const wellFormed = (text: string) => !/\p{Cs}/u.test(text);

describe('safeFileName', () => {
  it('replaces separators and characters Windows refuses, trims dots and spaces', () => {
    expect(safeFileName('../rapport:final?.pdf')).toBe('_rapport_final_.pdf');
    expect(safeFileName('a\\b/c*d"e<f>g|h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
    expect(safeFileName('  .cache. ')).toBe('cache');
    expect(safeFileName('ligne\nretour\u007f.pdf')).toBe('ligne_retour_.pdf');
    expect(safeFileName('...')).toBe('livrable');
  });

  it('prefixes names Windows reserves, whatever their extension', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.pdf')).toBe('_nul.pdf');
    expect(safeFileName('Com1.docx')).toBe('_Com1.docx');
    expect(safeFileName('lpt9')).toBe('_lpt9');
    expect(safeFileName('console.pdf')).toBe('console.pdf');
    expect(safeFileName('auxiliaire.pdf')).toBe('auxiliaire.pdf');
  });

  it('keeps composed accents and cuts long names by code point, extension kept', () => {
    expect(safeFileName('Synthe\u0300se.pdf')).toBe('Synthèse.pdf');
    const long = `a${'😀'.repeat(200)}.pdf`;
    const safe = safeFileName(long);
    expect([...safe]).toHaveLength(120);
    expect(safe.endsWith('😀.pdf')).toBe(true);
    expect(wellFormed(safe)).toBe(true);
  });

  it('always gives a well-formed, non-empty name without separators, of at most 120 code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (name) => {
        const safe = safeFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect([...safe].length).toBeLessThanOrEqual(120);
        expect(wellFormed(safe)).toBe(true);
        expect(safe).not.toMatch(/[\\/:*?"<>|]/);
        expect([...safe].some((char) => char.codePointAt(0)! < 0x20)).toBe(false);
        expect(safe).not.toMatch(/^[.\s]|[.\s]$/);
        expect(safe).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      }),
    );
  });
});

describe('deliverablePaths', () => {
  it('puts every file under deliverables/ and numbers clashes case-insensitively', () => {
    expect(deliverablePaths(['Rapport.pdf', 'rapport.PDF', 'RAPPORT.pdf', 'annexe'])).toEqual([
      'deliverables/Rapport.pdf',
      'deliverables/rapport (2).PDF',
      'deliverables/RAPPORT (3).pdf',
      'deliverables/annexe',
    ]);
  });

  it('never gives two files the same path', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a.pdf', 'A.pdf', 'a (2).pdf', 'b', 'B', '', '.', 'con'), { maxLength: 12 }), (names) => {
        const paths = deliverablePaths(names).map((item) => item.toLowerCase());
        expect(new Set(paths).size).toBe(paths.length);
        for (const item of paths) expect(item.startsWith('deliverables/')).toBe(true);
      }),
    );
  });
});
