import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataDump, InputOf } from '../../core/contract';
import type { Activity, DayEntry, Location } from '../../core/domain';
import { DEFAULT_PROGRAMME_ID, DEFAULT_WAVES } from '../../db/defaultProgramme';
import { withTestApp, type TestApp } from '../support/testApp';

// Issue 4, "Done when": for any sequence of log / clear / undo operations across several
// engagements and consultants, the stored totals equal the sum of entries, never exceed any
// allowance, no consultant-date exceeds two half days, and refused operations change nothing.
// Undo is what the grid's Ctrl+Z does: re-apply a cell's previous value through days.set.

// Small allowances so that the limits are hit; every consultant is on several engagements. The
// third one is only committed: its first day starts it, and days before that one are refused.
const ENGAGEMENTS = [
  { allowanceDays: 6, staff: [0, 1, 2], startNow: true },
  { allowanceDays: 7, staff: [0], startNow: true },
  { allowanceDays: 6, staff: [1, 2], startNow: false },
  { allowanceDays: 7, staff: [0, 2], startNow: true },
] as const;
const CONSULTANTS = 3;
// Engagements started by transition start on 2022-03-01 (the clock's date); the 5th is a Saturday.
const DATES = ['2022-03-02', '2022-03-03', '2022-03-04', '2022-03-05', '2022-03-07', '2022-03-08'];
const ACTIVITIES: Activity[] = ['analyse', 'atelier'];

type Fields = Pick<DayEntry, 'halfDays' | 'activity' | 'location' | 'summary'>;
interface Cell { e: number; c: number; d: number }
type Operation =
  | (Cell & { kind: 'log'; halfDays: 1 | 2; activity: Activity | undefined })
  | (Cell & { kind: 'clear' })
  | { kind: 'undo' };

