import type { Header } from '@tanstack/react-table';
import type { CompanyListRow } from '../../../../core/domainViews';
import { SortIcon } from '../../components/icons';
import type { companyFeatures } from './companyColumns';
import type { CompaniesTableInstance } from './useCompaniesTable';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** A column header: a real button toggles the sort; aria-sort tells it. */
export function CompanySortHeader({ header, table }: { header: Header<typeof companyFeatures, CompanyListRow, unknown>; table: CompaniesTableInstance }) {
  const column = header.column;
  const direction = column.getIsSorted();
  const meta = column.columnDef.meta;
  return (
    <th scope="col" className={meta?.className} aria-sort={direction ? ARIA_SORT[direction] : undefined}>
      {column.getCanSort() ? (
        <button type="button" className={`sort-button${direction ? ' is-sorted' : ''}`} onClick={column.getToggleSortingHandler()}>
          <span className="sort-label">
            <table.FlexRender header={header} />
          </span>
          <SortIcon direction={direction} />
        </button>
      ) : (
        <table.FlexRender header={header} />
      )}
    </th>
  );
}
