import type { Header } from '@tanstack/react-table';
import type { ReviewQueueRow } from '../../../../../core/review';
import { SortIcon } from '../../../components/icons';
import type { queueFeatures } from './queueColumns';
import type { QueueTableInstance } from './useQueueTable';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** A column header: a real button (Enter / Space / click) toggles the sort; aria-sort tells it. */
export function QueueSortHeader({ header, table }: { header: Header<typeof queueFeatures, ReviewQueueRow, unknown>; table: QueueTableInstance }) {
  const column = header.column;
  const direction = column.getIsSorted();
  const meta = column.columnDef.meta;
  return (
    <th scope="col" className={meta?.className} aria-sort={direction ? ARIA_SORT[direction] : undefined}>
      <button type="button" className={`sort-button${direction ? ' is-sorted' : ''}`} onClick={column.getToggleSortingHandler()}>
        <span className="sort-label">
          <table.FlexRender header={header} />
        </span>
        <SortIcon direction={direction} />
      </button>
    </th>
  );
}
