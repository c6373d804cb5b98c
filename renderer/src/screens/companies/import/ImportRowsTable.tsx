import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { CompanyImportRow } from '../../../../../core/domainViews';
import { useI18n } from '../../../i18n';

const ESTIMATED_ROW_HEIGHT = 52;

/**
 * Every row of the file with its status and messages. Only the rows in view are rendered (a file
 * can hold thousands), measured as they come since a row's messages can wrap over several lines.
 */
export function ImportRowsTable({ rows, labelledBy }: { rows: readonly CompanyImportRow[]; labelledBy: string }) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders through its own subscription
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.line ?? index,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  // A new filter or a new analysis starts from the top.
  useEffect(() => virtualizer.scrollToOffset(0), [rows, virtualizer]);

  return (
    // Focusable so that the keyboard can scroll the rows: they hold no control of their own.
    <div className="import-table-scroll" ref={scrollRef} tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table className="data-table import-table" aria-labelledby={labelledBy} aria-rowcount={rows.length + 1}>
        <colgroup>
          <col style={{ width: 56 }} />
          <col style={{ width: 108 }} />
          <col />
          <col style={{ width: 76 }} />
          <col style={{ width: 164 }} />
          <col style={{ width: 280 }} />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="cell-number">
              {t('directory.import.column.line')}
            </th>
            <th scope="col">{t('directory.import.column.status')}</th>
            <th scope="col">{t('directory.import.column.company')}</th>
            <th scope="col" className="cell-number">
              {t('directory.company.column.headcount')}
            </th>
            <th scope="col">{t('directory.import.column.site')}</th>
            <th scope="col">{t('directory.import.column.messages')}</th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr className="spacer-row" aria-hidden="true">
              <td colSpan={6} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => (
            <ImportRowView key={item.key} row={rows[item.index]!} index={item.index} measure={virtualizer.measureElement} />
          ))}
          {paddingBottom > 0 && (
            <tr className="spacer-row" aria-hidden="true">
              <td colSpan={6} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="table-empty">{t('directory.import.rows.empty')}</p>}
    </div>
  );
}

const STATUS_KEYS = {
  valid: 'directory.import.status.valid',
  warning: 'directory.import.status.warning',
  rejected: 'directory.import.status.rejected',
} as const;

const ImportRowView = memo(function ImportRowView({ row, index, measure }: { row: CompanyImportRow; index: number; measure: (element: Element | null) => void }) {
  const { t } = useI18n();
  const { values } = row;
  const empty = <span className="cell-none">—</span>;
  const site = [values.postalCode, values.city].filter(Boolean).join(' ');
  return (
    <tr ref={measure} data-index={index} className={`import-row import-row--${row.status}`} aria-rowindex={index + 2}>
      <td className="cell-number num">{row.line}</td>
      <td>
        <span className={`import-status import-status--${row.status}`}>
          <span className="import-status-dot" aria-hidden="true" />
          {t(STATUS_KEYS[row.status])}
        </span>
      </td>
      <td>
        <div className="cell-stack">
          <span className="cell-primary">{values.name || '—'}</span>
          <span className="cell-secondary num">{values.siret || '—'}</span>
        </div>
      </td>
      <td className="cell-number num">{values.headcount || empty}</td>
      <td>
        <div className="cell-stack">
          <span>{site || '—'}</span>
          {values.departement && <span className="cell-secondary">{t('directory.import.departement', { value: values.departement })}</span>}
        </div>
      </td>
      <td className="import-messages">
        {row.findings.length === 0 ? (
          <span className="cell-none">—</span>
        ) : (
          <ul>
            {row.findings.map((finding, position) => (
              <li key={position} className={`import-message import-message--${finding.severity}`}>
                {finding.message}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
});
