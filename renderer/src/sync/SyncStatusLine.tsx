import { useEffect, useState, type ReactNode } from 'react';
import type { SyncStatus } from '../../../core/contract';
import { intlLocale, useI18n } from '../i18n';
import { hrefs } from '../router';
import { NoFolderIcon, SyncIcon, SyncToneIcon, type SyncTone } from './syncIcons';
import { useSyncState } from './SyncStatusProvider';
import { alertingProblems, countText, formatAgo, worstSeverity } from './syncText';
import '../styles/sync.css';

/** The relative time (« il y a 2 min ») moves on by itself between two status reads. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function toneOf(status: SyncStatus): SyncTone {
  if (!status.sharedFolder) return 'off';
  if (status.lastReport && !status.lastReport.ran) return 'error';
  const worst = worstSeverity(status.problems);
  if (worst === 'error' || worst === 'warning') return worst;
  if (status.unresolvedConflicts > 0) return 'warning';
  return status.lastReport ? 'ok' : 'off';
}

/** « Synchronisation… 3/12 (45 000 opérations) » and its bar, while a long import runs. */
function ImportProgress({ progress }: { progress: NonNullable<SyncStatus['progress']> }) {
  const { t, number } = useI18n();
  const total = Math.max(progress.lastSegment, 1);
  const value = Math.min(progress.segment, total);
  const words = { segment: number(value), lastSegment: number(total), ops: number(progress.ops) };
  return (
    <>
      <span className="sync-line-main">{t('syncUi.line.progress', words)}</span>
      <span
        className="sync-line-bar"
        role="progressbar"
        aria-label={t('syncUi.line.progress.label', { device: progress.device })}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={value}
        aria-valuetext={t('syncUi.line.progress.valuetext', words)}
      >
        <span className="sync-line-bar-fill" style={{ width: `${Math.round((value / total) * 100)}%` }} />
      </span>
    </>
  );
}

/** What the line says about the last sync and what is waiting. */
function Summary({ status, now }: { status: SyncStatus; now: number }) {
  const { t, locale, number } = useI18n();
  const parts: ReactNode[] = [];
  const report = status.lastReport;
  if (!report) parts.push(t('syncUi.line.never'));
  else if (!report.ran) parts.push(t('syncUi.line.failed'));
  else parts.push(t('syncUi.line.synced', { when: formatAgo(report.finishedAt, now, intlLocale(locale)) ?? t('syncUi.line.justNow') }));
  if (status.waitingOps > 0) parts.push(countText(t, number, 'syncUi.line.waiting', status.waitingOps));
  const problems = alertingProblems(status.problems);
  if (problems > 0) {
    parts.push(
      <a className="sync-line-link" href={hrefs.sync('problems')}>
        {countText(t, number, 'syncUi.line.problems', problems)}
      </a>,
    );
  }
  if (status.unresolvedConflicts > 0) {
    parts.push(
      <a className="sync-line-link" href={hrefs.sync('conflicts')}>
        {countText(t, number, 'syncUi.line.conflicts', status.unresolvedConflicts)}
      </a>,
    );
  }
  return (
    <>
      {parts.map((part, index) => (
        <span key={index} className={index === 0 ? 'sync-line-main' : 'sync-line-part'}>
          {index > 0 && (
            <span className="sync-line-dot" aria-hidden="true">
              ·
            </span>
          )}
          {part}
        </span>
      ))}
    </>
  );
}

/**
 * The sync status line under the top bar, on every screen: when this device last synced, what
 * waits to be sent, problems and conflicts (links to the « Synchronisation » screen), the
 * progress of a long import, and « Synchroniser maintenant ».
 */
export function SyncStatusLine() {
  const { t } = useI18n();
  const { status, statusError, running, runError, announcement, syncNow } = useSyncState();
  const now = useNow(15_000);

  let tone: SyncTone = 'off';
  let content: ReactNode;
  if (runError) {
    tone = 'error';
    content = <span className="sync-line-main sync-line-error">{runError}</span>;
  } else if (running) {
    content = status?.progress ? <ImportProgress progress={status.progress} /> : <span className="sync-line-main">{t('syncUi.line.running')}</span>;
  } else if (!status) {
    content = <span className="sync-line-main">{statusError ? t('syncUi.line.unavailable') : t('syncUi.line.loading')}</span>;
  } else if (!status.sharedFolder) {
    content = (
      <>
        <span className="sync-line-main">{t('syncUi.line.noFolder')}</span>
        <span className="sync-line-part">
          <span className="sync-line-dot" aria-hidden="true">
            ·
          </span>
          <a className="sync-line-link" href={hrefs.settings()}>
            {t('syncUi.line.noFolder.action')}
          </a>
        </span>
      </>
    );
  } else {
    tone = toneOf(status);
    content = <Summary status={status} now={now} />;
  }
  const canRun = status?.sharedFolder !== null || statusError !== null;

  return (
    <section className={`sync-line sync-line--${running ? 'running' : tone}`} aria-label={t('syncUi.line.region')}>
      <div className="sync-line-state">
        {running ? <span className="spinner sync-line-spinner" aria-hidden="true" /> : status && !status.sharedFolder ? <NoFolderIcon /> : <SyncToneIcon tone={tone} />}
        <p className="sync-line-text" title={runError ?? undefined}>
          {content}
        </p>
      </div>
      {canRun && (
        <button
          type="button"
          className="button button--secondary button--small sync-line-button"
          aria-disabled={running || undefined}
          aria-busy={running || undefined}
          onClick={() => !running && syncNow()}
        >
          {running ? <span className="spinner" aria-hidden="true" /> : <SyncIcon />}
          {t('syncUi.run')}
        </button>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
