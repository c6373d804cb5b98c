import { useEffect, useRef, useState } from 'react';
import type { EngagementDetail, EngagementStatus } from '../../../../core/domain';
import { maxPublicShareCents } from '../../../../core/envelope';
import { useApi } from '../../api/ApiContext';
import { useApiQuery } from '../../api/useApiQuery';
import { useI18n } from '../../i18n';
import { readRefusal } from '../engagementForm/refusal';
import { ClosingDialog } from './closing/ClosingDialog';
import { CommitConfirm } from './CommitConfirm';
import { EditParametersDialog } from './EditParametersDialog';
import { ExportMenu } from './ExportMenu';
import { LifecycleSteps } from './LifecycleSteps';
import { TransitionRefusal, type TransitionRefusalContent } from './TransitionRefusal';
import { canClose, EDITABLE_STATUSES, firmMoves, type LifecycleMove } from './lifecycleActions';

/**
 * The firm's moves along the lifecycle (engage, start, complete, reopen, back to draft), each
 * through engagements.transition; a refusal is shown with its reason. Also opens the editing of
 * the mission's parameters while they can still change, « Clôturer la mission » (the only way to
 * submit) once it is completed, and « Exporter » once days are logged.
 */
export function LifecycleActions({ detail, onChanged }: { detail: EngagementDetail; onChanged: () => void }) {
  const api = useApi();
  const { t, money, locale } = useI18n();
  const programmes = useApiQuery('programmes.list', (client) => client.call('programmes.list', {}));
  const { engagement, programme } = detail;
  const programmeView = programmes.state.status === 'success' ? (programmes.state.data.find((candidate) => candidate.id === programme.id) ?? null) : null;
  const reservationCents = maxPublicShareCents(engagement, programme.publicShareBasisPoints);
  const [pending, setPending] = useState<EngagementStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  // After the closing dialog is gone (its opener may be gone too): focus this card's heading.
  const focusHeadingNext = useRef(false);
  const [refusal, setRefusal] = useState<TransitionRefusalContent | null>(null);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moves = firmMoves(engagement.status);

  function changed(message: string) {
    setStatus(message);
    onChanged();
    programmes.refresh();
    // The button pressed may be gone with the new status: keep the focus in this card.
    headingRef.current?.focus();
  }

  async function move(to: EngagementStatus) {
    setConfirming(false);
    setPending(to);
    setRefusal(null);
    setStatus('');
    try {
      await api.call('engagements.transition', { id: engagement.id, to });
      changed(t('programme.lifecycle.done', { ref: engagement.ref, status: t(`status.${to}`) }));
    } catch (error) {
      const { message, overrun } = readRefusal(error, locale, () => null);
      setRefusal({ message, overrun });
    } finally {
      setPending(null);
    }
  }

  // Runs after the dialog's own clean-up, which gives the focus back to its opener first.
  useEffect(() => {
    if (!focusHeadingNext.current) return;
    focusHeadingNext.current = false;
    headingRef.current?.focus();
  });

  function onClosingDialogClosed(outcome: 'submitted' | 'unchanged') {
    setClosing(false);
    if (outcome !== 'submitted') return;
    setStatus(t('programme.lifecycle.done', { ref: engagement.ref, status: t('status.submitted') }));
    onChanged();
    programmes.refresh();
    focusHeadingNext.current = true;
  }

  function onMove({ action, to }: LifecycleMove) {
    if (pending) return;
    if (action === 'commit') {
      setRefusal(null);
      setConfirming(true);
    } else void move(to);
  }

  return (
    <section className="card lifecycle" aria-labelledby="lifecycle-title">
      <div className="lifecycle-head">
        <div className="lifecycle-summary">
          <h2 id="lifecycle-title" ref={headingRef} tabIndex={-1} className="card-title">
            {t('programme.lifecycle.title')}
          </h2>
          <p className="lifecycle-note">{t(`programme.lifecycle.note.${engagement.status}`, { amount: money(reservationCents) })}</p>
        </div>
        <div className="lifecycle-buttons">
          {EDITABLE_STATUSES.includes(engagement.status) && (
            <button type="button" className="button button--ghost" onClick={() => setEditing(true)}>
              {t('programme.params.edit')}
            </button>
          )}
          {detail.totals.halfDaysLogged > 0 && <ExportMenu engagementId={engagement.id} />}
          {moves.map((candidate) => (
            <button
              key={candidate.to}
              type="button"
              className={`button ${candidate.primary ? 'button--primary' : 'button--secondary'}`}
              aria-disabled={pending !== null || undefined}
              onClick={() => onMove(candidate)}
            >
              {pending === candidate.to && <span className="spinner" aria-hidden="true" />}
              {t(`programme.lifecycle.action.${candidate.action}`)}
            </button>
          ))}
          {canClose(engagement.status) && (
            <button type="button" className="button button--primary" aria-disabled={pending !== null || undefined} onClick={() => pending === null && setClosing(true)}>
              {t('closingUi.close.open')}
            </button>
          )}
        </div>
      </div>
      <LifecycleSteps status={engagement.status} />
      <p className="lifecycle-status" role="status">
        {status}
      </p>
      <TransitionRefusal refusal={refusal} onDismiss={() => setRefusal(null)} />
      {confirming && (
        <CommitConfirm
          engagement={engagement}
          programme={programmeView}
          reservationCents={reservationCents}
          onConfirm={() => void move('committed')}
          onCancel={() => setConfirming(false)}
        />
      )}
      {closing && <ClosingDialog detail={detail} onClose={onClosingDialogClosed} />}
      {editing && (
        <EditParametersDialog
          detail={detail}
          programme={programmeView}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            changed(t('programme.params.saved', { ref: engagement.ref }));
          }}
        />
      )}
    </section>
  );
}
