import { PackagesIcon } from './regionIcons';
import { useI18n } from '../../i18n';
import { hrefs } from '../../router';

/** No package to count yet: say where packages come from, and lead to the settings that add a firm's folder. */
export function ProgrammeEmptyState({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <section className="empty-state region-programme-empty" aria-labelledby="region-programme-empty-title">
      <div className="empty-state-icon">
        <PackagesIcon />
      </div>
      <h2 id="region-programme-empty-title" className="empty-state-title">
        {t('regionProgramme.empty.title')}
      </h2>
      <p className="empty-state-text">{t('regionProgramme.empty.text')}</p>
      <div className="region-programme-empty-actions">
        <a className="button button--primary button--large" href={hrefs.settings()}>
          {t('regionProgramme.empty.settings')}
        </a>
        <div className="region-programme-empty-more">
          <a className="button button--ghost" href={hrefs.review()}>
            {t('regionProgramme.empty.queue')}
          </a>
          <button type="button" className="button button--ghost" onClick={onRetry}>
            {t('regionProgramme.empty.retry')}
          </button>
        </div>
      </div>
    </section>
  );
}