// Mostly the consultants' own engagements (a full day twice as often as a half), sometimes a
// consultant who is not on the engagement.
// The first engagement, three consultants on six days, is drawn three times as often to reach its allowance.
const STAFFED = ENGAGEMENTS.flatMap((spec, e) => spec.staff.flatMap((c) => Array.from({ length: e === 0 ? 3 : 1 }, () => ({ e, c }))));
const cell: fc.Arbitrary<Cell> = fc.tuple(
  fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...STAFFED) }, { weight: 1, arbitrary: fc.record({ e: fc.nat(ENGAGEMENTS.length - 1), c: fc.nat(CONSULTANTS - 1) }) }),
  fc.nat(DATES.length - 1),
).map(([{ e, c }, d]) => ({ e, c, d }));
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 7, arbitrary: fc.record({ kind: fc.constant('log' as const), at: cell, halfDays: fc.constantFrom(2 as const, 2 as const, 1 as const), activity: fc.option(fc.constantFrom(...ACTIVITIES), { nil: undefined }) }).map(({ at, ...rest }) => ({ ...at, ...rest })) },
  { weight: 1, arbitrary: cell.map((at) => ({ kind: 'clear' as const, ...at })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
);

const log = (e: number, c: number, d: number, halfDays: 1 | 2 = 2): Operation => ({ kind: 'log', e, c, d, halfDays, activity: undefined });
/** One sequence that surely meets every rule, run before the random ones. */
const EVERY_RULE: Operation[] = [
  ...[0, 1, 2, 3, 4, 5].map((d) => log(0, d % 3, d)),
  log(0, 1, 0, 1), // allowance: the first engagement is full
  log(1, 0, 0, 1), // consultant-date: consultant 0 has a full day on the 2nd
  { kind: 'undo' }, { kind: 'undo' },
  log(1, 0, 0, 1),
  log(2, 1, 3), // starts the third engagement on the 5th (a Saturday)
  log(2, 2, 0), // before its start
  log(1, 1, 1), // not on the engagement
  { kind: 'clear', e: 0, c: 2, d: 5 }, { kind: 'undo' }, { kind: 'undo' },
];

function luhn(digits: string): boolean {
  const total = [...digits].reverse().map((c, i) => (i % 2 === 0 ? Number(c) : Number(c) * 2)).reduce((sum, v) => sum + Math.floor(v / 10) + (v % 10), 0);
  return total % 10 === 0;
}
const withCheckDigit = (payload: string) => payload + '0123456789'.split('').find((d) => luhn(payload + d))!;

function tickingClock(startIso: string): () => Date {
  let time = Date.parse(startIso);
  return () => new Date((time += 1000));
}

interface World { engagementIds: string[]; consultantIds: string[] }

async function setUp(testApp: TestApp): Promise<World> {
  const { company } = await testApp.call('companies.save', {
    siret: withCheckDigit(`${withCheckDigit('41234567')}0001`), name: 'Forges de Sologne', nafCode: '25.62A', sector: 'Mécanique',
    headcount: 120, postalCode: '41200', city: 'Romorantin-Lanthenay',
  });
  const consultantIds: string[] = [];
  for (let k = 0; k < CONSULTANTS; k++) {
    consultantIds.push((await testApp.call('consultants.save', { name: `Consultant ${'ABC'[k]} Essai`, email: `k${k}@cabinet-exemple.fr`, dailyRateCents: 90_000 })).id);
  }
  const engagementIds: string[] = [];
  for (const spec of ENGAGEMENTS) {
    const { engagement } = await testApp.call('engagements.create', {
      companyId: company.id, programmeId: DEFAULT_PROGRAMME_ID, waveId: DEFAULT_WAVES[0]!.id, projectType: 'diversification', phase: 'etude',
      allowanceDays: spec.allowanceDays, dailyRateCents: 100_000, consultantIds: spec.staff.map((k) => consultantIds[k]!),
    });
    await testApp.call('engagements.transition', { id: engagement.id, to: 'committed' });
    if (spec.startNow) await testApp.call('engagements.transition', { id: engagement.id, to: 'in_progress' });
    engagementIds.push(engagement.id);
  }
  return { engagementIds, consultantIds };
}

/** What the rules say, written apart from services/: the oracle of which operations go through. */
class Model {
  readonly cells = new Map<string, Fields>();
  readonly startedOn: (string | null)[] = ENGAGEMENTS.map((spec) => (spec.startNow ? '2022-03-01' : null));
  readonly history: { at: Cell; previous: Fields | null }[] = [];
  auditRows = 0;

  static key = ({ e, c, d }: Cell) => `${e}|${c}|${d}`;

  total(e: number, except?: Cell): number {
    let sum = 0;
    for (const [key, fields] of this.cells) if (key.startsWith(`${e}|`) && (!except || key !== Model.key(except))) sum += fields.halfDays;
    return sum;
  }

  onDateElsewhere({ e, c, d }: Cell): number {
    let sum = 0;
    for (let other = 0; other < ENGAGEMENTS.length; other++) if (other !== e) sum += this.cells.get(Model.key({ e: other, c, d }))?.halfDays ?? 0;
    return sum;
  }

  accepts(at: Cell, halfDays: 0 | 1 | 2): boolean {
    if (!(ENGAGEMENTS[at.e]!.staff as readonly number[]).includes(at.c)) return false;
    if (halfDays === 0) return true;
    const started = this.startedOn[at.e];
    if (started && DATES[at.d]! < started) return false;
    if (this.total(at.e, at) + halfDays > 2 * ENGAGEMENTS[at.e]!.allowanceDays) return false;
    return this.onDateElsewhere(at) + halfDays <= 2;
  }

  /** Applies an accepted change; `recordUndo` is false for an undo itself. */
  apply(at: Cell, input: { halfDays: 0 | 1 | 2; activity?: Activity; location?: Location; summary?: string }, recordUndo: boolean): void {
    const key = Model.key(at);
    const before = this.cells.get(key) ?? null;
    const after: Fields | null = input.halfDays === 0 ? null : {
      halfDays: input.halfDays,
      activity: input.activity ?? before?.activity ?? 'autre',
      location: input.location ?? before?.location ?? 'on_site',
      summary: input.summary ?? before?.summary ?? '',
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    if (after) this.cells.set(key, after);
    else this.cells.delete(key);
    this.auditRows += 1;
    if (after && !this.startedOn[at.e]) this.startedOn[at.e] = DATES[at.d]!;
    if (recordUndo) this.history.push({ at, previous: before });
  }
}

const halfDaysOf = (row: Record<string, unknown>) => Number(row.half_days);

async function checkInvariants(testApp: TestApp, world: World, model: Model, dump: DataDump, label: string): Promise<void> {
  const entries = dump.day_entries ?? [];
  // The database holds exactly the model's cells.
  const stored = new Map(entries.map((row) => [
    Model.key({ e: world.engagementIds.indexOf(String(row.engagement_id)), c: world.consultantIds.indexOf(String(row.consultant_id)), d: DATES.indexOf(String(row.date)) }),
    { halfDays: halfDaysOf(row), activity: row.activity, location: row.location, summary: row.summary },
  ]));
  expect(stored, label).toEqual(model.cells);
  expect(dump.day_entry_changes ?? [], label).toHaveLength(model.auditRows);

  // Stored totals (what the list and the grid show) equal the sum of entries, within the allowance.
  const list = await testApp.call('engagements.list', {});
  world.engagementIds.forEach((id, e) => {
    const sum = entries.filter((row) => row.engagement_id === id).reduce((total, row) => total + halfDaysOf(row), 0);
    const row = list.find((r) => r.id === id)!;
    expect(row.halfDaysLogged, `${label}: engagement ${e}`).toBe(sum);
    expect(sum, `${label}: engagement ${e} within its allowance`).toBeLessThanOrEqual(2 * ENGAGEMENTS[e]!.allowanceDays);
  });
  // No consultant-date holds more than a full day.
  const byConsultantDate = new Map<string, number>();
  for (const row of entries) {
    const key = `${String(row.consultant_id)}|${String(row.date)}`;
    byConsultantDate.set(key, (byConsultantDate.get(key) ?? 0) + halfDaysOf(row));
  }
  for (const [key, halfDays] of byConsultantDate) expect(halfDays, `${label}: ${key}`).toBeLessThanOrEqual(2);
}

describe('days.set: any sequence of log, clear and undo keeps the day log consistent', () => {
  it('totals equal the entries, within allowances and one day per consultant-date; refusals change nothing', async () => {
    // Which rules refused something, and how many undos went through, over all runs: the
    // generator must reach every limit for the property to mean anything.
    const refusedBy = new Map<string, number>();
    let undone = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 10, maxLength: 40, size: 'max' }), async (operations) => {
        await withTestApp(async (testApp) => {
          const world = await setUp(testApp);
          const model = new Model();
          let dump = await testApp.dump();
          for (const [index, op] of operations.entries()) {
            let at: Cell;
            let input: Omit<InputOf<'days.set'>, 'engagementId' | 'consultantId' | 'date'>;
            if (op.kind === 'undo') {
              const last = model.history.pop();
              if (!last) continue;
              at = last.at;
              input = last.previous ? { ...last.previous } : { halfDays: 0 };
            } else {
              at = { e: op.e, c: op.c, d: op.d };
              input = op.kind === 'log' ? { halfDays: op.halfDays, ...(op.activity ? { activity: op.activity } : {}) } : { halfDays: 0 };
            }
            const label = `#${index} ${op.kind} ${JSON.stringify(at)} ${JSON.stringify(input)}`;
            const expected = model.accepts(at, input.halfDays);
            const outcome = await testApp.dispatch('days.set', {
              engagementId: world.engagementIds[at.e]!, consultantId: world.consultantIds[at.c]!, date: DATES[at.d]!, ...input,
            });
            expect(outcome.ok, `${label} → ${outcome.ok ? 'accepted' : outcome.error.message}`).toBe(expected);
            const after = await testApp.dump();
            if (outcome.ok) {
              model.apply(at, input, op.kind !== 'undo');
              expect((outcome.result as { halfDaysLogged: number }).halfDaysLogged, label).toBe(model.total(at.e));
              if (op.kind === 'undo') undone += 1;
            } else {
              expect(outcome.error.code, label).toBe('rule_violation');
              for (const finding of outcome.error.details as { rule: string; severity: string }[]) {
                if (finding.severity === 'error') refusedBy.set(finding.rule, (refusedBy.get(finding.rule) ?? 0) + 1);
              }
              expect(after, `${label}: a refusal changes nothing`).toEqual(dump);
            }
            await checkInvariants(testApp, world, model, after, label);
            dump = after;
          }
        }, { now: tickingClock('2022-03-01T09:00:00Z') });
      }),
      { numRuns: 30, examples: [[EVERY_RULE]] },
    );
    const seen = JSON.stringify({ undone, refusedBy: Object.fromEntries(refusedBy) });
    expect([...refusedBy.keys()].sort(), seen).toEqual(['rule.day.allowance', 'rule.day.beforeStart', 'rule.day.consultantDate', 'rule.day.notStaffed']);
    expect(undone, seen).toBeGreaterThan(0);
  }, 60_000);
});
