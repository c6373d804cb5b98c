import { useCallback, useState } from 'react';
import type { Role, Settings } from '../../../../core/contract';
import { useApi } from '../../api/ApiContext';
import { useApiQuery } from '../../api/useApiQuery';

/**
 * The role saved in this device's settings: `undefined` while they are read (or could not be),
 * `null` before the first-launch choice. Saving a role updates it at once.
 */
export function useSavedRole() {
  const api = useApi();
  const settings = useApiQuery('settings.get', (client) => client.call('settings.get', {}));
  // A role saved here wins over the settings read earlier (the query does not know of the save).
  const [saved, setSaved] = useState<Role | null | undefined>(undefined);
  // The settings are read again when data changes (a sync): a failed re-read keeps the role known.
  const fetched = settings.state.status === 'success' ? settings.state.data.role : undefined;
  const [known, setKnown] = useState<Role | null | undefined>(undefined);
  if (fetched !== undefined && fetched !== known) setKnown(fetched);
  const role = saved !== undefined ? saved : fetched !== undefined ? fetched : known;

  const saveRole = useCallback(
    async (next: Role): Promise<Settings> => {
      const updated = await api.call('settings.update', { role: next });
      setSaved(updated.role);
      return updated;
    },
    [api],
  );

  return { role, failure: role === undefined && settings.state.status === 'error' ? settings.state.message : null, reload: settings.reload, saveRole };
}
