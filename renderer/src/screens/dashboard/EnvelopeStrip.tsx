import type { EnvelopeFigures } from '../../../../core/domainViews';
import { useI18n } from '../../i18n';
import { ENVELOPE_SEGMENTS, envelopeSegments } from './envelopeSegments';

/** A thin bar of the envelope (approved, consumed, committed, remaining), named in one sentence. */
export function EnvelopeStrip({ figures }: { figures: EnvelopeFigures }) {
  const { t, money } = useI18n();
  const segments = envelopeSegments(figures);
  const scale = Math.max(figures.envelopeCents, figures.committedCents, 1);
  return (
    <div
      className="envelope-strip"
      role="img"
      aria-label={t('programme.dashboard.envelope.summary.short', {
        envelope: money(figures.envelopeCents),
        committed: money(figures.committedCents),
        consumed: money(figures.consumedCents),
        remaining: money(figures.remainingCents),
      })}
    >
      {ENVELOPE_SEGMENTS.filter((segment) => segment !== 'remaining').map((segment) => (
        <span key={segment} className={`envelope-strip-part envelope-swatch--${segment}`} style={{ width: `${(segments[segment] / scale) * 100}%` }} />
      ))}
    </div>
  );
}
