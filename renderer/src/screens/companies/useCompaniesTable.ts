import { useTable, type FilterFn, type SortingState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import type { CompanyListRow } from '../../../../core/domainViews';
import { useI18n } from '../../i18n';
import { normalizeForSearch } from '../../lib/format';
import { companyColumns, companyFeatures } from './companyColumns';

// One normalized text per company (name, SIRET, town, postal code, département, NAF, sector).
const haystacks = new WeakMap<CompanyListRow, string>();

function searchText(row: CompanyListRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = normalizeForSearch([row.name, row.siret, row.city, row.postalCode, row.departement, row.nafCode, row.sector].join(' \u0000 '));
    haystacks.set(row, text);
  }
  return text;
}

/** Every word of the query must appear; a SIRET typed with spaces still matches. */
const matchesSearch: FilterFn<typeof companyFeatures, CompanyListRow> = Object.assign(
  (row: { original: CompanyListRow }, _columnId: string, query: { terms: string[]; digits: string }) => {
    const text = searchText(row.original);
    return query.terms.every((term) => text.includes(term)) || (query.digits.length >= 3 && row.original.siret.includes(query.digits));
  },
  {
    resolveFilterValue: (value: unknown) => {
      const normalized = normalizeForSearch(String(value ?? ''));
      return { terms: normalized.split(/\s+/).filter(Boolean), digits: /^[\d\s]+$/.test(normalized) ? normalized.replace(/\s+/g, '') : '' };
    },
  },
);

export function useCompaniesTable(rows: readonly CompanyListRow[], search: string, departements: readonly string[], onEdit: (company: CompanyListRow) => void) {
  const { t, locale, number } = useI18n();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const columns = useMemo(() => companyColumns({ t, locale, number, departements, onEdit }), [t, locale, number, departements, onEdit]);
  const query = useDeferredValue(search.trim());

  return useTable({
    features: companyFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, globalFilter: query === '' ? undefined : query },
    onSortingChange: setSorting,
    enableMultiSort: false,
    enableSortingRemoval: false,
    globalFilterFn: matchesSearch,
    getColumnCanGlobalFilter: (column) => column.id === 'name',
  });
}

export type CompaniesTableInstance = ReturnType<typeof useCompaniesTable>;
