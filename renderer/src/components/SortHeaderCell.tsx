import type { ReactNode } from 'react';
import { SortIcon } from './icons';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A column header of a sortable table: a real button (Enter / Space / click) toggles the sort and
 * aria-sort tells it; a column that does not sort (`onToggle` absent) is its label alone.
 */
export function SortHeaderCell({ direction, className, onToggle, children }: { direction: false | 'asc' | 'desc'; className?: string; onToggle?: (event: unknown) => void; children: ReactNode }) {
  return (
    <th scope="col" className={className} aria-sort={direction ? ARIA_SORT[direction] : undefined}>
      {onToggle ? (
        <button type="button" className={`sort-button${direction ? ' is-sorted' : ''}`} onClick={onToggle}>
          <span className="sort-label">{children}</span>
          <SortIcon direction={direction} />
        </button>
      ) : (
        children
      )}
    </th>
  );
}
