import { useI18n } from '../i18n';
import { homeHref } from './role/roleRoutes';
import { useRole } from './role/RoleContext';

export function NotFound() {
  const { t } = useI18n();
  const { role } = useRole();
  return (
    <div className="screen screen--narrow">
      <h1 className="page-title">{t('route.notFound.title')}</h1>
      <p className="page-subtitle">{t('route.notFound.text')}</p>
      <p>
        <a className="back-link" href={homeHref(role)}>
          {t('route.notFound.home')}
        </a>
      </p>
    </div>
  );
}
