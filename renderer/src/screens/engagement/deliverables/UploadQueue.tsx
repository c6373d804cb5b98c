import { useId } from 'react';
import { MAX_DELIVERABLE_BYTES } from '../../../../../core/exchange';
import { DELIVERABLE_KINDS, type DeliverableKind } from '../../../../../core/domain';
import { FieldMessage } from '../../../components/form/FieldMessage';
import { TextField } from '../../../components/form/TextField';
import { FileIcon } from '../../../components/icons';
import { intlLocale, useI18n } from '../../../i18n';
import { formatBytes } from '../../../lib/format';
import type { Upload, UploadStep } from './useDeliverableUploads';

interface Props {
  uploads: Upload[];
  sending: boolean;
  onChange: (key: string, patch: { kind?: DeliverableKind; title?: string }) => void;
  onDiscard: (key: string) => void;
  onSend: () => void;
  onClear: () => void;
}

/** The files chosen but not attached yet: kind and title of each, where it stands, and « Joindre ». */
export function UploadQueue({ uploads, sending, onChange, onDiscard, onSend, onClear }: Props) {
  const { t, number } = useI18n();
  const sendable = uploads.filter((upload) => upload.step === 'ready' || upload.step === 'failed').length;
  const headingId = useId();
  return (
    <section className="upload-queue" aria-labelledby={headingId}>
      <h3 id={headingId} className="upload-queue-title">
        {t('closingUi.deliverables.queue.title', { count: number(uploads.length) })}
      </h3>
      <ul className="upload-list">
        {uploads.map((upload) => (
          <UploadRow key={upload.key} upload={upload} onChange={(patch) => onChange(upload.key, patch)} onDiscard={() => onDiscard(upload.key)} />
        ))}
      </ul>
      <div className="upload-actions">
        <button type="button" className="button button--ghost" onClick={onClear} disabled={sending}>
          {t('closingUi.deliverables.queue.clear')}
        </button>
        <button type="button" className="button button--primary" onClick={onSend} aria-disabled={sending || sendable === 0 || undefined}>
          {sending && <span className="spinner" aria-hidden="true" />}
          {t(sendable > 1 ? 'closingUi.deliverables.queue.send.many' : 'closingUi.deliverables.queue.send', { count: number(sendable) })}
        </button>
      </div>
    </section>
  );
}

const BUSY: readonly UploadStep[] = ['queued', 'reading', 'sending'];

function UploadRow({ upload, onChange, onDiscard }: { upload: Upload; onChange: (patch: { kind?: DeliverableKind; title?: string }) => void; onDiscard: () => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const size = formatBytes(upload.file.size, intlLocale(locale));
  const busy = BUSY.includes(upload.step);
  const name = upload.file.name;

  return (
    <li className={`upload upload--${upload.step}`} aria-busy={busy || undefined}>
      <div className="upload-head">
        <FileIcon />
        <p className="upload-file">
          <span className="upload-name">{name}</span>
          <span className="upload-size">{size}</span>
        </p>
        <UploadStatus step={upload.step} />
        <button type="button" className="upload-discard" onClick={onDiscard} disabled={busy} aria-label={t('closingUi.deliverables.queue.discard', { file: name })}>
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="m5 5 10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {upload.step === 'tooLarge' ? (
        <FieldMessage
          id={`${id}-refused`}
          feedback={{ severity: 'error', text: t('closingUi.deliverables.tooLarge', { file: name, size, limit: formatBytes(MAX_DELIVERABLE_BYTES, intlLocale(locale)) }) }}
        />
      ) : (
        <div className="upload-fields">
          <div className="field upload-kind">
            <label className="field-label" htmlFor={`${id}-kind`}>
              {t('closingUi.deliverables.kind')}
            </label>
            <select id={`${id}-kind`} className="select" value={upload.kind} disabled={busy} onChange={(event) => onChange({ kind: event.target.value as DeliverableKind })}>
              {DELIVERABLE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`deliverable.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id={`${id}-title`}
            className="upload-title"
            label={t('closingUi.deliverables.title')}
            value={upload.title}
            maxLength={300}
            disabled={busy}
            onValueChange={(title) => onChange({ title })}
            feedback={upload.titleMissing ? { severity: 'error', text: t('closingUi.deliverables.title.required') } : null}
          />
        </div>
      )}
      {upload.step === 'failed' && upload.message && <FieldMessage id={`${id}-failed`} feedback={{ severity: 'error', text: upload.message }} />}
    </li>
  );
}

function UploadStatus({ step }: { step: UploadStep }) {
  const { t } = useI18n();
  return (
    <span className={`upload-status upload-status--${step}`}>
      {(step === 'reading' || step === 'sending') && <span className="spinner" aria-hidden="true" />}
      {t(`closingUi.deliverables.step.${step}`)}
    </span>
  );
}
