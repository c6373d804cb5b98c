import { useId, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useRevealPackage } from './useRevealPackage';

/**
 * Where a package was written: the path (read-only, selectable), « Copier le chemin » and
 * « Ouvrir le dossier »; in the browser version, a note says why the folder did not open.
 */
export function PackageFolder({ packageId, folder }: { packageId: string; folder: string }) {
  const { t } = useI18n();
  const id = useId();
  const pathRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const { reveal, pending, outcome } = useRevealPackage();

  async function copy() {
    const input = pathRef.current;
    try {
      await navigator.clipboard.writeText(folder);
      setCopied('yes');
    } catch {
      // No clipboard permission (some browsers, an unfocused window): select the text instead.
      input?.focus();
      input?.select();
      setCopied(document.execCommand('copy') ? 'yes' : 'no');
    }
  }

  return (
    <div className="package-folder">
      <label className="field-label" htmlFor={`${id}-path`}>
        {t('closingUi.folder.label')}
      </label>
      <div className="package-folder-row">
        <input
          ref={pathRef}
          id={`${id}-path`}
          className="input mono package-folder-path"
          readOnly
          value={folder}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('closingUi.folder.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void reveal(packageId)} aria-disabled={pending !== null || undefined}>
          {pending && <span className="spinner" aria-hidden="true" />}
          {t('closingUi.folder.open')}
        </button>
      </div>
      <div className="package-folder-notes" role="status">
        {copied && <p className="package-folder-note">{t(copied === 'yes' ? 'closingUi.folder.copied' : 'closingUi.folder.copyFailed')}</p>}
        {outcome && <p className={`package-folder-note package-folder-note--${outcome.tone}`}>{outcome.text}</p>}
      </div>
    </div>
  );
}
