import { FlexRender, type Row } from '@tanstack/react-table';
import { memo } from 'react';
import type { EngagementRow, Locale } from '../../../../core/domain';
import type { features } from './engagementColumns';

interface Props {
  row: Row<typeof features, EngagementRow>;
  index: number;
  /** Cells hold translated text: a new language must re-render even an unchanged row. */
  locale: Locale;
}

/** One data row; memoized so that scrolling only renders the rows that come into view. */
export const EngagementRowView = memo(function EngagementRowView({ row, index }: Props) {
  return (
    <tr className="data-row" data-index={index} data-id={row.id} aria-rowindex={index + 2}>
      {row.getAllCells().map((cell) => (
        <td key={cell.id} className={cell.column.columnDef.meta?.className}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
});
