import { useApiQuery } from '../api/useApiQuery';
import { useI18n } from '../i18n';
import { hrefs } from '../router';
import { LanguageSelect } from './LanguageSelect';
import { BrandMark } from './icons';

export function TopBar({ active }: { active: 'engagements' | null }) {
  const { t } = useI18n();
  const info = useApiQuery('app.info', (api) => api.call('app.info', {}));
  const version = info.state.status === 'success' ? info.state.data.version : null;

  return (
    <header className="topbar">
      <a className="brand" href={hrefs.list()}>
        <BrandMark />
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </span>
      </a>
      <nav className="topnav" aria-label={t('nav.main')}>
        <a className="topnav-link" href={hrefs.list()} aria-current={active === 'engagements' ? 'page' : undefined}>
          {t('nav.engagements')}
        </a>
      </nav>
      <div className="topbar-end">
        {version && <span className="topbar-version">{t('app.version', { version })}</span>}
        <LanguageSelect />
      </div>
    </header>
  );
}
