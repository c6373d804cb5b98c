import { createColumnHelper, createSortedRowModel, metaHelper, rowSortingFeature, tableFeatures, type SortFn } from '@tanstack/react-table';
import type { ProgrammeMission } from '../../../../core/review';
import { intlLocale, type I18n } from '../../i18n';
import { formatDepartement } from '../../lib/format';
import { hrefs } from '../../router';
import { statusRank } from './programmeFigures';
import { ReviewStatusBadge } from '../../components/ReviewStatusBadge';

export interface MissionColumnMeta {
  className?: string;
  numeric?: boolean;
  /** The cell that names the row (a `<th scope="row">`). */
  rowHeader?: boolean;
}

export const missionFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnMeta: metaHelper<MissionColumnMeta>(),
});

type Features = typeof missionFeatures;
const helper = createColumnHelper<Features, ProgrammeMission>();

const byMission =
  (compare: (a: ProgrammeMission, b: ProgrammeMission) => number): SortFn<Features, ProgrammeMission> =>
  (rowA, rowB) =>
    compare(rowA.original, rowB.original);

/** The columns of the missions table, in the reader's language (labels, and the order of sorted labels). */
export function missionColumns({ t, locale, money, days, unknown }: Pick<I18n, 't' | 'locale' | 'money' | 'days'> & { unknown: string }) {
  const collator = new Intl.Collator(intlLocale(locale), { numeric: true, sensitivity: 'base' });
  const text = (pick: (mission: ProgrammeMission) => string) => byMission((a, b) => collator.compare(pick(a), pick(b)));
  const figure = (pick: (mission: ProgrammeMission) => number) => byMission((a, b) => pick(a) - pick(b));
  const orUnknown = (value: string) => value || unknown;

  return helper.columns([
    helper.accessor('firm', { header: t('regionProgramme.column.firm'), sortFn: text((mission) => mission.firm), meta: { className: 'cell-firm' } }),
    helper.accessor('ref', {
      header: t('regionProgramme.column.ref'),
      sortFn: text((mission) => mission.ref),
      meta: { className: 'cell-ref', rowHeader: true },
      cell: ({ row }) => (
        <a className="region-mission-ref" href={hrefs.reviewPackage(row.original.key)}>
          {row.original.ref}
        </a>
      ),
    }),
    helper.accessor('version', {
      header: t('regionProgramme.column.version'),
      sortFn: figure((mission) => mission.version),
      meta: { numeric: true },
      cell: ({ row }) => t('regionProgramme.version', { version: row.original.version }),
    }),
    helper.accessor('companyName', { id: 'company', header: t('regionProgramme.column.company'), sortFn: text((mission) => mission.companyName), meta: { className: 'cell-company' } }),
    helper.accessor('wave', { header: t('regionProgramme.column.wave'), sortFn: text((mission) => mission.wave), cell: ({ row }) => orUnknown(row.original.wave) }),
    helper.accessor('sector', { header: t('regionProgramme.column.sector'), sortFn: text((mission) => mission.sector), cell: ({ row }) => orUnknown(row.original.sector) }),
    helper.accessor('departement', {
      header: t('regionProgramme.column.departement'),
      sortFn: text((mission) => mission.departement),
      cell: ({ row }) => (row.original.departement ? formatDepartement(row.original.departement) : unknown),
    }),
    helper.accessor('projectType', {
      header: t('regionProgramme.column.projectType'),
      sortFn: text((mission) => t(`projectType.${mission.projectType}`)),
      cell: ({ row }) => t(`projectType.${row.original.projectType}`),
    }),
    helper.accessor('status', {
      header: t('regionProgramme.column.status'),
      sortFn: byMission((a, b) => statusRank(a.status) - statusRank(b.status)),
      cell: ({ row }) => <ReviewStatusBadge status={row.original.status} />,
    }),
    helper.accessor('halfDays', {
      id: 'days',
      header: t('regionProgramme.column.days'),
      sortFn: figure((mission) => mission.halfDays),
      meta: { numeric: true },
      cell: ({ row }) => days(row.original.halfDays),
    }),
    helper.accessor('amountCents', {
      id: 'amount',
      header: t('regionProgramme.column.amount'),
      sortFn: figure((mission) => mission.amountCents),
      meta: { numeric: true },
      cell: ({ row }) => money(row.original.amountCents),
    }),
    helper.accessor('publicShareCents', {
      id: 'publicShare',
      header: t('regionProgramme.column.publicShare'),
      sortFn: figure((mission) => mission.publicShareCents),
      meta: { numeric: true },
      cell: ({ row }) => money(row.original.publicShareCents),
    }),
  ]);
}
