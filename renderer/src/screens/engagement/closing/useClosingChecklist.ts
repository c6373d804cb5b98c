import { useCallback, useEffect, useState } from 'react';
import type { ClosingChecklist } from '../../../../../core/contract';
import { useApi } from '../../../api/ApiContext';
import { errorMessage } from '../../../api/errorMessage';
import { useI18n } from '../../../i18n';

/** The checklist of « Clôturer la mission », loaded on opening and run again after each fix. */
export function useClosingChecklist(engagementId: string) {
  const api = useApi();
  const { locale } = useI18n();
  const [checklist, setChecklist] = useState<ClosingChecklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(true);

  const load = useCallback(
    () =>
      api.call('closing.checklist', { engagementId }).then(
        (result) => {
          setChecklist(result);
          setError(null);
          setChecking(false);
          return result;
        },
        (failure: unknown) => {
          setError(errorMessage(failure, locale));
          setChecking(false);
          return null;
        },
      ),
    [api, engagementId, locale],
  );

  // Again when the language changes: the checks' messages come translated.
  useEffect(() => {
    void load();
  }, [load]);

  const recheck = useCallback(() => {
    setChecking(true);
    return load();
  }, [load]);

  return { checklist, error, checking, recheck };
}
