import { useId, useMemo, useState } from 'react';
import type { CompanyImportMapping, CompanyImportPreview } from '../../../../../core/domainViews';
import { FileIcon } from '../../../components/icons';
import { ErrorPanel } from '../../../components/StatePanels';
import { intlLocale, useI18n } from '../../../i18n';
import { formatBytes } from '../../../lib/format';
import { ImportCounts } from './ImportCounts';
import { ImportMapping } from './ImportMapping';
import { ImportRowsTable } from './ImportRowsTable';
import type { LoadedFile } from './importFile';

interface Props {
  file: LoadedFile;
  preview: CompanyImportPreview;
  busy: 'analysing' | 'importing' | null;
  error: string | null;
  onMappingChange: (mapping: CompanyImportMapping) => void;
  onCommit: () => void;
  onRestart: () => void;
  onCancel: () => void;
}

/** What the file holds and what would happen to each row; nothing is written before « Importer ». */
export function ImportPreviewStep({ file, preview, busy, error, onMappingChange, onCommit, onRestart, onCancel }: Props) {
  const { t, locale, number } = useI18n();
  const id = useId();
  const [rejectedOnly, setRejectedOnly] = useState(false);
  const rows = useMemo(() => (rejectedOnly ? preview.rows.filter((row) => row.status === 'rejected') : preview.rows), [preview.rows, rejectedOnly]);
  const importable = preview.counts.total - preview.counts.rejected;

  return (
    <>
      <div className={`dialog-body import-preview${busy ? ' is-busy' : ''}`} aria-busy={busy !== null}>
        <div className="import-file-summary">
          <FileIcon />
          <span className="import-file-name">{file.fileName}</span>
          <span className="import-file-fact">{formatBytes(file.bytes, intlLocale(locale))}</span>
          <span className="import-file-fact">
            {t('directory.import.encoding')} <strong>{t(`directory.import.encoding.${preview.encoding}`)}</strong>
          </span>
          <span className="import-file-fact">
            {t('directory.import.separator')} <strong>{t(preview.separator === ';' ? 'directory.import.separator.semicolon' : 'directory.import.separator.comma')}</strong>
          </span>
          <span className="import-file-fact">{t('directory.import.columns', { count: number(preview.headers.length) })}</span>
        </div>

        {error && <ErrorPanel message={error} />}

        <div className="import-panes">
          <ImportMapping preview={preview} onChange={onMappingChange} />
          <section className="import-rows" aria-labelledby={`${id}-rows`}>
            <div className="import-rows-header">
              <h3 id={`${id}-rows`} className="form-section-title">
                {t('directory.import.rows.title')}
              </h3>
              <label className="checkbox">
                <input type="checkbox" checked={rejectedOnly} onChange={(event) => setRejectedOnly(event.target.checked)} />
                {t('directory.import.rows.rejectedOnly', { count: number(preview.counts.rejected) })}
              </label>
            </div>
            <ImportCounts counts={preview.counts} />
            <ImportRowsTable rows={rows} labelledBy={`${id}-rows`} />
          </section>
        </div>
      </div>
      <footer className="dialog-footer">
        <p className="dialog-footer-status" role="status">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy === 'analysing' ? t('directory.import.analysing') : busy === 'importing' ? t('directory.import.importing') : importable === 0 ? t('directory.import.nothing') : ''}
        </p>
        <button type="button" className="button button--ghost" onClick={onRestart} aria-disabled={busy === 'importing'} disabled={busy === 'importing'}>
          {t('directory.import.restart')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy === 'importing'}>
          {t('directory.form.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={onCommit} disabled={importable === 0 || busy === 'analysing'} aria-disabled={busy === 'importing' || undefined}>
          {busy === 'importing' && <span className="spinner spinner--inverse" aria-hidden="true" />}
          {t(importable === 1 ? 'directory.import.commit.one' : 'directory.import.commit', { count: number(importable) })}
        </button>
      </footer>
    </>
  );
}
