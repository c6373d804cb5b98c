// Segments of operations: written with their end line, read whole or not at all.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asSyncOp, readSegment, segmentText, syncOpSchema, type SyncOp } from '../../../core/syncSegment';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const op = (n: number, value: SyncOp['value'] = `valeur ${n} « é »`): SyncOp => ({
  id: `0123456789abcdef:${n}`, hlc: `2026-11-28T10:00:00.${String(n % 1000).padStart(3, '0')}Z-0000-0123456789abcdef`,
  table: 'day_entries', row: `01ROW${n}`, column: 'summary', value, prev: null,
});

describe('segments', () => {
  it('read back exactly what was written, values of every type included', () => {
    const ops = [op(1), op(2, 42), op(3, null), op(4, 'ligne\nà\tretour "cité"')];
    expect(readSegment(segmentText(7, ops, sha256), 7, sha256)).toEqual({ state: 'complete', ops, invalid: [] });
    expect(readSegment(segmentText(1, [], sha256), 1, sha256)).toEqual({ state: 'complete', ops: [], invalid: [] });
  });

  it('count as incomplete when cut anywhere, altered, or named for another sequence', () => {
    const text = segmentText(3, [op(1), op(2)], sha256);
    for (let cut = 0; cut < text.length; cut += 7) expect(readSegment(text.slice(0, cut), 3, sha256).state, String(cut)).toBe('incomplete');
    expect(readSegment(text.replace('valeur 1', 'valeur 9'), 3, sha256)).toEqual({ state: 'incomplete', reason: 'hash' });
    expect(readSegment(text, 4, sha256)).toEqual({ state: 'incomplete', reason: 'segment' });
  });

  it('set aside a line that is not an operation and keep the others', () => {
    const body = `${JSON.stringify(op(1))}\n{"id":"x"}\nnot json\n`;
    const text = `${body}${JSON.stringify({ end: { segment: 1, ops: 3, sha256: sha256(body) } })}\n`;
    const read = readSegment(text, 1, sha256);
    expect(read.state === 'complete' && read.ops).toEqual([op(1)]);
    expect(read.state === 'complete' && read.invalid.map((line) => [line.line, line.reason === 'json'])).toEqual([[2, false], [3, true]]);
  });

  it('accept by hand only what the schema accepts', () => {
    const anyOp = fc.record({
      id: fc.oneof(fc.constant('0123456789abcdef:12'), fc.string()),
      hlc: fc.oneof(fc.constant('2026-11-28T10:00:00.000Z-0000-0123456789abcdef'), fc.string()),
      table: fc.oneof(fc.constant('day_entries'), fc.string()),
      row: fc.string({ maxLength: 130 }),
      column: fc.oneof(fc.constant('summary'), fc.string({ maxLength: 3 })),
      value: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.constant(2 ** 60)),
      prev: fc.oneof(fc.constant(null), fc.constant('2026-11-28T10:00:00.000Z-0001-0123456789abcdef'), fc.string()),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(anyOp, fc.anything()), (value) => {
      if (asSyncOp(value) !== null) expect(syncOpSchema.safeParse(value).success).toBe(true);
    }), { numRuns: 2000 });
    expect(asSyncOp(op(1))).toEqual(op(1));
    // A clock that reads like one but names no instant is refused by both.
    const impossible = { ...op(1), hlc: '2026-02-30T10:00:00.000Z-0000-0123456789abcdef' };
    expect(asSyncOp(impossible)).toBeNull();
    expect(syncOpSchema.safeParse(impossible).success).toBe(false);
  });
});
