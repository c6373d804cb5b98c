import { describe, expect, it } from 'vitest';
import { ENGAGEMENT_STATUSES, type EngagementStatus } from '../../../core/domain';
import { canTransition, isReserving, RESERVING_STATUSES, TRANSITIONS } from '../../../core/lifecycle';

// PRODUCT.md, "Lifecycle of an engagement": draft → committed → in progress → completed →
// submitted → approved | changes requested (→ in progress again) → closed; plus the two ways back
// the firm needs (uncommit before any day is logged, reopen a completed mission before review).
const EXPECTED: [EngagementStatus, EngagementStatus][] = [
  ['draft', 'committed'],
  ['committed', 'in_progress'],
  ['committed', 'draft'],
  ['in_progress', 'completed'],
  ['completed', 'submitted'],
  ['completed', 'in_progress'],
  ['submitted', 'approved'],
  ['submitted', 'changes_requested'],
  ['changes_requested', 'in_progress'],
  ['approved', 'closed'],
];

const allowed = (from: EngagementStatus, to: EngagementStatus) => EXPECTED.some(([f, t]) => f === from && t === to);

describe('engagement lifecycle', () => {
  it('canTransition allows exactly the transitions of the product lifecycle, for all 64 pairs', () => {
    for (const from of ENGAGEMENT_STATUSES) {
      for (const to of ENGAGEMENT_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed(from, to));
      }
    }
  });

  it('TRANSITIONS lists every status once, with no duplicate targets', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ENGAGEMENT_STATUSES].sort());
    for (const from of ENGAGEMENT_STATUSES) expect(new Set(TRANSITIONS[from]).size, from).toBe(TRANSITIONS[from].length);
  });

  it('no status goes to itself and closed is final', () => {
    for (const status of ENGAGEMENT_STATUSES) expect(canTransition(status, status), status).toBe(false);
    expect(TRANSITIONS.closed).toEqual([]);
  });

  it('the happy path and the changes-requested loop are walkable', () => {
    const walk = (path: EngagementStatus[]) => path.slice(1).every((to, index) => canTransition(path[index]!, to));
    expect(walk(['draft', 'committed', 'in_progress', 'completed', 'submitted', 'approved', 'closed'])).toBe(true);
    expect(walk(['submitted', 'changes_requested', 'in_progress', 'completed', 'submitted'])).toBe(true);
    // No shortcut: a mission cannot be approved or closed without being reviewed.
    expect(canTransition('completed', 'approved')).toBe(false);
    expect(canTransition('in_progress', 'submitted')).toBe(false);
    expect(canTransition('submitted', 'closed')).toBe(false);
    expect(canTransition('draft', 'in_progress')).toBe(false);
  });

  it('every status is reachable from draft, and closed from every status', () => {
    const reachableFrom = (start: EngagementStatus): Set<EngagementStatus> => {
      const seen = new Set<EngagementStatus>([start]);
      const queue = [start];
      while (queue.length) {
        for (const next of TRANSITIONS[queue.shift()!]) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      return seen;
    };
    expect([...reachableFrom('draft')].sort()).toEqual([...ENGAGEMENT_STATUSES].sort());
    for (const status of ENGAGEMENT_STATUSES) expect(reachableFrom(status).has('closed'), status).toBe(true);
  });

  it('every status but draft holds a reservation on the envelope', () => {
    for (const status of ENGAGEMENT_STATUSES) expect(isReserving(status), status).toBe(status !== 'draft');
    expect([...RESERVING_STATUSES].sort()).toEqual(ENGAGEMENT_STATUSES.filter((s) => s !== 'draft').sort());
  });

  it('a reservation is taken only on draft → committed and released only on committed → draft', () => {
    for (const [from, to] of EXPECTED) {
      const change = Number(isReserving(to)) - Number(isReserving(from));
      const expected = from === 'draft' && to === 'committed' ? 1 : from === 'committed' && to === 'draft' ? -1 : 0;
      expect(change, `${from} → ${to}`).toBe(expected);
    }
  });
});
