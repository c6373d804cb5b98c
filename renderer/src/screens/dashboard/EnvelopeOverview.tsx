import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { EnvelopeFigures } from '../../../../core/domainViews';
import { Card } from '../../components/Definitions';
import { useI18n } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { ENVELOPE_COLORS } from './chartPalette';
import { ENVELOPE_SEGMENTS, envelopeSegments } from './envelopeSegments';

export function EnvelopeOverview({ figures }: { figures: EnvelopeFigures }) {
  const { t, money, percent } = useI18n();
  const segments = envelopeSegments(figures);
  const envelope = figures.envelopeCents;
  const share = (cents: number) => (envelope > 0 ? percent(Math.round((cents / envelope) * 10_000)) : '—');
  const title = t('programme.dashboard.envelope.chart');
  const summary = t('programme.dashboard.envelope.summary', {
    envelope: money(envelope),
    committed: money(figures.committedCents),
    committedShare: share(figures.committedCents),
    consumed: money(figures.consumedCents),
    approved: money(figures.approvedCents),
    remaining: money(figures.remainingCents),
  });
  const rows = ENVELOPE_SEGMENTS.map((segment) => ({ segment, cents: segments[segment] }));

  return (
    <Card title={title} titleId="dashboard-envelope" className="chart-card" aside={<span className="card-count">{t('programme.dashboard.envelope.of', { envelope: money(envelope) })}</span>}>
      <ChartFigure
        summary={summary}
        caption={title}
        rows={rows}
        rowKey={(row) => row.segment}
        columns={[
          { header: t('programme.dashboard.column.segment'), cell: (row) => t(`programme.dashboard.segment.${row.segment}`) },
          { header: t('programme.dashboard.column.amount'), cell: (row) => money(row.cents), numeric: true },
          { header: t('programme.dashboard.column.share'), cell: (row) => share(row.cents), numeric: true },
        ]}
        legend={
          <ul className="envelope-legend">
            {ENVELOPE_SEGMENTS.map((segment) => (
              <li key={segment}>
                <span className={`envelope-swatch envelope-swatch--${segment}`} aria-hidden="true" />
                <span className="envelope-legend-label">{t(`programme.dashboard.segment.${segment}`)}</span>
                <span className="envelope-legend-value num">{money(segments[segment])}</span>
                <span className="envelope-legend-share num">{share(segments[segment])}</span>
              </li>
            ))}
          </ul>
        }
        chart={
          <div className="envelope-bar">
            <ResponsiveContainer width="100%" height={40}>
              <BarChart data={[{ name: 'envelope', ...segments }]} layout="vertical" margin={{ top: 0, right: 0, bottom: 0, left: 0 }} barCategoryGap={0} accessibilityLayer={false}>
                <XAxis type="number" hide domain={[0, Math.max(envelope, figures.committedCents, 1)]} />
                <YAxis type="category" dataKey="name" hide />
                {ENVELOPE_SEGMENTS.map((segment) => (
                  <Bar key={segment} dataKey={segment} stackId="envelope" fill={ENVELOPE_COLORS[segment]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        }
      />
    </Card>
  );
}

/** The five figures of the envelope, each with its share of the envelope. */
export function EnvelopeFiguresRow({ figures }: { figures: EnvelopeFigures }) {
  const { t, money, percent } = useI18n();
  const envelope = figures.envelopeCents;
  const share = (cents: number) => (envelope > 0 ? t('programme.dashboard.figure.share', { share: percent(Math.round((cents / envelope) * 10_000)) }) : '');
  const items = [
    { key: 'envelope', value: envelope, note: t('programme.dashboard.figure.envelope.note') },
    { key: 'committed', value: figures.committedCents, note: share(figures.committedCents) },
    { key: 'consumed', value: figures.consumedCents, note: share(figures.consumedCents) },
    { key: 'approved', value: figures.approvedCents, note: share(figures.approvedCents) },
    { key: 'remaining', value: figures.remainingCents, note: share(figures.remainingCents) },
  ] as const;
  return (
    <div className="dashboard-figures">
      {items.map((item) => (
        <section key={item.key} className={`summary-card dashboard-figure dashboard-figure--${item.key}`} aria-labelledby={`figure-${item.key}`}>
          <h2 id={`figure-${item.key}`} className="summary-label">
            {t(`programme.dashboard.figure.${item.key}`)}
          </h2>
          <p className={`summary-value num${item.value < 0 ? ' is-negative' : ''}`}>{money(item.value)}</p>
          <p className="summary-note">{item.note}</p>
        </section>
      ))}
    </div>
  );
}
