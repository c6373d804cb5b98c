import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementDetail, EngagementRow, EngagementStatus } from '../../core/domain';
import type { BreakdownRow, ProgrammeDashboard } from '../../core/domainViews';
import type { ApiResult } from '../../core/errors';
import { DEFAULT_PROGRAMME_ID, DEFAULT_WAVES } from '../../db/defaultProgramme';
import { openTestApp, withTestApp, type TestApp } from '../support/testApp';

// programmes.dashboard on the demo data, every figure recomputed here from what engagements.list
// and engagements.get return, with an independent exact arithmetic (PRODUCT.md, "Money").

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return 2n * (numerator % denominator) >= denominator ? quotient + 1n : quotient;
}
/** Public share of `halfDays` at a daily rate, the spec's way (amount first, then the share). */
function publicShare(halfDays: number, dailyRateCents: number, basisPoints: number): number {
  const amount = roundHalfUp(BigInt(halfDays) * BigInt(dailyRateCents), 2n);
  return Number(roundHalfUp(amount * BigInt(basisPoints), 10_000n));
}

const NOT_RESERVING: EngagementStatus[] = ['draft'];
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('programmes.dashboard on the demo data', () => {
  let testApp: TestApp;
  let dashboard: ProgrammeDashboard;
  let list: EngagementRow[];
  let details: EngagementDetail[];
  let basisPoints: number;

  beforeAll(async () => {
    testApp = await openTestApp();
    await testApp.call('demo.load', {});
    dashboard = await testApp.call('programmes.dashboard', { programmeId: DEFAULT_PROGRAMME_ID });
    list = await testApp.call('engagements.list', {});
    details = await Promise.all(list.map((row) => testApp.call('engagements.get', { id: row.id })));
    basisPoints = details[0]!.programme.publicShareBasisPoints;
  });
  afterAll(() => testApp.close());

  const reserving = () => details.filter((d) => !NOT_RESERVING.includes(d.engagement.status));
  const halfDaysOf = (detail: EngagementDetail) => sum(detail.days.map((day) => day.halfDays));

  it('covers every status of the lifecycle (the demo is a meaningful fixture)', () => {
    expect(new Set(list.map((row) => row.status)).size).toBe(8);
    expect(dashboard.programme.id).toBe(DEFAULT_PROGRAMME_ID);
    expect(dashboard.programme.engagementCount).toBe(list.length);
  });

  it('committed = Σ maximum public share of the committed-or-later engagements', () => {
    const expected = sum(reserving().map((d) => publicShare(2 * d.engagement.allowanceDays, d.engagement.dailyRateCents, basisPoints)));
    expect(expected).toBeGreaterThan(0);
    expect(dashboard.programme.envelope.committedCents).toBe(expected);
  });

  it('consumed = Σ public share of the days logged, approved = the same over approved and closed engagements', () => {
    const share = (d: EngagementDetail) => publicShare(halfDaysOf(d), d.engagement.dailyRateCents, basisPoints);
    const consumed = sum(details.map(share));
    const approved = sum(details.filter((d) => d.engagement.status === 'approved' || d.engagement.status === 'closed').map(share));
    expect(consumed).toBeGreaterThan(approved);
    expect(approved).toBeGreaterThan(0);
    expect(dashboard.programme.envelope.consumedCents).toBe(consumed);
    expect(dashboard.programme.envelope.approvedCents).toBe(approved);
    // Each engagement's own totals agree with the same arithmetic.
    for (const d of details) expect(d.totals.publicShareCents, d.engagement.ref).toBe(share(d));
  });

  it('remaining = envelope − committed, and programmes.list shows the same figures', async () => {
    const { envelope } = dashboard.programme;
    expect(envelope.envelopeCents).toBe(300_000_00);
    expect(envelope.remainingCents).toBe(envelope.envelopeCents - envelope.committedCents);
    const listed = (await testApp.call('programmes.list', {})).find((p) => p.id === DEFAULT_PROGRAMME_ID)!;
    expect(listed.envelope).toEqual(envelope);
  });

  it('each breakdown counts every engagement once, and its sums match the totals', () => {
    const dimensions: [string, BreakdownRow[], (d: EngagementDetail) => string][] = [
      ['byWave', dashboard.byWave, (d) => d.wave.name],
      ['byProjectType', dashboard.byProjectType, (d) => d.engagement.projectType],
      ['byPhase', dashboard.byPhase, (d) => d.engagement.phase],
      ['bySector', dashboard.bySector, (d) => d.company.sector],
      ['byDepartement', dashboard.byDepartement, (d) => d.company.departement],
      ['byStatus', dashboard.byStatus, (d) => d.engagement.status],
    ];
    for (const [name, rows, keyOf] of dimensions) {
      expect(sum(rows.map((r) => r.engagements)), name).toBe(list.length);
      expect(sum(rows.map((r) => r.committedCents)), name).toBe(dashboard.programme.envelope.committedCents);
      expect(sum(rows.map((r) => r.halfDaysLogged)), name).toBe(sum(list.map((r) => r.halfDaysLogged)));
      expect(new Set(rows.map((r) => r.key)).size, `${name}: keys are distinct`).toBe(rows.length);
      for (const row of rows) {
        const members = details.filter((d) => keyOf(d) === row.key);
        expect(row.engagements, `${name} ${row.key}`).toBe(members.length);
        expect(row.halfDaysLogged, `${name} ${row.key}`).toBe(sum(members.map(halfDaysOf)));
        const reservingMembers = members.filter((d) => !NOT_RESERVING.includes(d.engagement.status));
        expect(row.committedCents, `${name} ${row.key}`).toBe(sum(reservingMembers.map((d) => publicShare(2 * d.engagement.allowanceDays, d.engagement.dailyRateCents, basisPoints))));
      }
    }
  });

  it('waves come in their programme order, départements in code order', () => {
    const order = new Map(DEFAULT_WAVES.map((w) => [w.name, w.ordinal]));
    const ordinals = dashboard.byWave.map((r) => order.get(r.key)!);
    expect(ordinals).toEqual([...ordinals].sort((a, b) => a - b));
    const codes = dashboard.byDepartement.map((r) => r.key);
    expect(codes).toEqual([...codes].sort());
  });

  it('burn covers exactly the committed-or-later engagements, sorted by used ratio, most used first', () => {
    expect(dashboard.burn.map((r) => r.id).sort()).toEqual(reserving().map((d) => d.engagement.id).sort());
    for (const row of dashboard.burn) {
      const detail = details.find((d) => d.engagement.id === row.id)!;
      expect(row).toEqual({
        id: detail.engagement.id, ref: detail.engagement.ref, companyName: detail.company.name, status: detail.engagement.status,
        allowanceDays: detail.engagement.allowanceDays, halfDaysLogged: halfDaysOf(detail), usedRatio: halfDaysOf(detail) / (2 * detail.engagement.allowanceDays),
      });
      expect(row.usedRatio).toBeGreaterThanOrEqual(0);
      expect(row.usedRatio).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < dashboard.burn.length; i++) expect(dashboard.burn[i - 1]!.usedRatio).toBeGreaterThanOrEqual(dashboard.burn[i]!.usedRatio);
  });

  it('follows a commitment: the figures move by exactly the new reservation', async () => {
    const draft = details.find((d) => d.engagement.status === 'draft')!;
    await testApp.call('engagements.transition', { id: draft.engagement.id, to: 'committed' });
    try {
      const after = await testApp.call('programmes.dashboard', { programmeId: DEFAULT_PROGRAMME_ID });
      const reservation = publicShare(2 * draft.engagement.allowanceDays, draft.engagement.dailyRateCents, basisPoints);
      expect(after.programme.envelope.committedCents).toBe(dashboard.programme.envelope.committedCents + reservation);
      expect(after.programme.envelope.remainingCents).toBe(dashboard.programme.envelope.remainingCents - reservation);
      expect(after.programme.envelope.consumedCents).toBe(dashboard.programme.envelope.consumedCents);
      expect(after.burn.map((r) => r.id)).toContain(draft.engagement.id);
      expect(after.byStatus.find((r) => r.key === 'committed')!.engagements).toBe(dashboard.byStatus.find((r) => r.key === 'committed')!.engagements + 1);
    } finally {
      await testApp.call('engagements.transition', { id: draft.engagement.id, to: 'draft' });
    }
  });
});

