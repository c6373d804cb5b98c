import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { useI18n } from '../../i18n';
import { hrefs, navigate } from '../../router';
import { FLEXIBLE_COLUMN_MIN_WIDTH } from './engagementColumns';
import { EngagementRowView } from './EngagementRowView';
import { SortableHeader } from './SortableHeader';
import type { ListMemory } from './listView';
import type { EngagementsTableInstance } from './useEngagementsTable';
import { useRowFocus } from './useRowFocus';

const ROW_HEIGHT = 60;

interface Props {
  table: EngagementsTableInstance;
  memory: RefObject<ListMemory>;
  /** Changes whenever filters or sort change: the list then starts again from the top. */
  resetKey: string;
}

/**
 * A real <table> whose body renders only the visible rows (TanStack Virtual), between two
 * aria-hidden spacer rows, so 10 000 engagements scroll smoothly with table semantics intact.
 */
export function EngagementsTable({ table, memory, resetKey }: Props) {
  const { t, locale } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const leafColumns = table.getAllLeafColumns();
  const minWidth = leafColumns.reduce((sum, column) => sum + (column.columnDef.meta?.width ?? FLEXIBLE_COLUMN_MIN_WIDTH), 0);

  // Stable between scroll renders: a new getItemKey makes the virtualizer re-measure every row.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders through its own subscription
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 10,
    initialOffset: () => memory.current.scrollTop,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const { focusRow, onKeyDown } = useRowFocus(virtualizer, scrollRef, rows.length);

  // Coming back from an engagement: focus the row that was opened.
  useEffect(() => {
    const openedId = memory.current.lastOpenedId;
    memory.current.lastOpenedId = null;
    const index = openedId ? rows.findIndex((row) => row.id === openedId) : -1;
    if (index >= 0) focusRow(index);
    // Only on arrival; later row changes are the user's own filtering.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const firstReset = useRef(true);
  useEffect(() => {
    if (firstReset.current) {
      firstReset.current = false;
      return;
    }
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  function onClick(event: MouseEvent<HTMLTableSectionElement>) {
    const target = event.target as HTMLElement;
    const id = target.closest<HTMLElement>('tr[data-id]')?.dataset.id;
    if (!id) return;
    memory.current.lastOpenedId = id;
    // The link navigates by itself; a click elsewhere on the row does the same, unless the user
    // is selecting text.
    if (!target.closest('a') && !window.getSelection()?.toString()) navigate(hrefs.engagement(id));
  }

  return (
    <div className="table-scroll" ref={scrollRef} onScroll={(event) => (memory.current.scrollTop = event.currentTarget.scrollTop)}>
      <table className="data-table" style={{ minWidth }} aria-label={t('list.title')} aria-rowcount={rows.length + 1} aria-describedby="list-keyboard-hint">
        <colgroup>
          {leafColumns.map((column) => (
            <col key={column.id} style={column.columnDef.meta?.width ? { width: column.columnDef.meta.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} table={table} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onKeyDown} onClick={onClick}>
          {paddingTop > 0 && (
            <tr className="spacer-row" aria-hidden="true">
              <td colSpan={leafColumns.length} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => (
            <EngagementRowView key={item.key} row={rows[item.index]!} index={item.index} locale={locale} />
          ))}
          {paddingBottom > 0 && (
            <tr className="spacer-row" aria-hidden="true">
              <td colSpan={leafColumns.length} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="table-empty">{t('list.empty.filtered')}</p>}
    </div>
  );
}
