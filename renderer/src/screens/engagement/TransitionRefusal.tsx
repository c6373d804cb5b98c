import { AlertIcon } from '../../components/icons';
import { useI18n } from '../../i18n';
import type { EnvelopeOverrun } from '../engagementForm/refusal';

export interface TransitionRefusalContent {
  message: string;
  overrun: EnvelopeOverrun | null;
}

/**
 * Always in the page, so that a refusal put in it is announced. An envelope overrun leads with
 * its amount, then the service's sentence and the figures it comes from.
 */
export function TransitionRefusal({ refusal, onDismiss }: { refusal: TransitionRefusalContent | null; onDismiss: () => void }) {
  const { t, money } = useI18n();
  return (
    <div className="lifecycle-alert" role="alert">
      {refusal && (
        <div className={`refusal${refusal.overrun ? ' refusal--overrun' : ''}`}>
          <AlertIcon />
          <div className="refusal-body">
            <p className="refusal-title">{t(refusal.overrun ? 'programme.lifecycle.refused.overrun' : 'programme.lifecycle.refused')}</p>
            {refusal.overrun && (
              <p className="refusal-amount">
                {t('programme.lifecycle.overrun.label')} <strong className="num">{money(refusal.overrun.overrunCents)}</strong>
              </p>
            )}
            <p className="refusal-text">{refusal.message}</p>
            {refusal.overrun && (
              <dl className="refusal-figures">
                <div>
                  <dt>{t('programme.lifecycle.overrun.reservation')}</dt>
                  <dd className="num">{money(refusal.overrun.reservationCents)}</dd>
                </div>
                <div>
                  <dt>{t('programme.lifecycle.overrun.committed')}</dt>
                  <dd className="num">{money(refusal.overrun.committedCents)}</dd>
                </div>
                <div>
                  <dt>{t('programme.lifecycle.overrun.envelope')}</dt>
                  <dd className="num">{money(refusal.overrun.envelopeCents)}</dd>
                </div>
              </dl>
            )}
            {refusal.overrun && <p className="refusal-hint">{t('programme.lifecycle.overrun.hint')}</p>}
          </div>
          <button type="button" className="button button--ghost refusal-dismiss" onClick={onDismiss}>
            {t('programme.lifecycle.refusal.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
