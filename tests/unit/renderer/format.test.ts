import { describe, expect, it } from 'vitest';
import {
  allowanceLevel,
  formatBytes,
  formatDepartement,
  formatIsoDate,
  formatNaf,
  formatPercentFromBasisPoints,
  formatSiret,
  normalizeForSearch,
} from '../../../renderer/src/lib/format';

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('renderer formatting', () => {
  it('formats a day-log date in UTC, French and English', () => {
    expect(formatIsoDate('2022-02-14', 'fr-FR')).toBe('lun. 14 févr. 2022');
    expect(formatIsoDate('2022-02-14', 'fr-FR', 'medium')).toBe('14 févr. 2022');
    expect(formatIsoDate('2022-02-14', 'en-GB')).toMatch(/^Mon,? 14 Feb 2022$/); // the comma varies with ICU versions
    // Not a date: shown as written rather than as « Invalid Date ».
    expect(formatIsoDate('2022-2-14', 'fr-FR')).toBe('2022-2-14');
  });

  it('never shifts a day whatever the time zone (dates are UTC)', () => {
    expect(formatIsoDate('2022-01-01', 'fr-FR')).toBe('sam. 1 janv. 2022');
    expect(formatIsoDate('2022-12-31', 'fr-FR')).toBe('sam. 31 déc. 2022');
  });

  it('formats the public share rate', () => {
    expect(spaces(formatPercentFromBasisPoints(8000, 'fr-FR'))).toBe('80 %');
    expect(formatPercentFromBasisPoints(8000, 'en-GB')).toBe('80%');
    expect(spaces(formatPercentFromBasisPoints(7550, 'fr-FR'))).toBe('75,5 %');
  });

  it('groups a SIRET as SIREN in threes then the NIC', () => {
    expect(formatSiret('55208131700011')).toBe('552 081 317 00011');
    expect(formatSiret('5520813170001')).toBe('5520813170001');
  });

  it('writes NAF codes with their dot', () => {
    expect(formatNaf('2562A')).toBe('25.62A');
    expect(formatNaf('25.62a')).toBe('25.62A');
    expect(formatNaf('bad')).toBe('bad');
  });

  it('names the départements of the region, and keeps other codes', () => {
    expect(formatDepartement('37')).toBe('Indre-et-Loire (37)');
    expect(formatDepartement('75')).toBe('75');
  });

  it('formats file sizes', () => {
    expect(spaces(formatBytes(512, 'fr-FR'))).toBe('512 o');
    expect(spaces(formatBytes(1_843_200, 'fr-FR'))).toBe('1,8 Mo');
    expect(spaces(formatBytes(48_213, 'en-GB'))).toBe('47.1 KB');
  });

  it('searches without case or accents', () => {
    expect(normalizeForSearch('  Écully Orléans ')).toBe('ecully orleans');
  });

  it('turns the meter amber from 80 % and red once the allowance is used up', () => {
    expect(allowanceLevel(0, 12)).toBe('normal');
    expect(allowanceLevel(19, 12)).toBe('normal'); // 9,5 / 12 j = 79 %
    expect(allowanceLevel(20, 12)).toBe('warning'); // 10 / 12 j = 83 %
    expect(allowanceLevel(16, 10)).toBe('warning'); // exactly 80 %
    expect(allowanceLevel(23, 12)).toBe('warning');
    expect(allowanceLevel(24, 12)).toBe('exhausted');
    expect(allowanceLevel(0, 0)).toBe('exhausted');
  });
});

describe('error messages', () => {
  it('shows the application’s message, and says in the user’s language when the service is silent', async () => {
    const { ApiCallError } = await import('../../../core/errors');
    const { errorMessage } = await import('../../../renderer/src/api/errorMessage');
    const refused = new ApiCallError({ code: 'not_found', message: 'Aucun engagement ne porte l’identifiant « x ».' });
    expect(errorMessage(refused, 'en')).toBe('Aucun engagement ne porte l’identifiant « x ».');
    const silent = new ApiCallError({ code: 'transport', message: 'Le service Carnet ne répond pas (TypeError: Failed to fetch).', details: 'TypeError: Failed to fetch' });
    expect(errorMessage(silent, 'en')).toBe('The Carnet service does not answer (TypeError: Failed to fetch).');
    expect(errorMessage(silent, 'fr')).toBe('Le service Carnet ne répond pas (TypeError: Failed to fetch).');
    expect(errorMessage(new Error('boom'), 'fr')).toBe('boom');
  });
});
