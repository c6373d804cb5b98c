import { useId, useMemo, type Dispatch, type SetStateAction } from 'react';
import { REVIEW_STATUSES, type ReviewQueueRow, type ReviewStatus } from '../../../../../core/review';
import { SearchField } from '../../../components/form/SearchField';
import { intlLocale, useI18n } from '../../../i18n';
import { findingsTotal, INITIAL_QUEUE_FILTERS, isFiltered, type QueueFilters } from './queueFilters';

interface Props {
  rows: readonly ReviewQueueRow[];
  shown: number;
  filters: QueueFilters;
  onFiltersChange: Dispatch<SetStateAction<QueueFilters>>;
}

function countBy(rows: readonly ReviewQueueRow[], key: (row: ReviewQueueRow) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

/** Search, status, firm, « Avec anomalies seulement », « Afficher les versions remplacées », and the count. */
export function QueueToolbar({ rows, shown, filters, onFiltersChange }: Props) {
  const { t, number, locale } = useI18n();
  const id = useId();
  // The counts beside each choice are those of the rows the other filters may show.
  const current = useMemo(() => rows.filter((row) => filters.showSuperseded || !row.superseded), [rows, filters.showSuperseded]);
  const statusCounts = useMemo(() => countBy(current, (row) => row.status), [current]);
  const firmCounts = useMemo(() => countBy(current, (row) => row.firm), [current]);
  const firms = useMemo(() => {
    const collator = new Intl.Collator(intlLocale(locale), { numeric: true, sensitivity: 'base' });
    return [...new Set([...firmCounts.keys(), ...(filters.firm ? [filters.firm] : [])])].sort(collator.compare);
  }, [firmCounts, filters.firm, locale]);
  const flagged = useMemo(() => current.filter((row) => findingsTotal(row) > 0).length, [current]);
  const superseded = rows.length - rows.filter((row) => !row.superseded).length;
  const set = (patch: Partial<QueueFilters>) => onFiltersChange((previous) => ({ ...previous, ...patch }));
  const total = current.length;

  return (
    <div className="toolbar queue-toolbar" role="search" aria-label={t('reviewUi.queue.filters')}>
      <SearchField id={`${id}-search`} label={t('reviewUi.queue.search')} placeholder={t('reviewUi.queue.search.placeholder')} value={filters.search} onChange={(search) => set({ search })} />
      <div className="field-inline">
        <label htmlFor={`${id}-status`}>{t('reviewUi.queue.filter.status')}</label>
        <select id={`${id}-status`} className="select" value={filters.status} onChange={(event) => set({ status: event.target.value as ReviewStatus | '' })}>
          <option value="">{t('reviewUi.queue.filter.allStatuses')}</option>
          {REVIEW_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t('reviewUi.queue.filter.option', { label: t(`review.status.${status}`), count: number(statusCounts.get(status) ?? 0) })}
            </option>
          ))}
        </select>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-firm`}>{t('reviewUi.queue.filter.firm')}</label>
        <select id={`${id}-firm`} className="select queue-firm-select" value={filters.firm} onChange={(event) => set({ firm: event.target.value })}>
          <option value="">{t('reviewUi.queue.filter.allFirms')}</option>
          {firms.map((firm) => (
            <option key={firm} value={firm}>
              {t('reviewUi.queue.filter.option', { label: firm, count: number(firmCounts.get(firm) ?? 0) })}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={filters.findingsOnly} onChange={(event) => set({ findingsOnly: event.target.checked })} />
        {t('reviewUi.queue.filter.findingsOnly', { count: number(flagged) })}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={filters.showSuperseded} onChange={(event) => set({ showSuperseded: event.target.checked })} />
        {t('reviewUi.queue.filter.superseded', { count: number(superseded) })}
      </label>
      {isFiltered(filters) && (
        <button type="button" className="button button--ghost" onClick={() => onFiltersChange((previous) => ({ ...INITIAL_QUEUE_FILTERS, sorting: previous.sorting }))}>
          {t('reviewUi.queue.filter.reset')}
        </button>
      )}
      <p className="toolbar-count" role="status">
        {t(total === 1 ? 'reviewUi.queue.count.one' : 'reviewUi.queue.count', { shown: number(shown), total: number(total) })}
      </p>
    </div>
  );
}
