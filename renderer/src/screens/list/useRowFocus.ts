import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, type KeyboardEvent, type RefObject } from 'react';

const PAGE_ROWS = 10;

/** The row a key moves to from row `from` of `rowCount` (arrows, Page Up/Down, Home/End), if any. */
export function rowMoveTarget(key: string, from: number, rowCount: number): number | undefined {
  const last = rowCount - 1;
  const moves: Record<string, number> = {
    ArrowDown: Math.min(last, from + 1),
    ArrowUp: Math.max(0, from - 1),
    PageDown: Math.min(last, from + PAGE_ROWS),
    PageUp: Math.max(0, from - PAGE_ROWS),
    Home: 0,
    End: last,
  };
  return moves[key];
}

/**
 * Moves focus between the row links of a virtualized table: arrows, Page Up/Down, Home/End.
 * The target row may not be rendered yet, so scroll to it first and focus it once it exists;
 * key presses that come faster than frames add up from the pending target.
 */
export function useRowFocus(virtualizer: Virtualizer<HTMLDivElement, Element>, scrollRef: RefObject<HTMLDivElement | null>, rowCount: number) {
  const pending = useRef<number | null>(null);

  const focusRow = useCallback(
    (index: number) => {
      pending.current = index;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      const attempt = (triesLeft: number) => {
        if (pending.current !== index) return; // a later key press took over
        const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${index}"] .row-link`);
        if (link) {
          link.focus();
          pending.current = null;
        } else if (triesLeft > 0) requestAnimationFrame(() => attempt(triesLeft - 1));
        else pending.current = null;
      };
      requestAnimationFrame(() => attempt(15));
    },
    [virtualizer, scrollRef],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (!target.classList.contains('row-link') || event.altKey || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const focused = Number(target.closest<HTMLElement>('tr[data-index]')?.dataset.index ?? NaN);
      if (Number.isNaN(focused)) return;
      const from = pending.current ?? focused;
      const next = rowMoveTarget(event.key, from, rowCount);
      if (next === undefined) return;
      event.preventDefault();
      if (next !== from) focusRow(next);
    },
    [focusRow, rowCount],
  );

  return { focusRow, onKeyDown };
}
