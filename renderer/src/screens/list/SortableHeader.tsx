import type { Header } from '@tanstack/react-table';
import type { EngagementRow } from '../../../../core/domain';
import { SortHeaderCell } from '../../components/SortHeaderCell';
import type { features } from './engagementColumns';
import type { EngagementsTableInstance } from './useEngagementsTable';

/** A column header: {@link SortHeaderCell} over this table's column. */
export function SortableHeader({ header, table }: { header: Header<typeof features, EngagementRow, unknown>; table: EngagementsTableInstance }) {
  const column = header.column;
  return (
    <SortHeaderCell direction={column.getIsSorted()} className={column.columnDef.meta?.className} onToggle={column.getCanSort() ? column.getToggleSortingHandler() : undefined}>
      <table.FlexRender header={header} />
    </SortHeaderCell>
  );
}
