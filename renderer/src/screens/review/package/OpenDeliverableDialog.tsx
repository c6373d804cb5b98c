import { useRef, useState } from 'react';
import type { ReviewDeliverable } from '../../../../../core/review';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { useI18n } from '../../../i18n';
import { downloadBlob } from '../../../lib/download';
import { ModalDialog } from '../../engagementForm/ModalDialog';

/** What became of « Ouvrir… »: opened by the system, or saved by the browser. */
export type OpenOutcome = { kind: 'opened' | 'downloaded'; title: string; fileName: string };

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

interface Props {
  packageKey: string;
  deliverable: ReviewDeliverable;
  onDone: (outcome: OpenOutcome) => void;
  onCancel: () => void;
}

/**
 * A file written by the firm is opened only after saying where it comes from and what will open
 * it; the desktop app hands it to the system, the browser version saves it as a download.
 */
export function OpenDeliverableDialog({ packageKey, deliverable, onDone, onCancel }: Props) {
  const api = useApi();
  const { t, locale } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const result = await api.call('review.openDeliverable', { key: packageKey, path: deliverable.path });
      if (result.opened) {
        onDone({ kind: 'opened', title: deliverable.title, fileName: deliverable.path.replace(/^deliverables\//, '') });
      } else {
        downloadBlob(bytesOf(result.contentBase64), result.fileName, result.mimeType);
        onDone({ kind: 'downloaded', title: deliverable.title, fileName: result.fileName });
      }
    } catch (failure) {
      setError(errorMessage(failure, locale));
      setPending(false);
    }
  }

  return (
    <ModalDialog
      title={t('reviewScreen.open.title', { title: deliverable.title })}
      description={t('reviewScreen.open.warning')}
      onClose={() => !pending && onCancel()}
      initialFocus={cancelRef}
    >
      <div className="modal-body review-open-body">
        <p className="mono review-open-path">{deliverable.path}</p>
        {error && (
          <p className="form-alert" role="alert">
            {error}
          </p>
        )}
      </div>
      <footer className="modal-footer">
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={onCancel} disabled={pending}>
          {t('reviewScreen.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void open()} aria-disabled={pending || undefined}>
          {pending && <span className="spinner" aria-hidden="true" />}
          {t('reviewScreen.open.confirm')}
        </button>
      </footer>
    </ModalDialog>
  );
}
