// Undo and redo over the session's day-log changes, per consultant: kept outside the grid so that
// they survive a change of week, of view or of screen (until the window is reloaded).
import type { DayGridRow } from '../../../../core/domainViews';

export type HalfDays = 0 | 1 | 2;

/** One change of the session, replayable both ways through days.set. */
export interface Change {
  row: DayGridRow;
  date: string;
  before: HalfDays;
  after: HalfDays;
}

interface Stacks {
  undo: Change[];
  redo: Change[];
}

const LIMIT = 200;
const stacksByConsultant = new Map<string, Stacks>();

function stacksOf(consultantId: string): Stacks {
  let stacks = stacksByConsultant.get(consultantId);
  if (!stacks) {
    stacks = { undo: [], redo: [] };
    stacksByConsultant.set(consultantId, stacks);
  }
  return stacks;
}

export function historySizes(consultantId: string): { undo: number; redo: number } {
  const stacks = stacksOf(consultantId);
  return { undo: stacks.undo.length, redo: stacks.redo.length };
}

/** A new edit: on the undo stack; the redo stack no longer applies. */
export function recordEdit(consultantId: string, change: Change): void {
  const stacks = stacksOf(consultantId);
  stacks.undo.push(change);
  if (stacks.undo.length > LIMIT) stacks.undo.shift();
  stacks.redo = [];
}

/** Takes the change to undo (or redo) off its stack; `settle` says where it lands. */
export function takeChange(consultantId: string, stack: 'undo' | 'redo'): Change | undefined {
  return stacksOf(consultantId)[stack].pop();
}

/** Accepted: the change moves to the other stack. Refused: it goes back where it was. */
export function settleChange(consultantId: string, stack: 'undo' | 'redo', change: Change, accepted: boolean): void {
  const stacks = stacksOf(consultantId);
  const target = accepted ? (stack === 'undo' ? 'redo' : 'undo') : stack;
  stacks[target].push(change);
}
