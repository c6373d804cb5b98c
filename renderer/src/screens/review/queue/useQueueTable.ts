import { functionalUpdate, useTable } from '@tanstack/react-table';
import { useDeferredValue, useMemo, type Dispatch, type SetStateAction } from 'react';
import type { ReviewQueueRow } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { queueColumns, queueFeatures } from './queueColumns';
import { filterQueueRows, type QueueFilters } from './queueFilters';

/** The queue's table: the toolbar's filters applied to the rows, the table sorting what is left. */
export function useQueueTable(rows: readonly ReviewQueueRow[], filters: QueueFilters, onFiltersChange: Dispatch<SetStateAction<QueueFilters>>) {
  const { t, locale, date, days, money } = useI18n();
  const columns = useMemo(() => queueColumns({ t, locale, date, days, money }), [t, locale, date, days, money]);
  const search = useDeferredValue(filters.search);
  const { status, firm, findingsOnly, showSuperseded } = filters;
  const shown = useMemo(() => filterQueueRows(rows, { search, status, firm, findingsOnly, showSuperseded }), [rows, search, status, firm, findingsOnly, showSuperseded]);

  return useTable({
    features: queueFeatures,
    columns,
    data: shown,
    getRowId: (row) => row.key,
    state: { sorting: filters.sorting },
    onSortingChange: (updater) => onFiltersChange((previous) => ({ ...previous, sorting: functionalUpdate(updater, previous.sorting) })),
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
}

export type QueueTableInstance = ReturnType<typeof useQueueTable>;
