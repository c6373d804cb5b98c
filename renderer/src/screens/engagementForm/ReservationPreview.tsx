import type { ProgrammeView } from '../../../../core/domainViews';
import { maxPublicShareCents } from '../../../../core/envelope';
import { useI18n } from '../../i18n';

interface Props {
  programme: ProgrammeView;
  allowanceDays: number | null;
  dailyRateCents: number | null;
  /** What the engagement already holds on the envelope (when editing a committed one): freed first. */
  heldCents?: number;
  /** Says « when committed » for a draft, « now » for an engagement that already reserves. */
  reservesNow?: boolean;
}

/**
 * What committing the engagement would take from the programme envelope: its maximum public share
 * (every day of the allowance at the rate, times the public share), beside what is left.
 */
export function ReservationPreview({ programme, allowanceDays, dailyRateCents, heldCents = 0, reservesNow = false }: Props) {
  const { t, money, percent } = useI18n();
  const share = programme.publicShareBasisPoints;
  const reservation = allowanceDays !== null && dailyRateCents !== null ? maxPublicShareCents({ allowanceDays, dailyRateCents }, share) : null;
  const envelope = programme.envelope.envelopeCents;
  const available = programme.envelope.remainingCents + heldCents;
  const after = reservation === null ? null : available - reservation;
  const othersCents = Math.max(0, envelope - available);
  const scale = Math.max(envelope, othersCents + (reservation ?? 0), 1);
  const width = (cents: number) => `${(Math.max(0, cents) / scale) * 100}%`;

  return (
    <div className="reservation">
      <p className="reservation-label">{t('programme.reservation.maxShare', { rate: percent(share) })}</p>
      <p className="reservation-value num">{reservation === null ? '—' : money(reservation)}</p>
      <p className="reservation-formula num">
        {allowanceDays !== null && dailyRateCents !== null
          ? t('programme.reservation.formula', { days: allowanceDays, rate: money(dailyRateCents), share: percent(share) })
          : t('programme.reservation.incomplete')}
      </p>
      <div
        className="reservation-strip"
        role="img"
        aria-label={t('programme.reservation.strip', {
          others: money(othersCents),
          reservation: money(reservation ?? 0),
          envelope: money(envelope),
        })}
      >
        <span className="reservation-strip-others" style={{ width: width(othersCents) }} />
        <span className={`reservation-strip-this${after !== null && after < 0 ? ' is-over' : ''}`} style={{ width: width(reservation ?? 0) }} />
      </div>
      <dl className="reservation-figures">
        <div>
          <dt>{t('programme.reservation.envelope')}</dt>
          <dd className="num">{money(envelope)}</dd>
        </div>
        <div>
          <dt>{t(heldCents > 0 ? 'programme.reservation.availableWithHeld' : 'programme.reservation.available')}</dt>
          <dd className="num">{money(available)}</dd>
        </div>
        <div className={after !== null && after < 0 ? 'is-over' : undefined}>
          <dt>{t('programme.reservation.after')}</dt>
          <dd className="num">{after === null ? '—' : money(after)}</dd>
        </div>
      </dl>
      {after !== null && after < 0 && (
        <p className="reservation-warning">{t(reservesNow ? 'programme.reservation.overrun.now' : 'programme.reservation.overrun', { amount: money(-after) })}</p>
      )}
      <p className="reservation-note">{t(reservesNow ? 'programme.reservation.note.held' : 'programme.reservation.note')}</p>
    </div>
  );
}
