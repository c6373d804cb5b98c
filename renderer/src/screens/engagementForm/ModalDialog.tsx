import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../../i18n';

interface Props {
  title: string;
  description?: ReactNode;
  /** A small confirmation, or a wide form beside the page. */
  variant?: 'confirm' | 'panel';
  /** Escape and the close button ask the owner, who may refuse while a call is running. */
  onClose: () => void;
  /** Focused on opening; by default the first control after the close button. */
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

/**
 * A modal dialog on the native <dialog>: the page behind is inert, focus starts on the first
 * control and goes back to the control that opened it.
 */
export function ModalDialog({ title, description, variant = 'confirm', onClose, initialFocus, children }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].find((element) => !element.classList.contains('modal-close'));
    (initialFocus?.current ?? first)?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
    // Opening happens once per mount; a later initialFocus change must not move the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal modal--${variant}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="modal-header">
        <div>
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className="modal-description">
              {description}
            </div>
          )}
        </div>
        <button type="button" className="modal-close" onClick={onClose} aria-label={t('programme.dialog.close')}>
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="m5 5 10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      {children}
    </dialog>
  );
}
