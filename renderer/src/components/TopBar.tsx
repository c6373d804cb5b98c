import type { Role } from '../../../core/review';
import { useApiQuery } from '../api/useApiQuery';
import type { MessageKey } from '../../../core/i18n';
import { useI18n } from '../i18n';
import { hrefs } from '../router';
import { LanguageSelect } from './LanguageSelect';
import { BrandMark } from './icons';

export type Section = 'engagements' | 'companies' | 'consultants' | 'dashboard' | 'programmes' | 'timesheet' | 'sync' | 'settings' | 'review' | 'regionProgramme';

interface NavEntry {
  section: Section;
  href: string;
  label: MessageKey;
}

/** Each role's sections: the firm's work on its missions, the Région's review of them. */
const SECTIONS: Record<Role, NavEntry[]> = {
  firm: [
    { section: 'engagements', href: hrefs.list(), label: 'nav.engagements' },
    { section: 'timesheet', href: hrefs.timesheet(), label: 'nav.timesheet' },
    { section: 'companies', href: hrefs.companies(), label: 'nav.companies' },
    { section: 'consultants', href: hrefs.consultants(), label: 'nav.consultants' },
    { section: 'dashboard', href: hrefs.dashboard(), label: 'nav.dashboard' },
    { section: 'programmes', href: hrefs.programmes(), label: 'nav.programmes' },
    { section: 'sync', href: hrefs.sync(), label: 'syncUi.nav' },
    { section: 'settings', href: hrefs.settings(), label: 'nav.settings' },
  ],
  region: [
    { section: 'review', href: hrefs.review(), label: 'reviewUi.nav.review' },
    { section: 'regionProgramme', href: hrefs.regionProgramme(), label: 'reviewUi.nav.programme' },
    { section: 'settings', href: hrefs.settings(), label: 'nav.settings' },
  ],
};

export function TopBar({ role, active }: { role: Role; active: Section | null }) {
  const { t } = useI18n();
  const info = useApiQuery('app.info', (api) => api.call('app.info', {}));
  const version = info.state.status === 'success' ? info.state.data.version : null;

  return (
    <header className="topbar">
      <a className="brand" href={role === 'region' ? hrefs.review() : hrefs.list()}>
        <BrandMark />
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t(role === 'region' ? 'reviewUi.tagline.region' : 'app.tagline')}</span>
        </span>
      </a>
      <nav className="topnav" aria-label={t('nav.main')}>
        {SECTIONS[role].map(({ section, href, label }) => (
          <a key={section} className="topnav-link" href={href} aria-current={active === section ? 'page' : undefined}>
            {t(label)}
          </a>
        ))}
      </nav>
      <div className="topbar-end">
        {version && <span className="topbar-version">{t('app.version', { version })}</span>}
        <LanguageSelect />
      </div>
    </header>
  );
}
