import type { Ref } from 'react';
import type { ClosingChecklist } from '../../../../../core/contract';
import { useI18n } from '../../../i18n';
import type { ClosingRun } from './useClosingJob';

interface Props {
  run: ClosingRun;
  checklist: ClosingChecklist | null;
  checking: boolean;
  generateRef: Ref<HTMLButtonElement>;
  onCancel: () => void;
  onGenerate: () => void;
}

/**
 * What the dialog can do next, and why not yet: « Générer » stays disabled while a check blocks
 * (the status says how many), is busy while the package is written, then gives way to « Fermer ».
 */
export function ClosingFooter({ run, checklist, checking, generateRef, onCancel, onGenerate }: Props) {
  const { t, number } = useI18n();
  const running = run.phase === 'running';
  const unresolved = checklist ? checklist.checks.filter((check) => !check.ok) : [];
  const blocking = unresolved.filter((check) => check.severity === 'error').length;

  let status = '';
  if (running) status = t('closingUi.run.wait');
  else if (run.phase === 'done' || !checklist || checking) status = '';
  else if (!checklist.ready) status = t(blocking === 1 ? 'closingUi.footer.blocking.one' : 'closingUi.footer.blocking', { count: number(blocking) });
  else if (unresolved.length > 0) status = t('closingUi.footer.ready.warnings', { count: number(unresolved.length) });
  else status = t('closingUi.footer.ready');

  return (
    <footer className="modal-footer">
      <p className="form-status" role="status">
        {status}
      </p>
      {run.phase === 'done' ? (
        <button type="button" className="button button--primary" onClick={onCancel}>
          {t('closingUi.dialog.close')}
        </button>
      ) : (
        <>
          <button type="button" className="button button--secondary" onClick={onCancel} aria-disabled={running || undefined}>
            {t('programme.form.cancel')}
          </button>
          <button
            ref={generateRef}
            type="button"
            className="button button--primary"
            disabled={!running && (!checklist?.ready || checking)}
            aria-disabled={running || undefined}
            onClick={onGenerate}
          >
            {running && <span className="spinner" aria-hidden="true" />}
            {t(run.phase === 'failed' ? 'closingUi.generate.retry' : 'closingUi.generate')}
          </button>
        </>
      )}
    </footer>
  );
}
