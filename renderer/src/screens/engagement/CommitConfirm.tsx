import { useRef } from 'react';
import type { Engagement } from '../../../../core/domain';
import type { ProgrammeView } from '../../../../core/domainViews';
import { useI18n } from '../../i18n';
import { ModalDialog } from '../engagementForm/ModalDialog';
import { ReservationPreview } from '../engagementForm/ReservationPreview';

interface Props {
  engagement: Engagement;
  programme: ProgrammeView | null;
  reservationCents: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/** « Engager » reserves public money: say how much, and what is left, before doing it. */
export function CommitConfirm({ engagement, programme, reservationCents, onConfirm, onCancel }: Props) {
  const { t, money } = useI18n();
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      title={t('programme.lifecycle.confirm.title', { ref: engagement.ref })}
      description={t('programme.lifecycle.confirm.text', { amount: money(reservationCents) })}
      onClose={onCancel}
      initialFocus={confirmRef}
    >
      <div className="modal-body">
        {programme ? (
          <ReservationPreview programme={programme} allowanceDays={engagement.allowanceDays} dailyRateCents={engagement.dailyRateCents} />
        ) : (
          <p className="reservation-value num">{money(reservationCents)}</p>
        )}
      </div>
      <footer className="modal-footer">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('programme.form.cancel')}
        </button>
        <button ref={confirmRef} type="button" className="button button--primary" onClick={onConfirm}>
          {t('programme.lifecycle.confirm.submit')}
        </button>
      </footer>
    </ModalDialog>
  );
}
