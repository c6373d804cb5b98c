import type { ReviewFolder } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { hrefs } from '../../../router';
import { InboxIcon } from './queueIcons';

interface Props {
  /** The watched exchange folders (none: the reviewer is sent to the settings). */
  folders: readonly ReviewFolder[];
  onOpenPackage: () => void;
}

/** No package at all: either no folder is watched yet, or the watched ones hold none so far. */
export function QueueEmptyState({ folders, onOpenPackage }: Props) {
  const { t, number } = useI18n();
  const watched = folders.length > 0;
  return (
    <section className="empty-state queue-empty" aria-labelledby="queue-empty-title">
      <div className="empty-state-icon">
        <InboxIcon />
      </div>
      <h2 id="queue-empty-title" className="empty-state-title">
        {t(watched ? 'reviewUi.queue.empty.title' : 'reviewUi.queue.noFolder.title')}
      </h2>
      {watched ? (
        <>
          <p className="empty-state-text">{t(folders.length === 1 ? 'reviewUi.queue.empty.text.one' : 'reviewUi.queue.empty.text', { count: number(folders.length) })}</p>
          <ul className="queue-empty-folders">
            {folders.map((folder) => (
              <li key={folder.path}>
                <span className="queue-empty-firm">{folder.firm}</span>
                <span className="mono">{folder.path}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="empty-state-text">{t('reviewUi.queue.noFolder.text')}</p>
      )}
      <div className="queue-empty-actions">
        <a className={`button ${watched ? 'button--secondary' : 'button--primary'}`} href={hrefs.settings()}>
          {t(watched ? 'reviewUi.queue.empty.settings' : 'reviewUi.queue.noFolder.settings')}
        </a>
        <button type="button" className="button button--secondary" onClick={onOpenPackage}>
          {t('reviewUi.open.button')}
        </button>
      </div>
    </section>
  );
}
