import { useEffect, useId, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../../i18n';

interface DialogProps {
  title: string;
  description?: ReactNode;
  /** A side panel over the right edge (forms), or a large centered window (wizards). */
  variant?: 'drawer' | 'modal';
  /** Escape, the close button or a click beside the panel: the owner decides (it may confirm first). */
  onRequestClose: () => void;
  closeOnBackdrop?: boolean;
  /** Focused on opening; by default the first focusable control. */
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.tabIndex >= 0 && !element.matches(':disabled') && element.getClientRects().length > 0,
  );
}

/**
 * A modal dialog on the native <dialog> (top layer, the page behind is inert). Tab and
 * Shift+Tab cycle inside it, Escape asks the owner to close, and focus goes back to the control
 * that opened it.
 */
export function Dialog({ title, description, variant = 'drawer', onRequestClose, closeOnBackdrop = false, initialFocus, children }: DialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? focusableIn(dialog).find((element) => !element.classList.contains('dialog-close')))?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
    // Opening happens once per mount; a later initialFocus change must not re-focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === 'Escape') {
      // Handled here rather than by the native close: the owner may want to confirm first.
      event.preventDefault();
      event.stopPropagation();
      onRequestClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const controls = focusableIn(ref.current);
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function onMouseDown(event: MouseEvent<HTMLDialogElement>) {
    // The panel fills the <dialog>: a press on the dialog element itself is on its backdrop.
    if (closeOnBackdrop && event.target === event.currentTarget) onRequestClose();
  }

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${variant}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onCancel={(event) => {
        event.preventDefault();
        onRequestClose();
      }}
    >
      <div className="dialog-panel">
        <header className="dialog-header">
          <div className="dialog-heading">
            <h2 id={titleId} className="dialog-title">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="dialog-description">
                {description}
              </p>
            )}
          </div>
          <button type="button" className="dialog-close" onClick={onRequestClose} aria-label={t('directory.form.close')}>
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
              <path d="m5 5 10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
