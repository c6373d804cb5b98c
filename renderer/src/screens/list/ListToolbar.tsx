import { useId, useMemo, type Dispatch, type SetStateAction } from 'react';
import { ENGAGEMENT_STATUSES, type EngagementRow, type EngagementStatus } from '../../../../core/domain';
import { SearchField } from '../../components/form/SearchField';
import { intlLocale, useI18n } from '../../i18n';
import { INITIAL_LIST_FILTERS, type ListFilters } from './listView';

interface Props {
  rows: readonly EngagementRow[];
  shown: number;
  filters: ListFilters;
  onFiltersChange: Dispatch<SetStateAction<ListFilters>>;
}

function countBy<K extends string>(rows: readonly EngagementRow[], key: (row: EngagementRow) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

export function ListToolbar({ rows, shown, filters, onFiltersChange }: Props) {
  const { t, number, locale } = useI18n();
  const id = useId();
  const statusCounts = useMemo(() => countBy(rows, (row) => row.status), [rows]);
  const waveCounts = useMemo(() => countBy(rows, (row) => row.waveName), [rows]);
  const waves = useMemo(() => {
    const collator = new Intl.Collator(intlLocale(locale), { numeric: true });
    return [...waveCounts.keys()].sort(collator.compare);
  }, [waveCounts, locale]);
  const set = (patch: Partial<ListFilters>) => onFiltersChange((previous) => ({ ...previous, ...patch }));
  const filtered = filters.search !== '' || filters.status !== '' || filters.wave !== '';
  const total = rows.length;

  return (
    <div className="toolbar" role="search">
      <SearchField id={`${id}-search`} label={t('list.search')} placeholder={t('list.search.placeholder')} value={filters.search} onChange={(search) => set({ search })} />
      <div className="field-inline">
        <label htmlFor={`${id}-status`}>{t('list.filter.status')}</label>
        <select id={`${id}-status`} className="select" value={filters.status} onChange={(event) => set({ status: event.target.value as EngagementStatus | '' })}>
          <option value="">{t('list.filter.allStatuses')}</option>
          {ENGAGEMENT_STATUSES.filter((status) => statusCounts.has(status) || status === filters.status).map((status) => (
            <option key={status} value={status}>
              {t('list.filter.option', { label: t(`status.${status}`), count: number(statusCounts.get(status) ?? 0) })}
            </option>
          ))}
        </select>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-wave`}>{t('list.filter.wave')}</label>
        <select id={`${id}-wave`} className="select" value={filters.wave} onChange={(event) => set({ wave: event.target.value })}>
          <option value="">{t('list.filter.allWaves')}</option>
          {waves.map((wave) => (
            <option key={wave} value={wave}>
              {t('list.filter.option', { label: wave, count: number(waveCounts.get(wave) ?? 0) })}
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => onFiltersChange((previous) => ({ ...INITIAL_LIST_FILTERS, sorting: previous.sorting }))}
        >
          {t('list.filter.reset')}
        </button>
      )}
      <p className="toolbar-count" role="status">
        {t(total === 1 ? 'list.count.one' : 'list.count', { shown: number(shown), total: number(total) })}
      </p>
    </div>
  );
}
