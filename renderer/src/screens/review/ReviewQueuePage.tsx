import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ReviewQueueRow } from '../../../../core/review';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorPanel, LoadingPanel } from '../../components/StatePanels';
import { intlLocale, useI18n } from '../../i18n';
import { hrefs, navigate } from '../../router';
import { OpenPackageDialog } from './queue/OpenPackageDialog';
import { QueueEmptyState } from './queue/QueueEmptyState';
import { rememberOpenedPackage, type QueueFilters } from './queue/queueFilters';
import { OpenFolderIcon, RefreshIcon } from './queue/queueIcons';
import { QueueTable } from './queue/QueueTable';
import { QueueToolbar } from './queue/QueueToolbar';
import { useQueueTable } from './queue/useQueueTable';
import { useReviewQueue } from './queue/useReviewQueue';
import '../../styles/reviewQueue.css';

const NO_ROWS: ReviewQueueRow[] = [];

interface Props {
  filters: QueueFilters;
  onFiltersChange: Dispatch<SetStateAction<QueueFilters>>;
}

/**
 * « Dossiers à examiner »: every closing package found in the watched exchange folders (and those
 * opened by hand), verified, with what the verifier found before anyone opens it.
 */
export function ReviewQueuePage({ filters, onFiltersChange }: Props) {
  const { t } = useI18n();
  const queue = useReviewQueue();
  const settings = useApiQuery('settings.get', (api) => api.call('settings.get', {}));
  const info = useApiQuery('app.info', (api) => api.call('app.info', {}));
  const rows = queue.rows ?? NO_ROWS;
  const table = useQueueTable(rows, filters, onFiltersChange);
  const [opening, setOpening] = useState(false);

  useEffect(() => {
    document.title = `${t('reviewUi.queue.title')} — ${t('app.name')}`;
  }, [t]);

  function onOpened(row: ReviewQueueRow) {
    setOpening(false);
    rememberOpenedPackage(row.key);
    navigate(hrefs.reviewPackage(row.key));
  }

  const folders = settings.state.status === 'success' ? settings.state.data.reviewFolders : null;
  const canChooseFolder = info.state.status === 'success' && info.state.data.canChooseFolder;
  const shown = table.getRowModel().rows.length;

  let body;
  if (queue.rows === null) {
    body = queue.failure ? <ErrorPanel message={queue.failure} onRetry={queue.refresh} /> : <LoadingPanel label={t('reviewUi.queue.loading')} />;
  } else if (queue.rows.length === 0) {
    body =
      folders !== null ? (
        <QueueEmptyState folders={folders} onOpenPackage={() => setOpening(true)} />
      ) : settings.state.status === 'error' ? (
        <ErrorPanel message={settings.state.message} onRetry={settings.reload} />
      ) : (
        <LoadingPanel label={t('common.loading')} />
      );
  } else {
    body = (
      <div className="table-card">
        <QueueToolbar rows={rows} shown={shown} filters={filters} onFiltersChange={onFiltersChange} />
        <QueueTable table={table} />
        <p id="queue-keyboard-hint" className="table-footnote">
          {t('reviewUi.queue.keyboardHint')}
        </p>
      </div>
    );
  }

  return (
    <div className="screen screen--list screen--review-queue">
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('reviewUi.queue.title')}
          </h1>
          <p className="page-subtitle">{t('reviewUi.queue.subtitle')}</p>
        </div>
        <div className="page-actions">
          <QueueFreshness refreshing={queue.refreshing} readAt={queue.readAt} failure={queue.rows !== null ? queue.failure : null} />
          <button type="button" className="button button--secondary" onClick={queue.refresh} aria-disabled={queue.refreshing || undefined}>
            {queue.refreshing ? <span className="spinner" aria-hidden="true" /> : <RefreshIcon />}
            {t('reviewUi.queue.refresh')}
          </button>
          <button type="button" className="button button--primary" onClick={() => setOpening(true)}>
            <OpenFolderIcon />
            {t('reviewUi.open.button')}
          </button>
        </div>
      </header>
      {body}
      {opening && <OpenPackageDialog canChooseFolder={canChooseFolder} onClose={() => setOpening(false)} onOpened={onOpened} />}
    </div>
  );
}

/** « Vérification des dossiers… », « Lu à 14:32 », or why the last reading failed (the rows stay). */
function QueueFreshness({ refreshing, readAt, failure }: { refreshing: boolean; readAt: number | null; failure: string | null }) {
  const { t, locale } = useI18n();
  const time = readAt === null ? null : new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit' }).format(readAt);
  // Not a live region: a quiet reading every 30 seconds must not speak; the count of rows does
  // when it changes.
  return (
    <p className={`queue-freshness${failure && !refreshing ? ' is-failed' : ''}`}>
      {refreshing ? t('reviewUi.queue.refreshing') : failure ? t('reviewUi.queue.refreshFailed', { message: failure }) : time ? t('reviewUi.queue.readAt', { time }) : ''}
    </p>
  );
}
