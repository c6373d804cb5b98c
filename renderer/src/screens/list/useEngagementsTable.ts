import { functionalUpdate, useTable, type FilterFn } from '@tanstack/react-table';
import { useDeferredValue, useMemo, type Dispatch, type SetStateAction } from 'react';
import type { EngagementRow } from '../../../../core/domain';
import { useI18n } from '../../i18n';
import { engagementColumns, features } from './engagementColumns';
import type { ListFilters } from './listView';
import { rowMatches, searchTerms } from './search';

// The search looks at the whole row (company, reference, city, consultants), so it runs once per
// row, on the reference column only, instead of once per column.
const matchesSearch: FilterFn<typeof features, EngagementRow> = Object.assign(
  (row: { original: EngagementRow }, _columnId: string, terms: string[]) => rowMatches(row.original, terms),
  { resolveFilterValue: (query: unknown) => searchTerms(String(query ?? '')) },
);

export function useEngagementsTable(rows: readonly EngagementRow[], filters: ListFilters, onFiltersChange: Dispatch<SetStateAction<ListFilters>>) {
  const { t, locale } = useI18n();
  const columns = useMemo(() => engagementColumns({ t, locale }), [t, locale]);
  // Typing stays fluid on 10 000 rows: the table filters on a deferred copy of the query.
  const search = useDeferredValue(filters.search.trim());
  const columnFilters = useMemo(
    () => [
      ...(filters.status ? [{ id: 'status', value: filters.status }] : []),
      ...(filters.wave ? [{ id: 'wave', value: filters.wave }] : []),
    ],
    [filters.status, filters.wave],
  );

  return useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting: filters.sorting, columnFilters, globalFilter: search === '' ? undefined : search },
    onSortingChange: (updater) => onFiltersChange((previous) => ({ ...previous, sorting: functionalUpdate(updater, previous.sorting) })),
    enableMultiSort: false,
    enableSortingRemoval: false,
    globalFilterFn: matchesSearch,
    getColumnCanGlobalFilter: (column) => column.id === 'ref',
  });
}

export type EngagementsTableInstance = ReturnType<typeof useEngagementsTable>;
