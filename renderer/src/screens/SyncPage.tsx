import { useEffect, useState } from 'react';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { syncSectionOf } from '../router';
import { useSyncState } from '../sync/SyncStatusProvider';
import { ConflictsCard } from './sync/ConflictsCard';
import { DeviceCard } from './sync/DeviceCard';
import { LastSyncCard } from './sync/LastSyncCard';
import { ProblemsCard } from './sync/ProblemsCard';
import '../styles/sync.css';

/** The section a link asked for (`#/sync?section=conflicts`), following the address. */
function useRequestedSection() {
  const [section, setSection] = useState(() => syncSectionOf(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setSection(syncSectionOf(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return section;
}

/**
 * « Synchronisation »: this device and its shared folder, the last sync's summary, the values
 * that lost to another device's change (« Conflits »), and the problems the last sync found.
 */
export function SyncPage() {
  const { t } = useI18n();
  const { status, statusError, refreshStatus } = useSyncState();
  const section = useRequestedSection();
  const ready = status !== null;

  useEffect(() => {
    document.title = `${t('syncUi.title')} — ${t('app.name')}`;
  }, [t]);

  // Opening the screen reads the status afresh rather than showing the last twenty seconds' one.
  useEffect(() => refreshStatus(), [refreshStatus]);

  // The status line's « 2 problèmes » or « 1 conflit » brings the reader to that section.
  useEffect(() => {
    if (!ready || !section) return;
    const frame = window.requestAnimationFrame(() => {
      const heading = document.getElementById(`sync-${section}-title`);
      heading?.focus({ preventScroll: true });
      heading?.scrollIntoView({ block: 'start' });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [ready, section]);

  return (
    <div className="screen screen--sync">
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('syncUi.title')}
          </h1>
          <p className="page-subtitle">{t('syncUi.subtitle')}</p>
        </div>
      </header>
      {!status && statusError && <ErrorPanel message={statusError} onRetry={refreshStatus} />}
      {!status && !statusError && <LoadingPanel label={t('common.loading')} />}
      {status && (
        <div className="sync-sections">
          <div className="sync-overview">
            <DeviceCard status={status} />
            <LastSyncCard report={status.lastReport} />
          </div>
          <ConflictsCard status={status} onResolved={refreshStatus} />
          <ProblemsCard problems={status.problems} />
        </div>
      )}
    </div>
  );
}
