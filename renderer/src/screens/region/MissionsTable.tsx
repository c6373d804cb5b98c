import { FlexRender, useTable, type Header, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { ProgrammeMission } from '../../../../core/review';
import { Card } from '../../components/Definitions';
import { SortHeaderCell } from '../../components/SortHeaderCell';
import { useI18n } from '../../i18n';
import { missionColumns, missionFeatures } from './missionColumns';
import { missionTotals } from './programmeFigures';

function useMissionsTable(missions: readonly ProgrammeMission[]) {
  const { t, locale, money, days } = useI18n();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'firm', desc: false }]);
  const unknown = t('regionProgramme.unknown');
  const columns = useMemo(() => missionColumns({ t, locale, money, days, unknown }), [t, locale, money, days, unknown]);
  return useTable({
    features: missionFeatures,
    columns,
    data: missions,
    getRowId: (mission) => mission.key,
    state: { sorting },
    onSortingChange: setSorting,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
}

type MissionsTableInstance = ReturnType<typeof useMissionsTable>;

/** A column header: {@link SortHeaderCell} over this table's column. */
function MissionSortHeader({ header, table }: { header: Header<typeof missionFeatures, ProgrammeMission, unknown>; table: MissionsTableInstance }) {
  const column = header.column;
  return (
    <SortHeaderCell direction={column.getIsSorted()} className={column.columnDef.meta?.numeric ? 'num' : undefined} onToggle={column.getToggleSortingHandler()}>
      <table.FlexRender header={header} />
    </SortHeaderCell>
  );
}

/** Every mission counted, with its days, amount and public share; sortable by any column, totals at the foot. */
export function MissionsTable({ missions }: { missions: readonly ProgrammeMission[] }) {
  const { t, money, days, number } = useI18n();
  const table = useMissionsTable(missions);
  const totals = missionTotals(missions);
  const columnCount = table.getAllLeafColumns().length;

  return (
    <Card
      title={t('regionProgramme.missions.title')}
      titleId="region-missions"
      className="card--flush region-missions-card"
      aside={<span className="card-count">{t(missions.length === 1 ? 'regionProgramme.count.one' : 'regionProgramme.count', { count: number(missions.length) })}</span>}
    >
      <div className="table-wrap">
        <table className="data-grid region-missions-table" aria-labelledby="region-missions" aria-describedby="region-missions-hint">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <MissionSortHeader key={header.id} header={header} table={table} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-key={row.id}>
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const className = [meta?.className, meta?.numeric ? 'num' : null].filter(Boolean).join(' ') || undefined;
                  return meta?.rowHeader ? (
                    <th key={cell.id} scope="row" className={className}>
                      <FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td key={cell.id} className={className}>
                      <FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={columnCount - 3}>
                {t('regionProgramme.missions.total')}
              </th>
              <td className="num">{days(totals.halfDays)}</td>
              <td className="num">{money(totals.amountCents)}</td>
              <td className="num">{money(totals.publicShareCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p id="region-missions-hint" className="region-missions-hint">
        {t('regionProgramme.missions.hint')}
      </p>
    </Card>
  );
}
