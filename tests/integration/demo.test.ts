import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataDump } from '../../core/contract';
import { ENGAGEMENT_STATUSES } from '../../core/domain';
import { normaliseNafCode, sirenOf, sirenProblem, siretProblem } from '../../core/siret';
import { openTestApp, withTestApp, type TestApp } from '../support/testApp';

// The demo dataset must obey PRODUCT.md, checked on what the app stores (data.dump), with the
// programme's parameters read from its row rather than from code.

interface ProgrammeRow { id: string; public_share_bp: number; min_days: number; max_days: number; envelope_cents: number; min_headcount: number; max_headcount: number; departements_json: string; opens_on: string; closes_on: string }
interface CompanyRow { id: string; siret: string; naf_code: string; sector: string; headcount: number; postal_code: string; departement: string }
interface ConsultantRow { id: string; daily_rate_cents: number }
interface EngagementRow { id: string; ref: string; programme_id: string; wave_id: string; company_id: string; allowance_days: number; daily_rate_cents: number; status: string; started_on: string | null; completed_on: string | null }
interface StaffingRow { engagement_id: string; consultant_id: string }
interface DayRow { id: string; engagement_id: string; consultant_id: string; date: string; half_days: number }
interface WaveRow { id: string; programme_id: string }

const rows = <T>(dump: DataDump, table: string) => (dump[table] ?? []) as unknown as T[];

