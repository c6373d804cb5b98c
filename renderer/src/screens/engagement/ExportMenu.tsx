import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ExportableDocument } from '../../../../core/contract';
import { EXPORTABLE_DOCUMENTS } from '../../../../core/exchange';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errorMessage';
import { useI18n } from '../../i18n';
import { downloadBlob } from '../../lib/download';
import { ChevronDownIcon, DownloadIcon } from './closing/closingIcons';
import { base64ToBytes } from './deliverables/deliverableFiles';
import '../../styles/closing.css';

/**
 * « Exporter »: one document of the closing package alone (report, attestation, timesheet,
 * engagement.json), made by `documents.export` and downloaded. A menu button: arrows move,
 * Escape closes and gives the focus back to the button.
 */
export function ExportMenu({ engagementId }: { engagementId: string }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<ExportableDocument | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const move = (next: number) => {
      event.preventDefault();
      all[(next + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') close(false);
  }

  async function exportDocument(kind: ExportableDocument) {
    close(true);
    if (pending) return;
    setPending(kind);
    setError(null);
    setStatus(t('closingUi.export.pending', { document: t(`closingUi.export.${kind}`) }));
    try {
      const exported = await api.call('documents.export', { engagementId, document: kind });
      downloadBlob(base64ToBytes(exported.contentBase64), exported.fileName, exported.mimeType);
      setStatus(t('closingUi.export.done', { file: exported.fileName }));
    } catch (failure) {
      setStatus('');
      setError(errorMessage(failure, locale));
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        id={`${id}-button`}
        type="button"
        className="button button--secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-busy={pending !== null || undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {pending ? <span className="spinner" aria-hidden="true" /> : <DownloadIcon />}
        {t('closingUi.export.button')}
        <ChevronDownIcon />
      </button>
      {open && (
        <ul ref={menuRef} id={`${id}-menu`} className="export-menu-list" role="menu" aria-labelledby={`${id}-button`} onKeyDown={onMenuKeyDown}>
          {EXPORTABLE_DOCUMENTS.map((kind) => (
            <li key={kind} role="none">
              <button type="button" role="menuitem" tabIndex={-1} className="export-menu-item" onClick={() => void exportDocument(kind)}>
                <span className="export-menu-item-label">{t(`closingUi.export.${kind}`)}</span>
                <span className="export-menu-item-format">{t(`closingUi.export.${kind}.format`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {error && (
        <p className="export-menu-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
