import { useState } from 'react';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { useI18n } from '../../../i18n';

export interface RevealOutcome {
  tone: 'info' | 'error';
  text: string;
}

/**
 * « Ouvrir le dossier »: the desktop app shows the folder in the file manager; the browser version
 * cannot, and says so with the path (packages.reveal answers `revealed: false`).
 */
export function useRevealPackage() {
  const api = useApi();
  const { t, locale } = useI18n();
  const [pending, setPending] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<(RevealOutcome & { packageId: string }) | null>(null);

  async function reveal(packageId: string) {
    if (pending) return;
    setPending(packageId);
    setOutcome(null);
    try {
      const { revealed, folder } = await api.call('packages.reveal', { packageId });
      setOutcome({ packageId, tone: 'info', text: revealed ? t('closingUi.reveal.done', { folder }) : t('closingUi.reveal.browser', { folder }) });
    } catch (error) {
      setOutcome({ packageId, tone: 'error', text: errorMessage(error, locale) });
    } finally {
      setPending(null);
    }
  }

  return { reveal, pending, outcome, dismiss: () => setOutcome(null) };
}