describe('demo dataset (PRODUCT.md)', () => {
  let testApp: TestApp;
  let dump: DataDump;
  let programme: ProgrammeRow;
  let companies: CompanyRow[];
  let engagements: EngagementRow[];
  let days: DayRow[];

  beforeAll(async () => {
    testApp = await openTestApp();
    await testApp.call('demo.load', {});
    dump = await testApp.dump();
    const programmes = rows<ProgrammeRow>(dump, 'programmes');
    expect(programmes).toHaveLength(1);
    programme = programmes[0]!;
    companies = rows<CompanyRow>(dump, 'companies');
    engagements = rows<EngagementRow>(dump, 'engagements');
    days = rows<DayRow>(dump, 'day_entries');
  });
  afterAll(() => testApp.close());

  it('has about twenty companies across the six départements and several sectors', () => {
    expect(companies.length).toBeGreaterThanOrEqual(15);
    expect(companies.length).toBeLessThanOrEqual(30);
    expect(new Set(companies.map((c) => c.departement))).toEqual(new Set(['18', '28', '36', '37', '41', '45']));
    expect(new Set(companies.map((c) => c.sector)).size).toBeGreaterThanOrEqual(5);
    for (const company of companies) expect(company.postal_code.slice(0, 2), company.postal_code).toBe(company.departement);
  });

  it('gives every company a valid SIRET (and SIREN), unique, and a NAF code in stored form', () => {
    for (const company of companies) {
      expect(siretProblem(company.siret), company.siret).toBeNull();
      expect(sirenProblem(sirenOf(company.siret)), company.siret).toBeNull();
      expect(company.siret).toMatch(/^\d{14}$/);
      expect(normaliseNafCode(company.naf_code), company.naf_code).toBe(company.naf_code);
    }
    expect(new Set(companies.map((c) => c.siret)).size).toBe(companies.length);
  });

  it('keeps every headcount within the programme range (10–5 000)', () => {
    expect([programme.min_headcount, programme.max_headcount]).toEqual([10, 5000]);
    for (const company of companies) {
      expect(company.headcount).toBeGreaterThanOrEqual(programme.min_headcount);
      expect(company.headcount).toBeLessThanOrEqual(programme.max_headcount);
    }
  });

  it('keeps every allowance within 6–12 days and uses the programme and its waves', () => {
    const waveIds = new Set(rows<WaveRow>(dump, 'waves').filter((w) => w.programme_id === programme.id).map((w) => w.id));
    for (const engagement of engagements) {
      expect(engagement.allowance_days, engagement.ref).toBeGreaterThanOrEqual(6);
      expect(engagement.allowance_days, engagement.ref).toBeLessThanOrEqual(12);
      expect(engagement.daily_rate_cents, engagement.ref).toBeGreaterThan(0);
      expect(Number.isInteger(engagement.daily_rate_cents)).toBe(true);
      expect(engagement.programme_id).toBe(programme.id);
      expect(waveIds.has(engagement.wave_id), engagement.ref).toBe(true);
    }
  });

  it('shows every lifecycle status at least once', () => {
    expect(new Set(engagements.map((e) => e.status))).toEqual(new Set(ENGAGEMENT_STATUSES));
  });

  it('numbers engagements RD-YYYY-NNN, uniquely', () => {
    for (const engagement of engagements) expect(engagement.ref).toMatch(/^RD-\d{4}-\d{3}$/);
    expect(new Set(engagements.map((e) => e.ref)).size).toBe(engagements.length);
  });

  it('staffs each engagement with at least one consultant, and only staffed consultants log days', () => {
    const staffing = rows<StaffingRow>(dump, 'engagement_consultants');
    const consultantIds = new Set(rows<ConsultantRow>(dump, 'consultants').map((c) => c.id));
    for (const engagement of engagements) {
      expect(staffing.filter((s) => s.engagement_id === engagement.id).length, engagement.ref).toBeGreaterThanOrEqual(1);
    }
    const staffed = new Set(staffing.map((s) => `${s.engagement_id}|${s.consultant_id}`));
    for (const day of days) {
      expect(consultantIds.has(day.consultant_id)).toBe(true);
      expect(staffed.has(`${day.engagement_id}|${day.consultant_id}`), day.id).toBe(true);
    }
  });

  it('never logs more half days on an engagement than twice its allowance', () => {
    expect(days.length).toBeGreaterThan(0);
    for (const engagement of engagements) {
      const logged = days.filter((d) => d.engagement_id === engagement.id).reduce((sum, d) => sum + d.half_days, 0);
      expect(logged, engagement.ref).toBeLessThanOrEqual(2 * engagement.allowance_days);
    }
  });

  it('never logs more than one full day per consultant and date, across engagements', () => {
    const perConsultantDate = new Map<string, number>();
    for (const day of days) {
      expect([1, 2]).toContain(day.half_days);
      const key = `${day.consultant_id}|${day.date}`;
      perConsultantDate.set(key, (perConsultantDate.get(key) ?? 0) + day.half_days);
    }
    for (const [key, halfDays] of perConsultantDate) expect(halfDays, key).toBeLessThanOrEqual(2);
  });

  it('logs days only inside the programme window and from the engagement’s start', () => {
    expect([programme.opens_on, programme.closes_on]).toEqual(['2021-11-10', '2023-05-10']);
    const byId = new Map(engagements.map((e) => [e.id, e]));
    for (const day of days) {
      const engagement = byId.get(day.engagement_id)!;
      expect(day.date >= programme.opens_on && day.date <= programme.closes_on, day.date).toBe(true);
      expect(engagement.started_on, engagement.ref).not.toBeNull();
      expect(day.date >= engagement.started_on!, `${engagement.ref} ${day.date}`).toBe(true);
    }
  });

  it('logs no day on draft or committed engagements, and some on each engagement past them', () => {
    for (const engagement of engagements) {
      const count = days.filter((d) => d.engagement_id === engagement.id).length;
      if (engagement.status === 'draft' || engagement.status === 'committed') expect(count, engagement.ref).toBe(0);
      else expect(count, engagement.ref).toBeGreaterThan(0);
    }
  });

  it('commits no more public money than the envelope (300 000 €)', () => {
    expect(Number(programme.envelope_cents)).toBe(300_000_00);
    expect(programme.public_share_bp).toBe(8000);
    // Each committed-or-later engagement reserves its maximum: allowance × rate × 80 %, half up.
    const reservedCents = engagements
      .filter((e) => e.status !== 'draft')
      .map((e) => BigInt(e.allowance_days) * BigInt(e.daily_rate_cents) * BigInt(programme.public_share_bp))
      .reduce((sum, scaled) => sum + (2n * scaled + 10_000n) / 20_000n, 0n);
    expect(reservedCents).toBeGreaterThan(0n);
    expect(reservedCents).toBeLessThanOrEqual(BigInt(programme.envelope_cents));
  });

  it('agrees with engagements.list on what is logged', async () => {
    const list = await testApp.call('engagements.list', {});
    expect(list).toHaveLength(engagements.length);
    for (const row of list) {
      const logged = days.filter((d) => d.engagement_id === row.id).reduce((sum, d) => sum + d.half_days, 0);
      expect(row.halfDaysLogged, row.ref).toBe(logged);
    }
  });

  it('is deterministic: two fresh applications load identical data', async () => {
    const other = await withTestApp(async (fresh) => {
      await fresh.call('demo.load', {});
      return fresh.dump();
    });
    expect(other).toEqual(dump);
  });
});
