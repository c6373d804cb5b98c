import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equals,
  globalFilteringFeature,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
  type SortFn,
} from '@tanstack/react-table';
import { ENGAGEMENT_STATUSES, PHASES, type EngagementRow } from '../../../../core/domain';
import { AllowanceMeter } from '../../components/AllowanceMeter';
import { StatusBadge } from '../../components/StatusBadge';
import { intlLocale, type I18n } from '../../i18n';
import { hrefs } from '../../router';

export interface EngagementColumnMeta {
  /** Width in pixels of the column (`table-layout: fixed`); none = takes the remaining space. */
  width?: number;
  className?: string;
}

/** The company column takes the remaining width, never less than this (the table scrolls sideways). */
export const FLEXIBLE_COLUMN_MIN_WIDTH = 166;

export const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { equals: filterFn_equals },
  columnMeta: metaHelper<EngagementColumnMeta>(),
});

type Features = typeof features;
const helper = createColumnHelper<Features, EngagementRow>();

const byRow =
  (compare: (a: EngagementRow, b: EngagementRow) => number): SortFn<Features, EngagementRow> =>
  (rowA, rowB) =>
    compare(rowA.original, rowB.original);

const statusRank = (row: EngagementRow) => ENGAGEMENT_STATUSES.indexOf(row.status);
const phaseRank = (row: EngagementRow) => PHASES.indexOf(row.phase);
const usedRatio = (row: EngagementRow) => (row.allowanceDays > 0 ? row.halfDaysLogged / (row.allowanceDays * 2) : 1);

/** The columns of the list, in the user's language (labels, and the order of sorted labels). */
export function engagementColumns({ t, locale }: Pick<I18n, 't' | 'locale'>) {
  const collator = new Intl.Collator(intlLocale(locale), { numeric: true, sensitivity: 'base' });
  const text = (pick: (row: EngagementRow) => string) => byRow((a, b) => collator.compare(pick(a), pick(b)));

  return helper.columns([
    helper.accessor('ref', {
      header: t('column.ref'),
      sortFn: text((row) => row.ref),
      meta: { width: 136, className: 'cell-ref' },
      cell: ({ row }) => (
        <a className="row-link" href={hrefs.engagement(row.original.id)}>
          {row.original.ref}
        </a>
      ),
    }),
    helper.accessor('companyName', {
      id: 'company',
      header: t('column.company'),
      sortFn: text((row) => row.companyName),
      meta: { className: 'cell-company' },
      cell: ({ row }) => (
        <div className="cell-stack">
          <span className="cell-primary">{row.original.companyName}</span>
          <span className="cell-secondary">
            {row.original.companyCity} ({row.original.departement})
          </span>
        </div>
      ),
    }),
    helper.accessor('waveName', {
      id: 'wave',
      header: t('column.wave'),
      filterFn: 'equals',
      sortFn: text((row) => row.waveName),
      meta: { width: 92 },
    }),
    helper.accessor('projectType', {
      header: t('column.projectType'),
      sortFn: text((row) => t(`projectType.${row.projectType}`)),
      meta: { width: 172 },
      cell: ({ row }) => <span className="cell-clamp">{t(`projectType.${row.original.projectType}`)}</span>,
    }),
    helper.accessor('phase', {
      header: t('column.phase'),
      sortFn: byRow((a, b) => phaseRank(a) - phaseRank(b)),
      meta: { width: 136 },
      cell: ({ row }) => t(`phase.${row.original.phase}`),
    }),
    helper.accessor((row) => row.consultantNames.join(', '), {
      id: 'consultants',
      header: t('column.consultants'),
      sortFn: text((row) => row.consultantNames[0] ?? ''),
      meta: { width: 132 },
      cell: ({ row }) => (
        <ul className="cell-people">
          {row.original.consultantNames.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      ),
    }),
    helper.accessor('status', {
      header: t('column.status'),
      filterFn: 'equals',
      sortFn: byRow((a, b) => statusRank(a) - statusRank(b)),
      meta: { width: 232 },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    helper.accessor('halfDaysLogged', {
      id: 'allowance',
      header: t('column.allowance'),
      sortFn: byRow((a, b) => usedRatio(a) - usedRatio(b) || a.halfDaysLogged - b.halfDaysLogged),
      meta: { width: 180 },
      cell: ({ row }) => <AllowanceMeter halfDaysLogged={row.original.halfDaysLogged} allowanceDays={row.original.allowanceDays} />,
    }),
  ]);
}
