import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
  type SortFn,
} from '@tanstack/react-table';
import type { CompanyListRow } from '../../../../core/domainViews';
import { intlLocale, type I18n } from '../../i18n';
import { formatDepartement, formatNaf, formatSiret } from '../../lib/format';

export interface CompanyColumnMeta {
  /** Width in pixels (`table-layout: fixed`); none = takes the remaining space. */
  width?: number;
  className?: string;
}

/** The name column takes the remaining width, never less than this (the table scrolls sideways). */
export const NAME_COLUMN_MIN_WIDTH = 220;

export const companyFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  columnMeta: metaHelper<CompanyColumnMeta>(),
});

type Features = typeof companyFeatures;
const helper = createColumnHelper<Features, CompanyListRow>();

const byRow =
  (compare: (a: CompanyListRow, b: CompanyListRow) => number): SortFn<Features, CompanyListRow> =>
  (rowA, rowB) =>
    compare(rowA.original, rowB.original);

interface ColumnContext extends Pick<I18n, 't' | 'locale' | 'number'> {
  /** The programme's départements: a site elsewhere is flagged (a warning, never a block). */
  departements: readonly string[];
  onEdit: (company: CompanyListRow) => void;
}

export function companyColumns({ t, locale, number, departements, onEdit }: ColumnContext) {
  const collator = new Intl.Collator(intlLocale(locale), { numeric: true, sensitivity: 'base' });
  const text = (pick: (row: CompanyListRow) => string) => byRow((a, b) => collator.compare(pick(a), pick(b)));

  return helper.columns([
    helper.accessor('name', {
      header: t('directory.company.column.name'),
      sortFn: text((row) => row.name),
      meta: { className: 'cell-company' },
      cell: ({ row }) => <span className="cell-primary">{row.original.name}</span>,
    }),
    helper.accessor('siret', {
      header: t('directory.company.column.siret'),
      sortFn: text((row) => row.siret),
      meta: { width: 176, className: 'num' },
      cell: ({ row }) => formatSiret(row.original.siret),
    }),
    helper.accessor('nafCode', {
      header: t('directory.company.column.naf'),
      sortFn: text((row) => row.nafCode),
      meta: { width: 96, className: 'num' },
      cell: ({ row }) => formatNaf(row.original.nafCode),
    }),
    helper.accessor('sector', {
      header: t('directory.company.column.sector'),
      sortFn: text((row) => row.sector),
      meta: { width: 184 },
      cell: ({ row }) => (row.original.sector ? <span className="cell-clamp">{row.original.sector}</span> : <span className="cell-none">—</span>),
    }),
    helper.accessor('headcount', {
      header: t('directory.company.column.headcount'),
      sortFn: byRow((a, b) => a.headcount - b.headcount),
      meta: { width: 124, className: 'cell-number' },
      cell: ({ row }) => number(row.original.headcount),
    }),
    helper.accessor('city', {
      header: t('directory.company.column.city'),
      sortFn: text((row) => row.city),
      meta: { width: 236 },
      cell: ({ row }) => {
        const outside = !departements.includes(row.original.departement);
        return (
          <div className="cell-stack">
            <span>{row.original.city}</span>
            <span className="cell-secondary">
              {row.original.postalCode} · {formatDepartement(row.original.departement)}
              {outside && <span className="flag-badge flag-badge--warning">{t('directory.company.outside')}</span>}
            </span>
          </div>
        );
      },
    }),
    helper.accessor('engagementCount', {
      header: t('directory.company.column.engagements'),
      sortFn: byRow((a, b) => a.engagementCount - b.engagementCount),
      meta: { width: 150, className: 'cell-number' },
      cell: ({ row }) =>
        row.original.engagementCount > 0 ? <span className="count-pill">{number(row.original.engagementCount)}</span> : <span className="cell-none">0</span>,
    }),
    helper.display({
      id: 'actions',
      header: () => <span className="visually-hidden">{t('directory.column.actions')}</span>,
      meta: { width: 120, className: 'cell-actions' },
      cell: ({ row }) => (
        <button type="button" className="button button--ghost button--small" onClick={() => onEdit(row.original)}>
          {t('directory.edit')}
          <span className="visually-hidden"> {row.original.name}</span>
        </button>
      ),
    }),
  ]);
}
