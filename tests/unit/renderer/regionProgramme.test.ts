import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgrammeMission, ProgrammeSlice, ReviewStatus } from '../../../core/review';
import { REVIEW_STATUSES } from '../../../core/review';
import { envelopeSplit, missionsByStatus, missionTotals, shareOfEnvelope, sliceRows, statusRank } from '../../../renderer/src/screens/region/programmeFigures';

const collator = new Intl.Collator('fr-FR', { numeric: true, sensitivity: 'base' });

function mission(overrides: Partial<ProgrammeMission>): ProgrammeMission {
  return {
    key: 'k',
    firm: 'Cabinet Démo',
    ref: 'RD-2022-001',
    version: 1,
    companyName: 'Entreprise',
    wave: 'Vague 1',
    sector: 'Chimie',
    departement: '45',
    projectType: 'diversification',
    status: 'new',
    halfDays: 10,
    amountCents: 450_000,
    publicShareCents: 360_000,
    ...overrides,
  };
}

function slice(key: string, missions: number, approvedPublicCents: number, pendingPublicCents: number): ProgrammeSlice {
  return { key, label: key, missions, halfDays: missions * 8, approvedPublicCents, pendingPublicCents };
}

describe('the programme envelope', () => {
  it('splits the envelope into approved, pending and the rest', () => {
    const split = envelopeSplit({ envelopeCents: 1_000_000, approvedPublicCents: 300_000, pendingPublicCents: 200_000 });
    expect(split.parts).toEqual({ approved: 300_000, pending: 200_000, rest: 500_000 });
    expect(split.restCents).toBe(500_000);
    expect(split.overrunCents).toBe(0);
    expect(split.scaleCents).toBe(1_000_000);
  });

  it('says by how much the submissions exceed the envelope, and draws the bar to the submitted total', () => {
    const split = envelopeSplit({ envelopeCents: 400_000, approvedPublicCents: 300_000, pendingPublicCents: 250_000 });
    expect(split.parts.rest).toBe(0);
    expect(split.restCents).toBe(-150_000);
    expect(split.overrunCents).toBe(150_000);
    expect(split.scaleCents).toBe(550_000);
  });

  it('keeps the parts adding up to the bar whatever the figures', () => {
    const cents = fc.integer({ min: 0, max: 10 ** 12 });
    fc.assert(
      fc.property(cents, cents, cents, (envelopeCents, approvedPublicCents, pendingPublicCents) => {
        const split = envelopeSplit({ envelopeCents, approvedPublicCents, pendingPublicCents });
        const drawn = split.parts.approved + split.parts.pending + split.parts.rest;
        expect(drawn).toBe(Math.max(envelopeCents, approvedPublicCents + pendingPublicCents));
        expect(split.parts.rest - split.overrunCents).toBe(split.restCents);
        expect(Math.min(split.parts.rest, split.overrunCents)).toBe(0);
      }),
    );
  });

  it('gives shares of the envelope in basis points, none without an envelope', () => {
    expect(shareOfEnvelope(250_000, 1_000_000)).toBe(2_500);
    expect(shareOfEnvelope(1, 3)).toBe(3_333);
    expect(shareOfEnvelope(100, 0)).toBeNull();
  });
});

describe('the slices as chart rows', () => {
  const slices = [slice('Vague 2', 1, 0, 500_000), slice('Vague 1', 3, 200_000, 100_000), slice('Vague 3', 1, 0, 300_000)];

  it('ranks by public money, largest first, with approved and pending summed', () => {
    const rows = sliceRows(slices, (item) => item.key, 'publicMoney', collator);
    expect(rows.map((row) => [row.label, row.publicCents])).toEqual([
      ['Vague 2', 500_000],
      ['Vague 1', 300_000],
      ['Vague 3', 300_000],
    ]);
  });

  it('ranks by missions, then by label in the reader’s order', () => {
    const rows = sliceRows(slices, (item) => `Libellé ${item.key}`, 'missions', collator);
    expect(rows.map((row) => row.label)).toEqual(['Libellé Vague 1', 'Libellé Vague 2', 'Libellé Vague 3']);
    expect(rows[0]).toMatchObject({ key: 'Vague 1', missions: 3, halfDays: 24, approvedPublicCents: 200_000, pendingPublicCents: 100_000 });
  });

  it('does not reorder the slices it was given', () => {
    sliceRows(slices, (item) => item.key, 'missions', collator);
    expect(slices.map((item) => item.key)).toEqual(['Vague 2', 'Vague 1', 'Vague 3']);
  });
});

describe('the missions', () => {
  const missions = [
    mission({ key: 'a', status: 'approved', halfDays: 15, amountCents: 675_000, publicShareCents: 540_000 }),
    mission({ key: 'b', status: 'new', halfDays: 12, amountCents: 540_000, publicShareCents: 432_000 }),
    mission({ key: 'c', status: 'approved', halfDays: 9, amountCents: 405_000, publicShareCents: 324_000 }),
    mission({ key: 'd', status: 'changes_requested', halfDays: 20, amountCents: 900_000, publicShareCents: 720_000 }),
  ];

  it('counts them by review status in the statuses’ order, empty statuses left out', () => {
    expect(missionsByStatus(missions)).toEqual([
      { status: 'new', missions: 1, publicCents: 432_000 },
      { status: 'approved', missions: 2, publicCents: 864_000 },
      { status: 'changes_requested', missions: 1, publicCents: 720_000 },
    ]);
  });

  it('sums their days, amounts and public shares', () => {
    expect(missionTotals(missions)).toEqual({ halfDays: 56, amountCents: 2_520_000, publicShareCents: 2_016_000 });
    expect(missionTotals([])).toEqual({ halfDays: 0, amountCents: 0, publicShareCents: 0 });
  });

  it('ranks the statuses from new to decided', () => {
    const sorted = [...REVIEW_STATUSES].reverse().sort((a: ReviewStatus, b: ReviewStatus) => statusRank(a) - statusRank(b));
    expect(sorted).toEqual(['new', 'in_review', 'approved', 'changes_requested']);
  });
});
