import { Cell, Pie, PieChart, ResponsiveContainer } from 'recharts';
import type { ProgrammeMission } from '../../../../core/review';
import { Card } from '../../components/Definitions';
import { useI18n } from '../../i18n';
import { ChartFigure } from '../dashboard/ChartFigure';
import { missionsByStatus } from './programmeFigures';
import { REVIEW_STATUS_COLORS } from './regionPalette';
import { ReviewStatusBadge } from '../../components/ReviewStatusBadge';

/** The missions by review status: a ring in the badges' colors, with its legend and table. */
export function StatusCard({ missions }: { missions: readonly ProgrammeMission[] }) {
  const { t, number, money } = useI18n();
  const rows = missionsByStatus(missions);
  const title = t('regionProgramme.byStatus');
  const summary = t('regionProgramme.chart.summary', {
    title,
    items: rows.map((row) => t(row.missions === 1 ? 'regionProgramme.chart.item.one' : 'regionProgramme.chart.item', { label: t(`review.status.${row.status}`), count: number(row.missions) })).join(' ; '),
  });

  return (
    <Card title={title} titleId="region-status" className="chart-card" aside={<span className="card-count">{t(missions.length === 1 ? 'regionProgramme.count.one' : 'regionProgramme.count', { count: number(missions.length) })}</span>}>
      <ChartFigure
        className="chart-figure--donut"
        summary={summary}
        caption={title}
        rows={rows}
        rowKey={(row) => row.status}
        columns={[
          { header: t('regionProgramme.column.status'), cell: (row) => t(`review.status.${row.status}`) },
          { header: t('regionProgramme.column.missions'), cell: (row) => number(row.missions), numeric: true },
          { header: t('regionProgramme.column.publicShare'), cell: (row) => money(row.publicCents), numeric: true },
        ]}
        legend={
          <ul className="status-legend">
            {rows.map((row) => (
              <li key={row.status}>
                <ReviewStatusBadge status={row.status} />
                <span className="status-legend-count num">{number(row.missions)}</span>
              </li>
            ))}
          </ul>
        }
        chart={
          <div className="status-donut-ring">
            <ResponsiveContainer width="100%" height={170}>
              <PieChart accessibilityLayer={false}>
                <Pie data={rows} dataKey="missions" nameKey="status" rootTabIndex={-1} innerRadius={54} outerRadius={80} paddingAngle={rows.length > 1 ? 1.5 : 0} stroke="#fff" strokeWidth={rows.length > 1 ? 2 : 0} isAnimationActive={false}>
                  {rows.map((row) => (
                    <Cell key={row.status} fill={REVIEW_STATUS_COLORS[row.status]} />
                  ))}
                </Pie>
              </PieChart>
            </ResponsiveContainer>
            <p className="status-donut-total">
              <span className="status-donut-number">{number(missions.length)}</span>
              <span className="status-donut-unit">{t(missions.length === 1 ? 'regionProgramme.missions.unit.one' : 'regionProgramme.missions.unit')}</span>
            </p>
          </div>
        }
      />
    </Card>
  );
}
