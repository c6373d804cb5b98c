import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';

/** Copies `text` to the clipboard and says so beside the button for a few seconds. */
export function CopyButton({ text, label, ariaLabel }: { text: string; label: string; ariaLabel?: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (!outcome) return;
    const timer = window.setTimeout(() => setOutcome(null), 4000);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed'); // no clipboard permission: the text itself stays selectable
    }
  }

  return (
    <span className="review-copy">
      <button type="button" className="button button--ghost button--small" onClick={() => void copy()} aria-label={ariaLabel}>
        {label}
      </button>
      <span className={`review-copy-note${outcome === 'failed' ? ' review-copy-note--failed' : ''}`} role="status">
        {outcome === 'copied' ? t('reviewScreen.copy.done') : outcome === 'failed' ? t('reviewScreen.copy.failed') : ''}
      </span>
    </span>
  );
}
