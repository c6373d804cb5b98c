import { Cell, Pie, PieChart, ResponsiveContainer } from 'recharts';
import { ENGAGEMENT_STATUSES, type EngagementStatus } from '../../../../core/domain';
import type { BreakdownRow } from '../../../../core/domainViews';
import { Card } from '../../components/Definitions';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { STATUS_COLORS } from './chartPalette';

type StatusRow = BreakdownRow & { key: EngagementStatus };

/** Engagements by lifecycle status: a ring in the badges' colors, with its legend and table. */
export function StatusDonut({ rows }: { rows: readonly StatusRow[] }) {
  const { t, number, money } = useI18n();
  const ordered = ENGAGEMENT_STATUSES.flatMap((status) => rows.filter((row) => row.key === status));
  const total = ordered.reduce((sum, row) => sum + row.engagements, 0);
  const title = t('programme.dashboard.byStatus');
  const summary = t('programme.dashboard.chart.summary', {
    title,
    items: ordered.map((row) => t(row.engagements === 1 ? 'programme.dashboard.chart.item.one' : 'programme.dashboard.chart.item', { label: t(`status.${row.key}`), count: number(row.engagements) })).join(' ; '),
  });

  return (
    <Card title={title} titleId="dashboard-status" className="chart-card" aside={<span className="card-count">{t('programme.dashboard.count', { count: number(total) })}</span>}>
      {total === 0 ? (
        <p className="card-empty">{t('programme.dashboard.noEngagements')}</p>
      ) : (
        <ChartFigure
          className="chart-figure--donut"
          summary={summary}
          caption={title}
          rows={ordered}
          rowKey={(row) => row.key}
          columns={[
            { header: t('programme.dashboard.column.status'), cell: (row) => t(`status.${row.key}`) },
            { header: t('programme.dashboard.column.engagements'), cell: (row) => number(row.engagements), numeric: true },
            { header: t('programme.dashboard.column.committed'), cell: (row) => money(row.committedCents), numeric: true },
          ]}
          legend={
            <ul className="status-legend">
              {ordered.map((row) => (
                <li key={row.key}>
                  <StatusBadge status={row.key} />
                  <span className="status-legend-count num">{number(row.engagements)}</span>
                </li>
              ))}
            </ul>
          }
          chart={
            <div className="status-donut-ring">
              <ResponsiveContainer width="100%" height={170}>
                <PieChart accessibilityLayer={false}>
                  <Pie data={ordered} dataKey="engagements" nameKey="key" rootTabIndex={-1} innerRadius={54} outerRadius={80} paddingAngle={1.5} stroke="#fff" strokeWidth={2} isAnimationActive={false}>
                    {ordered.map((row) => (
                      <Cell key={row.key} fill={STATUS_COLORS[row.key]} />
                    ))}
                  </Pie>
                </PieChart>
              </ResponsiveContainer>
              <p className="status-donut-total">
                <span className="status-donut-number">{number(total)}</span>
                <span className="status-donut-unit">{t('programme.dashboard.engagements.unit')}</span>
              </p>
            </div>
          }
        />
      )}
    </Card>
  );
}
