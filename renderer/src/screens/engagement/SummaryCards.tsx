import type { EngagementDetail } from '../../../../core/domain';
import { amountForHalfDays } from '../../../../core/money';
import { AllowanceMeter } from '../../components/AllowanceMeter';
import { useI18n } from '../../i18n';

/** The four figures a manager looks at first: days used, amount, and its public / company split. */
export function SummaryCards({ detail }: { detail: EngagementDetail }) {
  const { t, money, percent } = useI18n();
  const { engagement, programme, totals } = detail;
  const plannedCents = amountForHalfDays(engagement.allowanceDays * 2, engagement.dailyRateCents);
  const companyBasisPoints = 10_000 - programme.publicShareBasisPoints;

  return (
    <div className="summary-grid">
      <section className="summary-card summary-card--meter" aria-labelledby="summary-consumption">
        <h2 id="summary-consumption" className="summary-label">
          {t('engagement.consumption')}
        </h2>
        <AllowanceMeter halfDaysLogged={totals.halfDaysLogged} allowanceDays={engagement.allowanceDays} variant="large" />
      </section>
      <Figure id="summary-amount" label={t('engagement.amount')} value={money(totals.amountCents)} note={t('engagement.amount.budget', { amount: money(plannedCents) })} />
      <Figure
        id="summary-public"
        label={t('engagement.publicShare', { rate: percent(programme.publicShareBasisPoints) })}
        value={money(totals.publicShareCents)}
        note={programme.funders.join(' · ')}
        accent
      />
      <Figure
        id="summary-company"
        label={t('engagement.companyShare')}
        value={money(totals.companyShareCents)}
        note={t('engagement.companyShare.rate', { rate: percent(companyBasisPoints) })}
      />
    </div>
  );
}

function Figure({ id, label, value, note, accent }: { id: string; label: string; value: string; note: string; accent?: boolean }) {
  return (
    <section className={`summary-card${accent ? ' summary-card--accent' : ''}`} aria-labelledby={id}>
      <h2 id={id} className="summary-label">
        {label}
      </h2>
      <p className="summary-value">{value}</p>
      <p className="summary-note">{note}</p>
    </section>
  );
}
