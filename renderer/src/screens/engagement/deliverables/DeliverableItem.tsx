import { useRef, useState, type KeyboardEvent } from 'react';
import type { Deliverable } from '../../../../../core/domain';
import type { ReviewComment } from '../../../../../core/review';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { FieldMessage } from '../../../components/form/FieldMessage';
import { FileIcon } from '../../../components/icons';
import { intlLocale, useI18n } from '../../../i18n';
import { formatBytes } from '../../../lib/format';
import { deliverableAnchorId } from '../review/firmReview';
import { RegionComments } from '../review/RegionComment';

interface Props {
  deliverable: Deliverable;
  /** False once the engagement is locked: the file goes with the closing package. */
  removable: boolean;
  onRemoved: (deliverable: Deliverable) => void;
  /** The Région's comments on this file, shown beside it. */
  comments?: readonly ReviewComment[];
}

/** One attached file; « Retirer » asks first, in place, with « Annuler » focused. */
export function DeliverableItem({ deliverable, removable, onRemoved, comments }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const removeRef = useRef<HTMLButtonElement>(null);

  function cancel() {
    setConfirming(false);
    // The « Retirer » button comes back in the next render: focus it then.
    requestAnimationFrame(() => removeRef.current?.focus());
  }

  async function remove() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await api.call('deliverables.remove', { id: deliverable.id });
      onRemoved(deliverable);
    } catch (failure) {
      setError(errorMessage(failure, locale));
      setPending(false);
    }
  }

  function onConfirmKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && !pending) {
      event.preventDefault();
      cancel();
    }
  }

  return (
    <li
      className={comments?.length ? 'deliverable is-commented' : 'deliverable'}
      id={comments?.length ? deliverableAnchorId(deliverable.id) : undefined}
      tabIndex={comments?.length ? -1 : undefined}
    >
      <FileIcon />
      <div className="deliverable-body">
        <p className="deliverable-title">
          {deliverable.title}
          <span className="kind-badge">{t(`deliverable.${deliverable.kind}`)}</span>
        </p>
        <p className="deliverable-file">
          {t('engagement.deliverable.file', { fileName: deliverable.fileName, size: formatBytes(deliverable.bytes, intlLocale(locale)) })}
          <span className="mono deliverable-hash" title={deliverable.sha256}>
            SHA-256 {deliverable.sha256.slice(0, 12)}…
          </span>
        </p>
        {comments && <RegionComments comments={comments} />}
        {error && <FieldMessage id={`${deliverable.id}-error`} feedback={{ severity: 'error', text: error }} />}
      </div>
      {removable &&
        (confirming ? (
          <div className="deliverable-confirm" role="group" aria-label={t('closingUi.deliverables.remove.question', { title: deliverable.title })} onKeyDown={onConfirmKeyDown}>
            <span className="deliverable-confirm-text" aria-hidden="true">
              {t('closingUi.deliverables.remove.short')}
            </span>
            <button type="button" className="button button--secondary button--small" onClick={cancel} autoFocus disabled={pending}>
              {t('closingUi.deliverables.remove.cancel')}
            </button>
            <button type="button" className="button button--danger button--small" onClick={() => void remove()} aria-disabled={pending || undefined}>
              {pending && <span className="spinner" aria-hidden="true" />}
              {t('closingUi.deliverables.remove.confirm')}
            </button>
          </div>
        ) : (
          <button
            ref={removeRef}
            type="button"
            className="button button--ghost button--small deliverable-remove"
            aria-label={t('closingUi.deliverables.remove.label', { title: deliverable.title })}
            onClick={() => {
              setError(null);
              setConfirming(true);
            }}
          >
            {t('closingUi.deliverables.remove')}
          </button>
        ))}
    </li>
  );
}
