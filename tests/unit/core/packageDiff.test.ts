import { describe, expect, it } from 'vitest';
import type { EngagementFile, PackageDay } from '../../../core/closingPackage';
import { sectorOfNaf } from '../../../core/nafSectors';
import { diffPackages } from '../../../core/packageDiff';

const day = (date: string, consultantId: string, overrides: Partial<PackageDay> = {}): PackageDay => ({
  date, consultantId, halfDays: 2, activity: 'diagnostic', location: 'on_site', summary: 'Diagnostic', flags: [], ...overrides,
});

function file(days: PackageDay[], deliverables: EngagementFile['deliverables'] = []): EngagementFile {
  return {
    formatVersion: 1,
    programme: { name: 'P', funders: ['Région'], publicShareBasisPoints: 8000, minDays: 6, maxDays: 12, opensOn: '2021-11-10', closesOn: '2023-05-10' },
    company: { siret: '55208131766522', name: 'X', nafCode: '25.62A', headcount: 50, postalCode: '45000', city: 'Orléans', departement: '45' },
    engagement: { ref: 'RD-1', wave: 'Vague 1', projectType: 'diversification', phase: 'etude', allowanceDays: 6, dailyRateCents: 90000, startedOn: '2022-03-01', completedOn: '2022-03-10', consultants: [{ id: 'k1', name: 'Claire Martin' }, { id: 'k2', name: 'Hugo Petit' }] },
    days,
    deliverables,
    totals: { halfDaysLogged: days.reduce((sum, item) => sum + item.halfDays, 0), amountCents: 0, publicShareCents: 0, companyShareCents: 0 },
  };
}

describe('diffPackages', () => {
  it('finds days added, removed and modified by (date, consultant), naming the fields changed', () => {
    const before = file([day('2022-03-01', 'k1'), day('2022-03-02', 'k1'), day('2022-03-02', 'k2', { halfDays: 1 })]);
    const after = file([day('2022-03-01', 'k1', { summary: 'Diagnostic détaillé', location: 'remote' }), day('2022-03-02', 'k2', { halfDays: 1 }), day('2022-03-03', 'k2')]);
    const diff = diffPackages(before, after);
    expect(diff.added.map((change) => `${change.date} ${change.consultantName}`)).toEqual(['2022-03-03 Hugo Petit']);
    expect(diff.removed.map((change) => `${change.date} ${change.consultantName}`)).toEqual(['2022-03-02 Claire Martin']);
    expect(diff.modified).toHaveLength(1);
    expect(diff.modified[0]).toMatchObject({ date: '2022-03-01', fields: ['location', 'summary'], before: { location: 'on_site' }, after: { location: 'remote' } });
    expect(diff.totalsBefore.halfDaysLogged).toBe(5);
    expect(diff.totalsAfter.halfDaysLogged).toBe(5);
  });

  it('finds deliverables added, removed and replaced by their path', () => {
    const a = { kind: 'diagnostic' as const, title: 'Diagnostic', path: 'deliverables/diagnostic.pdf', sha256: 'a'.repeat(64) };
    const b = { kind: 'plan_action' as const, title: 'Plan', path: 'deliverables/plan.pdf', sha256: 'b'.repeat(64) };
    const c = { kind: 'rapport_final' as const, title: 'Rapport', path: 'deliverables/rapport.pdf', sha256: 'c'.repeat(64) };
    const diff = diffPackages(file([], [a, b]), file([], [{ ...a, sha256: 'd'.repeat(64) }, c]));
    expect(diff.deliverablesAdded.map((item) => item.path)).toEqual(['deliverables/rapport.pdf']);
    expect(diff.deliverablesRemoved.map((item) => item.path)).toEqual(['deliverables/plan.pdf']);
    expect(diff.deliverablesChanged.map((item) => `${item.before.sha256[0]}→${item.after.sha256[0]}`)).toEqual(['a→d']);
  });

  it('reports nothing between a package and itself', () => {
    const same = file([day('2022-03-01', 'k1')]);
    const diff = diffPackages(same, same);
    expect([diff.added, diff.removed, diff.modified, diff.deliverablesAdded, diff.deliverablesRemoved, diff.deliverablesChanged].every((list) => list.length === 0)).toBe(true);
  });
});

describe('sectorOfNaf', () => {
  it('names the call’s sectors from the NAF code, with or without its dot', () => {
    expect(sectorOfNaf('10.71C')).toBe('Agroalimentaire');
    expect(sectorOfNaf('2014Z')).toBe('Chimie');
    expect(sectorOfNaf('21.20Z')).toBe('Pharmacie');
    expect(sectorOfNaf('29.32Z')).toBe('Automobile');
    expect(sectorOfNaf('30.30Z')).toBe('Aéronautique');
    expect(sectorOfNaf('30.20Z')).toBe('Autres matériels de transport');
    expect(sectorOfNaf('25.62A')).toBe('Métallurgie, produits métalliques');
  });

  it('falls back to the section outside manufacturing, and says when the code is unusable', () => {
    expect(sectorOfNaf('62.01Z')).toBe('Information et communication');
    expect(sectorOfNaf('01.11Z')).toBe('Agriculture, sylviculture, pêche');
    expect(sectorOfNaf('99.00Z')).toBe('Autres services');
    expect(sectorOfNaf('abc')).toBe('Non renseigné');
  });
});
