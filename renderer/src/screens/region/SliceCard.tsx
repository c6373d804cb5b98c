import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ProgrammeSlice } from '../../../../core/review';
import { Card } from '../../components/Definitions';
import { intlLocale, useI18n } from '../../i18n';
import { ChartFigure } from '../dashboard/ChartFigure';
import { sliceRows, type Measure, type SliceRow } from './programmeFigures';
import { AXIS_TEXT, ENVELOPE_PART_COLORS, GRID_LINE, MISSIONS_BAR_COLOR, VALUE_TEXT } from './regionPalette';

interface Props {
  title: string;
  titleId: string;
  slices: readonly ProgrammeSlice[];
  labelOf: (slice: ProgrammeSlice) => string;
  measure: Measure;
  /** Room for the longest label on the left of the bars. */
  labelWidth?: number;
}

const BAR_ROW_HEIGHT = 34;

/**
 * The missions of one dimension (wave, sector, département, project type, firm): bars of public
 * money (approved, then pending) or of missions, and the table of every figure.
 */
export function SliceCard({ title, titleId, slices, labelOf, measure, labelWidth = 150 }: Props) {
  const { t, money, days, number, locale } = useI18n();
  const collator = new Intl.Collator(intlLocale(locale), { numeric: true, sensitivity: 'base' });
  const rows = sliceRows(slices, labelOf, measure, collator);
  // The total is written at the end of the stack: after the pending part, or after the approved
  // part when nothing is pending (a bar of no width draws no label).
  const data = rows.map((row) => ({
    ...row,
    totalAfterApproved: row.pendingPublicCents === 0 ? row.publicCents : null,
    totalAfterPending: row.pendingPublicCents > 0 ? row.publicCents : null,
  }));
  const totalLabel = (value: unknown) => (value === null || value === undefined ? '' : money(Number(value)));
  const missions = rows.reduce((sum, row) => sum + row.missions, 0);
  const item = (row: SliceRow) =>
    measure === 'missions'
      ? t(row.missions === 1 ? 'regionProgramme.chart.item.one' : 'regionProgramme.chart.item', { label: row.label, count: number(row.missions) })
      : t('regionProgramme.chart.item.money', { label: row.label, approved: money(row.approvedPublicCents), pending: money(row.pendingPublicCents) });
  const summary = t(measure === 'missions' ? 'regionProgramme.chart.summary' : 'regionProgramme.chart.summary.money', { title, items: rows.map(item).join(' ; ') });

  return (
    <Card title={title} titleId={titleId} className="chart-card" aside={<span className="card-count">{t(missions === 1 ? 'regionProgramme.count.one' : 'regionProgramme.count', { count: number(missions) })}</span>}>
      <ChartFigure
        summary={summary}
        caption={title}
        rows={rows}
        rowKey={(row) => row.key}
        columns={[
          { header: t('regionProgramme.column.label'), cell: (row) => row.label },
          { header: t('regionProgramme.column.missions'), cell: (row) => number(row.missions), numeric: true },
          { header: t('regionProgramme.column.days'), cell: (row) => t('regionProgramme.days.unit', { days: days(row.halfDays) }), numeric: true },
          { header: t('regionProgramme.column.approved'), cell: (row) => money(row.approvedPublicCents), numeric: true },
          { header: t('regionProgramme.column.pending'), cell: (row) => money(row.pendingPublicCents), numeric: true },
        ]}
        legend={
          measure === 'publicMoney' && (
            <ul className="region-slice-legend">
              {(['approved', 'pending'] as const).map((part) => (
                <li key={part}>
                  <span className={`region-swatch region-swatch--${part}`} aria-hidden="true" />
                  {t(`regionProgramme.part.${part}`)}
                </li>
              ))}
            </ul>
          )
        }
        chart={
          <ResponsiveContainer width="100%" height={rows.length * BAR_ROW_HEIGHT + 8}>
            <BarChart data={data} layout="vertical" margin={{ top: 4, right: measure === 'missions' ? 36 : 104, bottom: 4, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid horizontal={false} stroke={GRID_LINE} />
              <XAxis type="number" allowDecimals={false} hide domain={[0, 'dataMax']} />
              <YAxis type="category" dataKey="label" width={labelWidth} tickLine={false} axisLine={false} interval={0} tick={{ fontSize: 12.5, fill: AXIS_TEXT }} />
              {measure === 'missions' ? (
                <Bar dataKey="missions" fill={MISSIONS_BAR_COLOR} radius={[0, 4, 4, 0]} barSize={18} isAnimationActive={false}>
                  <LabelList dataKey="missions" position="right" fill={VALUE_TEXT} fontSize={12.5} fontWeight={600} />
                </Bar>
              ) : (
                [
                  <Bar key="approved" dataKey="approvedPublicCents" stackId="public" fill={ENVELOPE_PART_COLORS.approved} barSize={18} isAnimationActive={false}>
                    <LabelList dataKey="totalAfterApproved" position="right" fill={VALUE_TEXT} fontSize={12.5} fontWeight={600} formatter={totalLabel} />
                  </Bar>,
                  <Bar key="pending" dataKey="pendingPublicCents" stackId="public" fill={ENVELOPE_PART_COLORS.pending} radius={[0, 4, 4, 0]} barSize={18} isAnimationActive={false}>
                    <LabelList dataKey="totalAfterPending" position="right" fill={VALUE_TEXT} fontSize={12.5} fontWeight={600} formatter={totalLabel} />
                  </Bar>,
                ]
              )}
            </BarChart>
          </ResponsiveContainer>
        }
      />
    </Card>
  );
}
