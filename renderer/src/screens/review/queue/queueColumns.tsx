import { createColumnHelper, createSortedRowModel, metaHelper, rowSortingFeature, tableFeatures, type SortFn } from '@tanstack/react-table';
import { REVIEW_STATUSES, type ReviewQueueRow } from '../../../../../core/review';
import { intlLocale, type I18n } from '../../../i18n';
import { formatSiret } from '../../../lib/format';
import { hrefs } from '../../../router';
import { FindingsMark } from './FindingsMark';
import { findingsTotal } from './queueFilters';
import { ReviewStatusBadge } from '../../../components/ReviewStatusBadge';

export interface QueueColumnMeta {
  /** Width in pixels (`table-layout: fixed`); none = takes the remaining space. */
  width?: number;
  className?: string;
}

/** The company column takes the remaining width, never less than this (the table scrolls sideways). */
export const COMPANY_COLUMN_MIN_WIDTH = 200;

// The filters are the toolbar's (applied before the table): the table sorts.
export const queueFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnMeta: metaHelper<QueueColumnMeta>(),
});

type Features = typeof queueFeatures;
const helper = createColumnHelper<Features, ReviewQueueRow>();

const byRow =
  (compare: (a: ReviewQueueRow, b: ReviewQueueRow) => number): SortFn<Features, ReviewQueueRow> =>
  (rowA, rowB) =>
    compare(rowA.original, rowB.original);

/** Missing figures (an unreadable engagement.json) sort below every known one. */
const nullable = (pick: (row: ReviewQueueRow) => number | null) =>
  byRow((a, b) => {
    const left = pick(a);
    const right = pick(b);
    if (left === null || right === null) return left === right ? 0 : left === null ? -1 : 1;
    return left - right;
  });

const statusRank = (row: ReviewQueueRow) => REVIEW_STATUSES.indexOf(row.status);
/** The most findings first when sorted descending; integrity weighs most, then arithmetic. */
const findingsRank = (row: ReviewQueueRow) => findingsTotal(row) * 1_000_000 + row.findingCounts.integrity * 1_000 + row.findingCounts.arithmetic;

/** The date part of the manifest's `createdAt` (the day the firm closed the mission). */
export const submittedDay = (row: ReviewQueueRow): string | null => (row.submittedAt && /^\d{4}-\d{2}-\d{2}/.test(row.submittedAt) ? row.submittedAt.slice(0, 10) : null);

/** The columns of the queue, in the user's language (labels, and the order of sorted labels). */
export function queueColumns({ t, locale, date, days, money }: Pick<I18n, 't' | 'locale' | 'date' | 'days' | 'money'>) {
  const collator = new Intl.Collator(intlLocale(locale), { numeric: true, sensitivity: 'base' });
  const text = (pick: (row: ReviewQueueRow) => string) => byRow((a, b) => collator.compare(pick(a), pick(b)));
  const missing = <span className="cell-missing">{t('reviewUi.queue.missing')}</span>;

  return helper.columns([
    helper.accessor('ref', {
      header: t('reviewUi.column.ref'),
      sortFn: text((row) => row.ref),
      meta: { width: 132, className: 'cell-ref' },
      cell: ({ row }) => (
        <a className="row-link" href={hrefs.reviewPackage(row.original.key)} aria-label={`${row.original.ref}${t('reviewUi.queue.linkVersion', { version: row.original.version })}`}>
          {row.original.ref}
        </a>
      ),
    }),
    helper.accessor('version', {
      header: t('reviewUi.column.version'),
      sortFn: byRow((a, b) => a.version - b.version),
      meta: { width: 104 },
      cell: ({ row }) => (
        <div className="cell-stack">
          <span className="queue-version">{t('reviewUi.queue.version', { version: row.original.version })}</span>
          {row.original.superseded && <span className="cell-secondary">{t('reviewUi.queue.superseded')}</span>}
        </div>
      ),
    }),
    helper.accessor((row) => row.companyName ?? '', {
      id: 'company',
      header: t('reviewUi.column.company'),
      sortFn: text((row) => row.companyName ?? ''),
      meta: { className: 'cell-company' },
      cell: ({ row }) => (
        <div className="cell-stack">
          <span className="cell-primary" title={row.original.companyName ?? undefined}>
            {row.original.companyName ?? missing}
          </span>
          {row.original.siret && <span className="cell-secondary mono">{t('reviewUi.queue.siret', { siret: formatSiret(row.original.siret) })}</span>}
        </div>
      ),
    }),
    helper.accessor('firm', {
      header: t('reviewUi.column.firm'),
      sortFn: text((row) => row.firm),
      meta: { width: 146 },
      cell: ({ row }) => (
        <div className="cell-stack">
          <span className="cell-clamp" title={row.original.firm}>
            {row.original.firm}
          </span>
          {row.original.exchangeFolder === null && <span className="cell-secondary">{t('reviewUi.queue.openedByHand')}</span>}
        </div>
      ),
    }),
    helper.accessor((row) => row.submittedAt ?? '', {
      id: 'submittedAt',
      header: t('reviewUi.column.submittedAt'),
      sortFn: text((row) => row.submittedAt ?? ''),
      meta: { width: 118 },
      cell: ({ row }) => {
        const day = submittedDay(row.original);
        return day ? <span title={row.original.submittedAt ?? undefined}>{date(day, 'medium')}</span> : missing;
      },
    }),
    helper.accessor('status', {
      header: t('reviewUi.column.status'),
      sortFn: byRow((a, b) => statusRank(a) - statusRank(b)),
      meta: { width: 236 },
      cell: ({ row }) => <ReviewStatusBadge status={row.original.status} />,
    }),
    helper.accessor((row) => findingsTotal(row), {
      id: 'findings',
      header: t('reviewUi.column.findings'),
      sortFn: byRow((a, b) => findingsRank(a) - findingsRank(b)),
      meta: { width: 160, className: 'cell-findings' },
      cell: ({ row }) => <FindingsMark row={row.original} />,
    }),
    helper.accessor((row) => row.halfDaysLogged ?? -1, {
      id: 'days',
      header: t('reviewUi.column.days'),
      sortFn: nullable((row) => row.halfDaysLogged),
      meta: { width: 88, className: 'cell-number' },
      cell: ({ row }) => (row.original.halfDaysLogged === null ? missing : days(row.original.halfDaysLogged)),
    }),
    helper.accessor((row) => row.publicShareCents ?? -1, {
      id: 'publicShare',
      header: t('reviewUi.column.publicShare'),
      sortFn: nullable((row) => row.publicShareCents),
      meta: { width: 152, className: 'cell-number' },
      cell: ({ row }) => (row.original.publicShareCents === null ? missing : money(row.original.publicShareCents)),
    }),
  ]);
}
