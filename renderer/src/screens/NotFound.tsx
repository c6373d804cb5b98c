import { useI18n } from '../i18n';
import { hrefs } from '../router';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="screen screen--narrow">
      <h1 className="page-title">{t('route.notFound.title')}</h1>
      <p className="page-subtitle">{t('route.notFound.text')}</p>
      <p>
        <a className="back-link" href={hrefs.list()}>
          {t('engagement.back')}
        </a>
      </p>
    </div>
  );
}
