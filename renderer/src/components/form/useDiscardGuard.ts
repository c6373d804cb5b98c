import { useState } from 'react';

/**
 * Closing a form with unsaved changes asks first: `requestClose` closes at once when nothing
 * changed, otherwise it shows the confirmation (and a second Escape dismisses it).
 */
export function useDiscardGuard(dirty: boolean, close: () => void, blocked = false) {
  const [confirming, setConfirming] = useState(false);
  return {
    confirming,
    requestClose() {
      if (blocked) return;
      if (confirming) setConfirming(false);
      else if (dirty) setConfirming(true);
      else close();
    },
    keepEditing: () => setConfirming(false),
    discard: close,
  };
}
