import { useEffect, useId, useRef, useState } from 'react';
import type { ClosingChecklist, Settings } from '../../../../../core/contract';
import type { EngagementDetail } from '../../../../../core/domain';
import { useApiQuery } from '../../../api/useApiQuery';
import { ErrorPanel, LoadingPanel } from '../../../components/StatePanels';
import { useI18n } from '../../../i18n';
import { ModalDialog } from '../../engagementForm/ModalDialog';
import { ClosingChecks } from './ClosingChecks';
import { ClosingFooter } from './ClosingFooter';
import { ClosingPreview } from './ClosingPreview';
import { ClosingProgress } from './ClosingProgress';
import { ClosingTarget } from './ClosingTarget';
import { useClosingChecklist } from './useClosingChecklist';
import { useClosingJob } from './useClosingJob';
import '../../../styles/closing.css';

interface Props {
  detail: EngagementDetail;
  /** `submitted`: a package was written and the mission submitted; the page must reload it. */
  onClose: (outcome: 'submitted' | 'unchanged') => void;
}

/**
 * « Clôturer la mission »: the checklist (with the two settings fixable in place), the folder the
 * package goes to, a preview of the report, then the package written in the background with its
 * progress, and where it is. Closing is refused while the package is being written.
 */
export function ClosingDialog({ detail, onClose }: Props) {
  const { t } = useI18n();
  const { engagement, company } = detail;
  const id = useId();
  const { checklist, error, checking, recheck } = useClosingChecklist(engagement.id);
  const { run, start } = useClosingJob(engagement.id);
  const settingsQuery = useApiQuery('settings.get', (api) => api.call('settings.get', {}));
  const [savedSettings, setSavedSettings] = useState<Settings | null>(null);
  const settings = savedSettings ?? (settingsQuery.state.status === 'success' ? settingsQuery.state.data : null);
  const [previewRevision, setPreviewRevision] = useState(0);
  const generateRef = useRef<HTMLButtonElement>(null);
  const runHeadingRef = useRef<HTMLHeadingElement>(null);
  // Focus goes to what needs doing once the checklist is known: a field to fill, or « Générer ».
  const focusPending = useRef(true);

  const running = run.phase === 'running';
  const done = run.phase === 'done';
  const fixInputId = (key: 'sharedFolder' | 'firmName') => `${id}-fix-${key}`;

  function focusNextStep(current: ClosingChecklist) {
    const field = current.checks
      .filter((check) => !check.ok && (check.key === 'sharedFolder' || check.key === 'firmName'))
      .map((check) => document.getElementById(fixInputId(check.key as 'sharedFolder' | 'firmName')))
      .find((element) => element !== null);
    (field ?? generateRef.current)?.focus();
  }

  useEffect(() => {
    if (!focusPending.current || checking || !checklist) return;
    focusPending.current = false;
    focusNextStep(checklist);
    // focusNextStep reads only the DOM and refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checklist, checking]);

  useEffect(() => {
    if (done) runHeadingRef.current?.focus();
  }, [done]);

  function onSettingSaved(key: 'sharedFolder' | 'firmName', saved: Settings) {
    setSavedSettings(saved);
    settingsQuery.refresh();
    if (key === 'firmName') setPreviewRevision((revision) => revision + 1);
    focusPending.current = true;
    void recheck();
  }

  async function generate() {
    if (running || done || checking || !checklist?.ready) return;
    const outcome = await start();
    if (outcome.phase === 'failed') {
      // What failed may be a check (the shared folder went away): show the list as it is now.
      focusPending.current = true;
      void recheck();
    }
  }

  function requestClose() {
    if (running) return;
    onClose(done ? 'submitted' : 'unchanged');
  }

  return (
    <ModalDialog
      title={t('closingUi.dialog.title', { ref: engagement.ref })}
      description={
        <>
          <span className="closing-dialog-company">{company.name}</span> {t('closingUi.dialog.description')}
        </>
      }
      variant="panel"
      onClose={requestClose}
    >
      <div className="modal-body closing-layout">
        <div className="closing-main">
          {run.phase === 'failed' && (
            <div className="form-refusal closing-failure" role="alert">
              <p className="form-refusal-title">{t('closingUi.run.failed.title')}</p>
              <p>{run.message}</p>
              <p>{t('closingUi.run.failed.hint')}</p>
            </div>
          )}
          {running || done ? (
            <ClosingProgress run={run} engagementRef={engagement.ref} headingRef={runHeadingRef} />
          ) : (
            <section aria-labelledby="closing-checks-title" className="closing-section">
              <div className="closing-section-head">
                <h3 id="closing-checks-title" className="closing-section-title">
                  {t('closingUi.checks.title')}
                </h3>
                {checking && checklist && <span className="spinner" aria-hidden="true" />}
              </div>
              {error && !checklist && <ErrorPanel message={error} onRetry={() => void recheck()} />}
              {!checklist && !error && <LoadingPanel label={t('closingUi.checks.loading')} />}
              {checklist && (
                <ClosingChecks
                  checklist={checklist}
                  settings={settings}
                  checking={checking}
                  fixInputId={fixInputId}
                  disabled={running}
                  onSettingSaved={onSettingSaved}
                />
              )}
            </section>
          )}
          {checklist && !done && <ClosingTarget checklist={checklist} />}
        </div>
        <ClosingPreview engagementId={engagement.id} engagementRef={engagement.ref} revision={previewRevision} />
      </div>
      <ClosingFooter
        run={run}
        checklist={checklist}
        checking={checking}
        generateRef={generateRef}
        onCancel={requestClose}
        onGenerate={() => void generate()}
      />
    </ModalDialog>
  );
}
