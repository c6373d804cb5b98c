import { useI18n } from '../i18n';
import { allowanceLevel } from '../lib/format';

interface Props {
  halfDaysLogged: number;
  allowanceDays: number;
  variant?: 'compact' | 'large';
}

/**
 * Days used against the allowance: a bar and « 7,5 / 12 j · reste 4,5 j ». Amber from 80 %, red
 * once used up. The visible text is presentational inside role="meter"; the aria-label says it all.
 */
export function AllowanceMeter({ halfDaysLogged, allowanceDays, variant = 'compact' }: Props) {
  const { t, days } = useI18n();
  const allowanceHalfDays = allowanceDays * 2;
  const leftHalfDays = Math.max(0, allowanceHalfDays - halfDaysLogged);
  const level = allowanceLevel(halfDaysLogged, allowanceDays);
  const ratio = allowanceHalfDays > 0 ? Math.min(1, halfDaysLogged / allowanceHalfDays) : 1;
  const used = days(halfDaysLogged);
  const allowance = days(allowanceHalfDays);
  const left = days(leftHalfDays);

  return (
    <div
      className={`meter meter--${variant} meter--${level}`}
      role="meter"
      aria-valuemin={0}
      aria-valuemax={allowanceDays}
      aria-valuenow={halfDaysLogged / 2}
      aria-valuetext={t('engagement.days.unit', { days: used })}
      aria-label={t('meter.label', { used, allowance, left })}
      data-level={level}
    >
      <div className="meter-figures">
        <span className="meter-used">{t('meter.short', { used, allowance })}</span>
        <span className="meter-left">{leftHalfDays === 0 && variant === 'large' ? t('meter.exhausted') : t('meter.left', { left })}</span>
      </div>
      <div className="meter-track">
        <div className="meter-fill" style={{ width: `${ratio * 100}%` }} />
      </div>
    </div>
  );
}
