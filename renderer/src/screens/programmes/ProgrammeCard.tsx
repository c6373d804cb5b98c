import type { ProgrammeView } from '../../../../core/domainViews';
import { Definitions } from '../../components/Definitions';
import { useI18n } from '../../i18n';
import { formatDepartement } from '../../lib/format';
import { EnvelopeStrip } from '../dashboard/EnvelopeStrip';

interface Props {
  programme: ProgrammeView;
  isDefault: boolean;
  highlighted: boolean;
  onEdit: () => void;
}

/** One programme: its rules, its waves and where its envelope stands. */
export function ProgrammeCard({ programme, isDefault, highlighted, onEdit }: Props) {
  const { t, money, percent, date, number } = useI18n();
  const titleId = `programme-${programme.id}`;
  const { envelope } = programme;
  const figures = [
    { key: 'committed', cents: envelope.committedCents },
    { key: 'consumed', cents: envelope.consumedCents },
    { key: 'approved', cents: envelope.approvedCents },
    { key: 'remaining', cents: envelope.remainingCents },
  ] as const;

  return (
    <article className={`card programme-card${highlighted ? ' is-highlighted' : ''}`} aria-labelledby={titleId}>
      <header className="programme-card-header">
        <div className="programme-card-heading">
          <h2 id={titleId} className="programme-card-title">
            {programme.name}
            {isDefault && <span className="kind-badge">{t('programme.list.default')}</span>}
          </h2>
          <p className="programme-card-funders">{programme.funders.join(' · ')}</p>
        </div>
        <button type="button" className="button button--secondary" onClick={onEdit} aria-label={t('programme.list.edit.label', { name: programme.name })}>
          {t('programme.list.edit')}
        </button>
      </header>
      <div className="programme-card-body">
        <Definitions
          items={[
            { term: t('programme.list.period'), value: t('engagement.period.range', { from: date(programme.opensOn, 'medium'), to: date(programme.closesOn, 'medium') }) },
            { term: t('programme.list.publicShare'), value: <span className="num">{percent(programme.publicShareBasisPoints)}</span> },
            { term: t('engagement.allowance'), value: t('programme.list.days', { min: number(programme.minDays), max: number(programme.maxDays) }) },
            { term: t('engagement.headcount'), value: t('programme.list.headcount', { min: number(programme.minHeadcount), max: number(programme.maxHeadcount) }) },
            {
              term: t('programme.list.departements'),
              value: programme.departements.length > 0 ? programme.departements.map(formatDepartement).join(', ') : t('programme.list.departements.none'),
            },
            {
              term: t('programme.list.waves'),
              value:
                programme.waves.length === 0 ? (
                  t('programme.list.waves.none')
                ) : (
                  <ul className="programme-waves">
                    {programme.waves.map((wave) => (
                      <li key={wave.id}>
                        <span className="programme-wave-name">{wave.name}</span>
                        <span className="programme-wave-deadline">
                          {wave.deadlineOn ? t('programme.list.wave.deadline', { date: date(wave.deadlineOn, 'medium') }) : t('programme.params.wave.noDeadline')}
                        </span>
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
        <section className="programme-envelope">
          <h3 className="programme-envelope-title">
            {t('programme.list.envelope')}
          </h3>
          <p className="programme-envelope-total num">{money(envelope.envelopeCents)}</p>
          <EnvelopeStrip figures={envelope} />
          <dl className="programme-envelope-figures">
            {figures.map((figure) => (
              <div key={figure.key}>
                <dt>
                  <span className={`envelope-swatch envelope-swatch--${figure.key}`} aria-hidden="true" />
                  {t(`programme.dashboard.figure.${figure.key}`)}
                </dt>
                <dd className={`num${figure.cents < 0 ? ' is-negative' : ''}`}>{money(figure.cents)}</dd>
              </div>
            ))}
          </dl>
          <p className="programme-envelope-count">
            {t(programme.engagementCount === 1 ? 'programme.list.engagements.one' : 'programme.list.engagements', { count: number(programme.engagementCount) })}
          </p>
        </section>
      </div>
    </article>
  );
}
