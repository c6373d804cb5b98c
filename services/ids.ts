import { randomBytes } from 'node:crypto';
import { monotonicUlidFactory } from '../core/ids';

// Random bytes drawn in blocks: one system call per 256 ids rather than sixteen per id.
let pool = randomBytes(4096);
let offset = 0;
function randomByte(): number {
  if (offset === pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  return pool[offset++]!;
}

const nextUlid = monotonicUlidFactory(randomByte);

export function newUlid(now: () => Date = () => new Date()): string {
  return nextUlid(now().getTime());
}
