import { FlexRender, type Row } from '@tanstack/react-table';
import { memo, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { Locale } from '../../../../../core/domain';
import type { ReviewQueueRow } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { hrefs, navigate } from '../../../router';
import { rowMoveTarget } from '../../list/useRowFocus';
import { COMPANY_COLUMN_MIN_WIDTH, type queueFeatures } from './queueColumns';
import { findingsTotal, rememberOpenedPackage, takeOpenedPackage } from './queueFilters';
import { QueueSortHeader } from './QueueSortHeader';
import type { QueueTableInstance } from './useQueueTable';

/**
 * The queue as a real <table> (a Région reviews at most a few hundred packages: every row is
 * rendered). Each row's reference is its link: Enter opens it, a click anywhere on the row too;
 * the arrows, Page Up/Down, Home and End move between rows.
 */
export function QueueTable({ table }: { table: QueueTableInstance }) {
  const { t, locale } = useI18n();
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const rows = table.getRowModel().rows;
  const leafColumns = table.getAllLeafColumns();
  const minWidth = leafColumns.reduce((sum, column) => sum + (column.columnDef.meta?.width ?? COMPANY_COLUMN_MIN_WIDTH), 0);

  const linkAt = (index: number) => bodyRef.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${index}"] .row-link`) ?? null;

  // Coming back from a package: focus the row that was opened.
  useEffect(() => {
    const openedKey = takeOpenedPackage();
    const index = openedKey ? rows.findIndex((row) => row.id === openedKey) : -1;
    if (index >= 0) linkAt(index)?.focus();
    // Only on arrival; later row changes are the reviewer's own filtering.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('row-link') || event.altKey || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const from = Number(target.closest<HTMLElement>('tr[data-index]')?.dataset.index ?? NaN);
    if (Number.isNaN(from)) return;
    const next = rowMoveTarget(event.key, from, rows.length);
    if (next === undefined) return;
    event.preventDefault();
    linkAt(next)?.focus();
  }

  function onClick(event: MouseEvent<HTMLTableSectionElement>) {
    const target = event.target as HTMLElement;
    const key = target.closest<HTMLElement>('tr[data-key]')?.dataset.key;
    if (!key) return;
    rememberOpenedPackage(key);
    // The link navigates by itself; a click elsewhere on the row does the same, unless the
    // reviewer is selecting text.
    if (!target.closest('a') && !window.getSelection()?.toString()) navigate(hrefs.reviewPackage(key));
  }

  return (
    <div className="table-scroll">
      <table className="data-table queue-table" style={{ minWidth }} aria-label={t('reviewUi.queue.title')} aria-describedby="queue-keyboard-hint">
        <colgroup>
          {leafColumns.map((column) => (
            <col key={column.id} style={column.columnDef.meta?.width ? { width: column.columnDef.meta.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <QueueSortHeader key={header.id} header={header} table={table} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef} onKeyDown={onKeyDown} onClick={onClick}>
          {rows.map((row, index) => (
            <QueueRowView key={row.id} row={row} index={index} locale={locale} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="table-empty">{t('reviewUi.queue.empty.filtered')}</p>}
    </div>
  );
}

interface RowProps {
  row: Row<typeof queueFeatures, ReviewQueueRow>;
  index: number;
  /** Cells hold translated text: a new language must re-render even an unchanged row. */
  locale: Locale;
}

const QueueRowView = memo(function QueueRowView({ row, index }: RowProps) {
  const flagged = findingsTotal(row.original) > 0;
  const classes = ['data-row', 'queue-row', flagged ? 'is-flagged' : '', row.original.superseded ? 'is-superseded' : ''].filter(Boolean).join(' ');
  return (
    <tr className={classes} data-index={index} data-key={row.original.key} data-flagged={flagged || undefined}>
      {row.getAllCells().map((cell) => (
        <td key={cell.id} className={cell.column.columnDef.meta?.className}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  );
});
