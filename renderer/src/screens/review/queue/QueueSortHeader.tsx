import type { Header } from '@tanstack/react-table';
import type { ReviewQueueRow } from '../../../../../core/review';
import { SortHeaderCell } from '../../../components/SortHeaderCell';
import type { queueFeatures } from './queueColumns';
import type { QueueTableInstance } from './useQueueTable';

/** A column header: {@link SortHeaderCell} over this table's column. */
export function QueueSortHeader({ header, table }: { header: Header<typeof queueFeatures, ReviewQueueRow, unknown>; table: QueueTableInstance }) {
  const column = header.column;
  return (
    <SortHeaderCell direction={column.getIsSorted()} className={column.columnDef.meta?.className} onToggle={column.getToggleSortingHandler()}>
      <table.FlexRender header={header} />
    </SortHeaderCell>
  );
}
