import { randomBytes } from 'node:crypto';
import { makeUlid } from '../core/ids';

export function newUlid(now: () => Date = () => new Date()): string {
  const bytes = randomBytes(16);
  let index = 0;
  return makeUlid(now().getTime(), () => bytes[index++]!);
}
