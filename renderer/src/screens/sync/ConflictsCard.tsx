import { useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../../../core/contract';
import { Notice, type NoticeContent } from '../../components/form/Notice';
import { ErrorPanel, LoadingPanel } from '../../components/StatePanels';
import { useI18n, type I18n } from '../../i18n';
import { SyncToneIcon } from '../../sync/syncIcons';
import { ConflictsTable } from './ConflictsTable';
import { useConflicts, type Resolution } from './useConflicts';

/** « Valeur rétablie : « … » », what and which field, and when the other devices get it. */
function noticeOf({ conflict, keep }: Resolution, t: I18n['t']): NoticeContent {
  const side = keep === 'loser' ? conflict.loser : conflict.winner;
  return {
    tone: 'success',
    title: t(keep === 'loser' ? 'syncUi.conflicts.restored' : 'syncUi.conflicts.kept', { value: side.shown }),
    lines: [t('syncUi.conflicts.done.detail', { field: conflict.field, what: conflict.what }), ...(keep === 'loser' ? [t('syncUi.conflicts.restored.next')] : [])],
  };
}

interface Props {
  status: SyncStatus;
  onResolved: () => void;
}

/**
 * « Conflits »: the values that lost to a concurrent change on another device, each with « Garder »
 * and « Rétablir l’autre valeur »; the outcome said in a status region, a refusal in an alert.
 */
export function ConflictsCard({ status, onResolved }: Props) {
  const { t, number } = useI18n();
  const version = `${status.unresolvedConflicts}|${status.lastReport?.finishedAt ?? ''}`;
  const { list, pending, resolve } = useConflicts(version, onResolved);
  // The last resolution, put into words at render time (so that it follows the language).
  const [done, setDone] = useState<Resolution | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a row goes, focus moves to the same place in what is left (or to the heading).
  const focusRow = useRef<number | null>(null);

  async function onResolve(resolution: Resolution) {
    setFailure(null);
    const rows = list.status === 'success' ? list.conflicts : [];
    const index = rows.findIndex((conflict) => conflict.id === resolution.conflict.id);
    try {
      await resolve(resolution);
      setDone(resolution);
      focusRow.current = Math.max(index, 0);
    } catch (error) {
      setFailure((error as Error).message);
    }
  }

  const conflicts = list.status === 'success' ? list.conflicts : null;
  useEffect(() => {
    const index = focusRow.current;
    if (index === null || !conflicts) return;
    focusRow.current = null;
    const rows = tableRef.current?.tBodies[0]?.rows;
    const row = rows && rows.length > 0 ? rows[Math.min(index, rows.length - 1)] : undefined;
    (row?.querySelector('button') ?? heading.current)?.focus();
  }, [conflicts]);

  return (
    <section className="card sync-card sync-conflicts" aria-labelledby="sync-conflicts-title">
      <header className="card-header">
        <h2 id="sync-conflicts-title" ref={heading} tabIndex={-1} className="card-title">
          {t('syncUi.conflicts.title')}
        </h2>
        {conflicts && conflicts.length > 0 && <span className="card-count">{number(conflicts.length)}</span>}
      </header>
      <Notice notice={done && noticeOf(done, t)} onDismiss={() => setDone(null)} />
      {failure && <ErrorPanel message={failure} />}
      {list.status === 'loading' && <LoadingPanel label={t('syncUi.conflicts.loading')} />}
      {list.status === 'error' && <ErrorPanel message={list.message} />}
      {conflicts && conflicts.length === 0 && (
        <div className="sync-empty">
          <p className="sync-empty-line sync-empty-title">
            <SyncToneIcon tone="ok" />
            {t('syncUi.conflicts.empty')}
          </p>
          <p className="sync-empty-text">{t('syncUi.conflicts.empty.text')}</p>
        </div>
      )}
      {conflicts && conflicts.length > 0 && (
        <>
          <p className="sync-card-intro">{t('syncUi.conflicts.intro')}</p>
          <ConflictsTable conflicts={conflicts} deviceId={status.deviceId} pending={pending} onResolve={(resolution) => void onResolve(resolution)} tableRef={tableRef} />
        </>
      )}
    </section>
  );
}
