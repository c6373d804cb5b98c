import { FlexRender, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import type { Locale } from '../../../../core/domain';
import type { CompanyListRow } from '../../../../core/domainViews';
import { useI18n } from '../../i18n';
import { CompanySortHeader } from './CompanySortHeader';
import { NAME_COLUMN_MIN_WIDTH, type companyFeatures } from './companyColumns';
import type { CompaniesTableInstance } from './useCompaniesTable';

const ROW_HEIGHT = 56;

interface Props {
  table: CompaniesTableInstance;
  /** Changes with the search and the sort: the table then starts again from the top. */
  resetKey: string;
  /** A company just saved: scrolled into view and highlighted. */
  highlightId: string | null;
}

/**
 * A real <table> whose body renders only the rows in view (an import can bring thousands of
 * companies), between two aria-hidden spacer rows.
 */
export function CompaniesTable({ table, resetKey, highlightId }: Props) {
  const { t, locale } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const leafColumns = table.getAllLeafColumns();
  const minWidth = leafColumns.reduce((sum, column) => sum + (column.columnDef.meta?.width ?? NAME_COLUMN_MIN_WIDTH), 0);

  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders through its own subscription
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const firstReset = useRef(true);
  useEffect(() => {
    if (firstReset.current) {
      firstReset.current = false;
      return;
    }
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  useEffect(() => {
    if (!highlightId) return;
    const index = rows.findIndex((row) => row.id === highlightId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only when a new company is highlighted, not on every later change of the rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlightId]);

  return (
    <div className="table-scroll" ref={scrollRef}>
      <table className="data-table directory-table" style={{ minWidth }} aria-label={t('directory.companies.title')} aria-rowcount={rows.length + 1}>
        <colgroup>
          {leafColumns.map((column) => (
            <col key={column.id} style={column.columnDef.meta?.width ? { width: column.columnDef.meta.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <CompanySortHeader key={header.id} header={header} table={table} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr className="spacer-row" aria-hidden="true">
              <td colSpan={leafColumns.length} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => (
            <CompanyRowView key={item.key} row={rows[item.index]!} index={item.index} locale={locale} highlighted={rows[item.index]!.id === highlightId} />
          ))}
          {paddingBottom > 0 && (
            <tr className="spacer-row" aria-hidden="true">
              <td colSpan={leafColumns.length} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="table-empty">{t('directory.companies.empty.filtered')}</p>}
    </div>
  );
}

interface RowProps {
  row: Row<typeof companyFeatures, CompanyListRow>;
  index: number;
  /** Cells hold translated text: a new language must re-render even an unchanged row. */
  locale: Locale;
  highlighted: boolean;
}

const CompanyRowView = memo(function CompanyRowView({ row, index, highlighted }: RowProps) {
  return (
    <tr className={`data-row directory-row${highlighted ? ' is-highlighted' : ''}`} data-id={row.id} aria-rowindex={index + 2}>
      {row.getAllCells().map((cell) => (
        <td key={cell.id} className={cell.column.columnDef.meta?.className}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
});
