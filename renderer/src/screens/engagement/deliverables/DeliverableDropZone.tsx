import { useEffect, useId, useRef, useState, type DragEvent, type Ref } from 'react';
import { MAX_DELIVERABLE_BYTES } from '../../../../../core/exchange';
import { intlLocale, useI18n } from '../../../i18n';
import { formatBytes } from '../../../lib/format';

interface Props {
  onFiles: (files: File[]) => void;
  /** Why nothing can be attached (the engagement is locked); the zone stays, greyed, saying so. */
  lockedReason?: string | null;
  browseRef?: Ref<HTMLButtonElement>;
}

/**
 * Several files at once, dropped onto the zone or chosen through a real file input, opened by a
 * button (the keyboard's way in). The input itself stays out of the tab order.
 */
export function DeliverableDropZone({ onFiles, lockedReason = null, browseRef }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const locked = lockedReason !== null;

  // A file dropped beside the zone would otherwise make the window open it in place of the app.
  useEffect(() => {
    const ignore = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (locked || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !locked) onFiles(files);
  }

  return (
    <div
      className={`dropzone dropzone--row${dragging ? ' is-dragging' : ''}${locked ? ' is-locked' : ''}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <span className="dropzone-icon" aria-hidden="true">
        {locked ? (
          <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
            <rect x="5" y="10.5" width="14" height="10" rx="2" />
            <path d="M8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3" />
          </svg>
        ) : (
          <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
            <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
            <path d="M14 3v5h5M12 17v-6m-2.5 2.5L12 11l2.5 2.5" />
          </svg>
        )}
      </span>
      <div className="dropzone-copy">
        <p id={`${id}-title`} className="dropzone-title">
          {t(locked ? 'closingUi.deliverables.locked.title' : 'closingUi.deliverables.drop.title')}
        </p>
        <p id={`${id}-text`} className="dropzone-text">
          {lockedReason ?? t('closingUi.deliverables.drop.text', { limit: formatBytes(MAX_DELIVERABLE_BYTES, intlLocale(locale)) })}
        </p>
      </div>
      <button
        ref={browseRef}
        type="button"
        className="button button--secondary"
        disabled={locked}
        aria-describedby={`${id}-text`}
        onClick={() => inputRef.current?.click()}
      >
        {t('closingUi.deliverables.browse')}
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label={t('closingUi.deliverables.input')}
        disabled={locked}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared so that choosing the same file again (after removing it) still adds it.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
