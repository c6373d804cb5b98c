import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockError, compareHlc, initialClock, isHlcText, MAX_COUNTER, nextLocal, parseHlc, receive, serializeHlc, type Hlc } from '../../../core/hlc';

const DAY = 86_400_000;
const NOW = Date.UTC(2022, 2, 1, 9, 30);
const node = fc.stringMatching(/^[0-9a-f]{16}$/);
const hlc = fc.record({
  millis: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
  counter: fc.integer({ min: 0, max: MAX_COUNTER }),
  node,
});
const sign = (n: number) => Math.sign(n);

describe('hybrid logical clock', () => {
  it('serializes to fixed-width text that sorts like the clocks, and parses back', () => {
    fc.assert(fc.property(hlc, hlc, (a, b) => {
      const [textA, textB] = [serializeHlc(a), serializeHlc(b)];
      expect(textA).toHaveLength(46);
      expect(parseHlc(textA)).toEqual(a);
      expect(sign(textA < textB ? -1 : textA > textB ? 1 : 0)).toBe(sign(compareHlc(a, b)));
    }));
    expect(serializeHlc({ millis: NOW, counter: 10, node: '00000000000000ab' })).toBe('2022-03-01T09:30:00.000Z-000A-00000000000000ab');
  });

  it('refuses malformed text: impossible dates, lowercase counters, short nodes, extra characters', () => {
    for (const text of [
      '2022-02-30T09:30:00.000Z-0000-00000000000000ab',
      '2022-03-01T09:30:00.000Z-000a-00000000000000ab',
      '2022-03-01T09:30:00.000Z-0000-00000000000000a',
      '2022-03-01T09:30:00.000Z-0000-00000000000000AB',
      ' 2022-03-01T09:30:00.000Z-0000-00000000000000ab',
      '2022-03-01T09:30:00Z-0000-00000000000000ab',
    ]) {
      expect(() => parseHlc(text), text).toThrow(ClockError);
    }
  });

  it('tells a real instant by arithmetic exactly as the Date calendar does (leap years, month ends, 24:00, 60 s)', () => {
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    const byDate = (text: string) => {
      const instant = text.slice(0, 24);
      const millis = Date.parse(instant);
      return !Number.isNaN(millis) && new Date(millis).toISOString() === instant;
    };
    let real = 0;
    for (const year of [0, 1900, 2000, 2023, 2024, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          for (const [hour, minute, second] of [[0, 0, 0], [23, 59, 59], [24, 0, 0], [12, 60, 0], [12, 0, 60], [99, 99, 99]] as const) {
            const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.123Z-00FF-00000000000000ab`;
            expect(isHlcText(text), text).toBe(byDate(text));
            if (byDate(text)) real += 1;
          }
        }
      }
    }
    // 8 years × 365 or 366 days × the two valid times of day: the loop did reach real instants.
    expect(real).toBe(2 * (8 * 365 + 4));
    fc.assert(fc.property(hlc, (clock) => isHlcText(serializeHlc(clock))));
  });

  it('gives every local event a later timestamp, whatever the wall clock does', () => {
    fc.assert(fc.property(node, fc.array(fc.integer({ min: -DAY, max: DAY }), { minLength: 1, maxLength: 200 }), (id, steps) => {
      let clock = initialClock(id);
      let wall = NOW;
      for (const step of steps) {
        wall += step;
        // A wall clock set back further than the bound is refused rather than followed.
        if (clock.millis - wall > 3 * DAY) {
          expect(() => nextLocal(clock, wall, 3 * DAY)).toThrow(expect.objectContaining({ reason: 'drift' }));
          continue;
        }
        const next = nextLocal(clock, wall, 3 * DAY);
        expect(compareHlc(next, clock)).toBeGreaterThan(0);
        expect(next.millis).toBeGreaterThanOrEqual(wall);
        clock = next;
      }
    }));
  });

  it('after receiving, is later than both clocks and than the wall clock', () => {
    fc.assert(fc.property(hlc, hlc, fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (local, remote, now) => {
      fc.pre(remote.millis - now <= DAY && local.counter < MAX_COUNTER && remote.counter < MAX_COUNTER);
      const merged = receive(local, remote, now, DAY);
      expect(compareHlc(merged, local)).toBeGreaterThan(0);
      expect(merged.millis > remote.millis || (merged.millis === remote.millis && merged.counter > remote.counter)).toBe(true);
      expect(merged.millis).toBeGreaterThanOrEqual(now);
      expect(merged.node).toBe(local.node);
    }));
  });

  it('refuses a remote clock further in the future than the bound, and a local clock dragged there', () => {
    const local = initialClock('00000000000000ab');
    const remote: Hlc = { millis: NOW + 3 * DAY, counter: 0, node: '00000000000000cd' };
    expect(() => receive(local, remote, NOW, 2 * DAY)).toThrow(expect.objectContaining({ reason: 'drift' }));
    expect(receive(local, remote, NOW, 4 * DAY).millis).toBe(remote.millis);
    expect(() => nextLocal({ ...local, millis: NOW + 3 * DAY }, NOW, 2 * DAY)).toThrow(expect.objectContaining({ reason: 'drift' }));
  });

  it('refuses to count past 65 535 events in one millisecond', () => {
    const full: Hlc = { millis: NOW, counter: MAX_COUNTER, node: '00000000000000ab' };
    expect(() => nextLocal(full, NOW, DAY)).toThrow(expect.objectContaining({ reason: 'overflow' }));
    expect(nextLocal(full, NOW + 1, DAY)).toEqual({ millis: NOW + 1, counter: 0, node: full.node });
  });
});
