import { useI18n } from '../i18n';

// Wiring only: the screen itself is being written in its own files.
export function ConsultantsPage() {
  const { t } = useI18n();
  return <h1>{t('nav.consultants')}</h1>;
}
