import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { RegionProgrammeView } from '../../../../core/review';
import { Card } from '../../components/Definitions';
import { useI18n } from '../../i18n';
import { ChartFigure } from '../dashboard/ChartFigure';
import { ENVELOPE_PART_COLORS } from './regionPalette';
import { ENVELOPE_PARTS, envelopeSplit, shareOfEnvelope } from './programmeFigures';

type Figures = Pick<RegionProgrammeView, 'envelopeCents' | 'approvedPublicCents' | 'pendingPublicCents' | 'submittedPublicCents'>;

function useShare(envelopeCents: number) {
  const { percent } = useI18n();
  return (cents: number) => {
    const share = shareOfEnvelope(cents, envelopeCents);
    return share === null ? '—' : percent(share);
  };
}

/** The five figures of the programme's public money: envelope, submitted, approved, pending, rest. */
export function ProgrammeFiguresRow({ view }: { view: Figures }) {
  const { t, money } = useI18n();
  const share = useShare(view.envelopeCents);
  const { restCents } = envelopeSplit(view);
  const ofEnvelope = (cents: number) => (view.envelopeCents > 0 ? t('regionProgramme.figure.share', { share: share(cents) }) : t('regionProgramme.figure.noEnvelope'));
  const items = [
    { key: 'envelope', value: view.envelopeCents, note: t('regionProgramme.figure.envelope.note') },
    { key: 'submitted', value: view.submittedPublicCents, note: ofEnvelope(view.submittedPublicCents) },
    { key: 'approved', value: view.approvedPublicCents, note: ofEnvelope(view.approvedPublicCents) },
    { key: 'pending', value: view.pendingPublicCents, note: ofEnvelope(view.pendingPublicCents) },
    { key: restCents < 0 ? 'overrun' : 'rest', value: restCents, note: ofEnvelope(Math.abs(restCents)) },
  ] as const;
  return (
    <div className="region-figures">
      {items.map((item) => (
        <section key={item.key} className={`summary-card region-figure region-figure--${item.key}`} aria-labelledby={`region-figure-${item.key}`}>
          <h2 id={`region-figure-${item.key}`} className="summary-label">
            {item.key !== 'envelope' && item.key !== 'submitted' && <span className={`region-swatch region-swatch--${item.key === 'overrun' ? 'rest' : item.key}`} aria-hidden="true" />}
            {t(`regionProgramme.figure.${item.key}`)}
          </h2>
          <p className={`summary-value num${item.value < 0 ? ' is-negative' : ''}`}>{money(item.value)}</p>
          <p className="summary-note">{item.note}</p>
        </section>
      ))}
    </div>
  );
}

/** The envelope as one stacked bar (approved, pending, rest), its legend with figures, and its table. */
export function EnvelopeCard({ view }: { view: Figures }) {
  const { t, money } = useI18n();
  const share = useShare(view.envelopeCents);
  const split = envelopeSplit(view);
  const title = t('regionProgramme.envelope.title');
  const summary = t(split.overrunCents > 0 ? 'regionProgramme.envelope.summary.overrun' : 'regionProgramme.envelope.summary', {
    envelope: money(view.envelopeCents),
    approved: money(view.approvedPublicCents),
    approvedShare: share(view.approvedPublicCents),
    pending: money(view.pendingPublicCents),
    pendingShare: share(view.pendingPublicCents),
    rest: money(split.parts.rest),
    overrun: money(split.overrunCents),
  });
  const rows = ENVELOPE_PARTS.map((part) => ({ part, cents: split.parts[part] }));

  return (
    <Card
      title={title}
      titleId="region-envelope"
      className="chart-card"
      aside={<span className="card-count">{t('regionProgramme.envelope.of', { envelope: money(view.envelopeCents) })}</span>}
    >
      <ChartFigure
        summary={summary}
        caption={title}
        rows={rows}
        rowKey={(row) => row.part}
        columns={[
          { header: t('regionProgramme.column.part'), cell: (row) => t(`regionProgramme.part.${row.part}`) },
          { header: t('regionProgramme.column.amount'), cell: (row) => money(row.cents), numeric: true },
          { header: t('regionProgramme.column.shareOfEnvelope'), cell: (row) => share(row.cents), numeric: true },
        ]}
        legend={
          <>
            <ul className="region-envelope-legend">
              {ENVELOPE_PARTS.map((part) => (
                <li key={part}>
                  <span className={`region-swatch region-swatch--${part}`} aria-hidden="true" />
                  <span className="region-legend-label">{t(`regionProgramme.part.${part}`)}</span>
                  <span className="region-legend-figure">
                    <span className="region-legend-value num">{money(split.parts[part])}</span>
                    <span className="region-legend-share num">{share(split.parts[part])}</span>
                  </span>
                </li>
              ))}
            </ul>
            <p className="region-envelope-submitted">
              {t('regionProgramme.envelope.submitted', { submitted: money(view.submittedPublicCents), share: share(view.submittedPublicCents) })}
            </p>
            {split.overrunCents > 0 && (
              <p className="region-envelope-overrun">{t('regionProgramme.envelope.overrun', { overrun: money(split.overrunCents) })}</p>
            )}
          </>
        }
        chart={
          <div className="envelope-bar">
            <ResponsiveContainer width="100%" height={40}>
              <BarChart data={[{ name: 'envelope', ...split.parts }]} layout="vertical" margin={{ top: 0, right: 0, bottom: 0, left: 0 }} barCategoryGap={0} accessibilityLayer={false}>
                <XAxis type="number" hide domain={[0, split.scaleCents]} />
                <YAxis type="category" dataKey="name" hide />
                {ENVELOPE_PARTS.map((part) => (
                  <Bar key={part} dataKey={part} stackId="envelope" fill={ENVELOPE_PART_COLORS[part]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        }
      />
    </Card>
  );
}
