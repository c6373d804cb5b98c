import { useI18n } from '../i18n';

// Wiring only: the screen itself is being written in its own files.
export function CompaniesPage() {
  const { t } = useI18n();
  return <h1>{t('nav.companies')}</h1>;
}