describe('programmes.dashboard: other programmes', () => {
  it('an empty programme has zero figures and empty breakdowns', async () => {
    await withTestApp(async (testApp) => {
      const created = await testApp.call('programmes.save', {
        name: 'Vide', funders: ['Région'], publicShareBasisPoints: 8000, minDays: 6, maxDays: 12, envelopeCents: 1_000_000,
        minHeadcount: 10, maxHeadcount: 5000, departements: ['45'], opensOn: '2024-01-01', closesOn: '2024-12-31', waves: [{ name: 'V1', deadlineOn: null }],
      });
      const dashboard = await testApp.call('programmes.dashboard', { programmeId: created.id });
      expect(dashboard.programme.envelope).toEqual({ envelopeCents: 1_000_000, committedCents: 0, consumedCents: 0, approvedCents: 0, remainingCents: 1_000_000 });
      expect([dashboard.byWave, dashboard.byProjectType, dashboard.byPhase, dashboard.bySector, dashboard.byDepartement, dashboard.byStatus, dashboard.burn]).toEqual([[], [], [], [], [], [], []]);
    });
  });

  it('an unknown programme: not_found naming the id', async () => {
    await withTestApp(async (testApp) => {
      const outcome: ApiResult<unknown> = await testApp.dispatch('programmes.dashboard', { programmeId: 'no-such-programme' });
      expect(outcome).toEqual({ ok: false, error: { code: 'not_found', field: 'programmeId', message: 'Aucun programme ne porte l’identifiant « no-such-programme ».' } });
    });
  });
});
