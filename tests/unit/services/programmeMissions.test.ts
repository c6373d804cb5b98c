// Which packages the Région's programme counts: one mission per engagement (company and
// reference), its latest readable version, whatever copies of it the queue holds.
import { describe, expect, it } from 'vitest';
import type { ReviewQueueRow } from '../../../core/review';
import { missionsOf } from '../../../services/review/programme';

function row(overrides: Partial<ReviewQueueRow>): ReviewQueueRow {
  return {
    key: `${overrides.ref ?? 'RD-2023-001'}-v${overrides.version ?? 1}-${overrides.firm ?? 'Cabinet A'}`,
    firm: 'Cabinet A',
    exchangeFolder: '/echange/a',
    folder: '/echange/a/packages/RD-2023-001/v1',
    ref: 'RD-2023-001',
    version: 1,
    companyName: 'Forges du Cher',
    siret: '73282932000074',
    submittedAt: '2023-05-01T10:00:00.000Z',
    status: 'new',
    decidedAt: null,
    findings: [],
    findingCounts: { integrity: 0, arithmetic: 0, rules: 0 },
    halfDaysLogged: 16,
    amountCents: 720_000,
    publicShareCents: 576_000,
    wave: 'Vague 1',
    projectType: 'relocalisation_production',
    departement: '18',
    sector: 'Industrie',
    superseded: false,
    manifestSha256: 'a'.repeat(64),
    ...overrides,
  };
}

describe('the missions of the programme', () => {
  it('counts a package once when a copy of it was also opened by hand, preferring the decided copy', () => {
    const watched = row({});
    const copy = row({ key: 'copy', firm: 'Ouvert à la main', exchangeFolder: null, status: 'approved' });
    expect(missionsOf([watched, copy]).map((mission) => [mission.key, mission.status])).toEqual([['copy', 'approved']]);
    // Undecided both: the watched one, which names its firm.
    expect(missionsOf([row({ key: 'copy', exchangeFolder: null, firm: 'Ouvert à la main' }), watched]).map((mission) => mission.key)).toEqual([watched.key]);
  });

  it('counts the latest version, across folders, and not an unreadable one', () => {
    const v1 = row({ status: 'changes_requested' });
    const v2 = row({ version: 2, key: 'v2', superseded: false });
    expect(missionsOf([v1, v2]).map((mission) => mission.version)).toEqual([2]);
    // v2 unreadable (no engagement.json): v1 stands, even though the queue marks it superseded.
    const broken = row({ version: 2, key: 'broken', companyName: null, projectType: null });
    expect(missionsOf([{ ...v1, superseded: true }, broken]).map((mission) => mission.key)).toEqual([v1.key]);
  });

  it('keeps apart two engagements under the same reference for two companies', () => {
    const other = row({ firm: 'Cabinet B', exchangeFolder: '/echange/b', siret: '55210055400013', companyName: 'Tissages de l’Indre' });
    expect(missionsOf([row({}), other])).toHaveLength(2);
  });
});
