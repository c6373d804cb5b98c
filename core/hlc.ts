// Hybrid logical clocks (Kulkarni et al.; as Actual Budget uses them): the order of operations
// across devices whose wall clocks disagree. A timestamp is the wall time in milliseconds, a
// counter for events within one millisecond (or while the wall clock lags), and the device id as
// the last tie-breaker. Written as a fixed-width string so that comparing strings compares clocks.

export interface Hlc {
  /** Milliseconds since the epoch (the wall clock's, or a later one seen from another device). */
  millis: number;
  /** 0–65 535: events that share `millis`. */
  counter: number;
  /** The device that made the event: 16 lowercase hex digits. */
  node: string;
}

export const MAX_COUNTER = 0xffff;
const NODE = /^[0-9a-f]{16}$/;
// 2000-01-01T00:00:00.000Z-0000-0000000000000000: fixed width, UTC, sortable as text.
const SERIALIZED = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9a-f]{16})$/;
/** Years 2000–9999 keep the ISO form at a fixed width. */
const MIN_MILLIS = Date.UTC(2000, 0, 1);
const MAX_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Why a clock refuses an event: the caller reports it, nothing is applied. */
export class ClockError extends Error {
  constructor(
    readonly reason: 'drift' | 'overflow' | 'malformed',
    readonly details: { millis?: number; now?: number; maxDriftMs?: number; text?: string } = {},
  ) {
    super(`clock ${reason}`);
    this.name = 'ClockError';
  }
}

export const isNodeId = (node: string): boolean => NODE.test(node);

export function serializeHlc({ millis, counter, node }: Hlc): string {
  if (!Number.isSafeInteger(millis) || millis < MIN_MILLIS || millis > MAX_MILLIS) throw new ClockError('malformed', { millis });
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new ClockError('overflow');
  if (!NODE.test(node)) throw new ClockError('malformed', { text: node });
  return `${new Date(millis).toISOString()}-${counter.toString(16).toUpperCase().padStart(4, '0')}-${node}`;
}

/** The clock of a serialized timestamp, or a ClockError('malformed'). */
export function parseHlc(text: string): Hlc {
  const match = SERIALIZED.exec(text);
  const millis = match ? Date.parse(match[1]!) : Number.NaN;
  // Date.parse accepts 2022-02-30: a real instant prints back to the same text.
  if (!match || Number.isNaN(millis) || new Date(millis).toISOString() !== match[1]) throw new ClockError('malformed', { text });
  return { millis, counter: Number.parseInt(match[2]!, 16), node: match[3]! };
}

const digits = (text: string, from: number, count: number) => {
  let value = 0;
  for (let index = from; index < from + count; index++) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
};

/**
 * Whether `text` is a clock's text naming a real instant (no 30 February, no 24:00). Checked by
 * arithmetic on the digits the shape guarantees: a cold import checks 100 000 clocks, and parsing
 * each as a date costs as much as the rest of reading its operation.
 */
export function isHlcText(text: string): boolean {
  if (!SERIALIZED.test(text)) return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= daysInMonth && digits(text, 11, 2) < 24 && digits(text, 14, 2) < 60 && digits(text, 17, 2) < 60;
}

export const compareHlc = (a: Hlc, b: Hlc): number => a.millis - b.millis || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);

/**
 * The next timestamp for an event of this device: later than every timestamp it has made or
 * received, and than its wall clock. Refuses when the clock it would carry is further ahead of
 * the wall clock than `maxDriftMs` (a remote clock far in the future dragged it), or on overflow.
 */
export function nextLocal(clock: Hlc, now: number, maxDriftMs: number): Hlc {
  const millis = Math.max(clock.millis, now);
  const counter = millis === clock.millis ? clock.counter + 1 : 0;
  if (millis - now > maxDriftMs) throw new ClockError('drift', { millis, now, maxDriftMs });
  if (counter > MAX_COUNTER) throw new ClockError('overflow');
  return { millis, counter, node: clock.node };
}

/**
 * The clock after receiving `remote`: later than both and than the wall clock. A remote clock
 * more than `maxDriftMs` ahead of the wall clock is refused (the operation waits or is
 * quarantined): taking it would stop this device's clock until the wall clock catches up.
 */
export function receive(clock: Hlc, remote: Hlc, now: number, maxDriftMs: number): Hlc {
  if (remote.millis - now > maxDriftMs) throw new ClockError('drift', { millis: remote.millis, now, maxDriftMs });
  const millis = Math.max(clock.millis, remote.millis, now);
  let counter: number;
  if (millis === clock.millis && millis === remote.millis) counter = Math.max(clock.counter, remote.counter) + 1;
  else if (millis === clock.millis) counter = clock.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) throw new ClockError('overflow');
  return { millis, counter, node: clock.node };
}

/** A fresh clock for a device: nothing seen yet. */
export const initialClock = (node: string): Hlc => {
  if (!NODE.test(node)) throw new ClockError('malformed', { text: node });
  return { millis: MIN_MILLIS, counter: 0, node };
};
