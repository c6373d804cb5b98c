import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { BreakdownRow } from '../../../../core/domainViews';
import { Card } from '../../components/Definitions';
import { useI18n } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { AXIS_TEXT, BAR_COLOR, GRID_LINE, VALUE_TEXT } from './chartPalette';

interface Props {
  title: string;
  titleId: string;
  rows: readonly BreakdownRow[];
  labelOf: (key: string) => string;
  /** Room for the longest label on the left of the bars. */
  labelWidth?: number;
  className?: string;
}

const BAR_ROW_HEIGHT = 34;

/** Engagements by one dimension (wave, project type, phase, sector, département): bars and a table. */
export function BreakdownCard({ title, titleId, rows, labelOf, labelWidth = 150, className }: Props) {
  const { t, money, days, number } = useI18n();
  const data = rows.map((row) => ({ ...row, label: labelOf(row.key) }));
  const total = rows.reduce((sum, row) => sum + row.engagements, 0);
  const summary = t('programme.dashboard.chart.summary', {
    title,
    items: data.map((row) => t(row.engagements === 1 ? 'programme.dashboard.chart.item.one' : 'programme.dashboard.chart.item', { label: row.label, count: number(row.engagements) })).join(' ; '),
  });

  return (
    <Card title={title} titleId={titleId} className={`chart-card${className ? ` ${className}` : ''}`} aside={<span className="card-count">{t('programme.dashboard.count', { count: number(total) })}</span>}>
      {rows.length === 0 ? (
        <p className="card-empty">{t('programme.dashboard.noEngagements')}</p>
      ) : (
        <ChartFigure
          summary={summary}
          caption={title}
          rows={data}
          rowKey={(row) => row.key}
          columns={[
            { header: t('programme.dashboard.column.label'), cell: (row) => row.label },
            { header: t('programme.dashboard.column.engagements'), cell: (row) => number(row.engagements), numeric: true },
            { header: t('programme.dashboard.column.committed'), cell: (row) => money(row.committedCents), numeric: true },
            { header: t('programme.dashboard.column.days'), cell: (row) => t('engagement.days.unit', { days: days(row.halfDaysLogged) }), numeric: true },
          ]}
          chart={
            <ResponsiveContainer width="100%" height={data.length * BAR_ROW_HEIGHT + 8}>
              <BarChart data={data} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid horizontal={false} stroke={GRID_LINE} />
                <XAxis type="number" allowDecimals={false} hide domain={[0, 'dataMax']} />
                <YAxis type="category" dataKey="label" width={labelWidth} tickLine={false} axisLine={false} interval={0} tick={{ fontSize: 12.5, fill: AXIS_TEXT }} />
                <Bar dataKey="engagements" fill={BAR_COLOR} radius={[0, 4, 4, 0]} barSize={18} isAnimationActive={false}>
                  <LabelList dataKey="engagements" position="right" fill={VALUE_TEXT} fontSize={12.5} fontWeight={600} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          }
        />
      )}
    </Card>
  );
}
