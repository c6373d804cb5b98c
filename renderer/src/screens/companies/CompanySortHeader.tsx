import type { Header } from '@tanstack/react-table';
import type { CompanyListRow } from '../../../../core/domainViews';
import { SortHeaderCell } from '../../components/SortHeaderCell';
import type { companyFeatures } from './companyColumns';
import type { CompaniesTableInstance } from './useCompaniesTable';

/** A column header: {@link SortHeaderCell} over this table's column. */
export function CompanySortHeader({ header, table }: { header: Header<typeof companyFeatures, CompanyListRow, unknown>; table: CompaniesTableInstance }) {
  const column = header.column;
  return (
    <SortHeaderCell direction={column.getIsSorted()} className={column.columnDef.meta?.className} onToggle={column.getCanSort() ? column.getToggleSortingHandler() : undefined}>
      <table.FlexRender header={header} />
    </SortHeaderCell>
  );
}
