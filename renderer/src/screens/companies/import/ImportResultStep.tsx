import { useEffect, useRef } from 'react';
import type { CompanyImportResult } from '../../../../../core/domainViews';
import { useI18n } from '../../../i18n';
import { CheckCircleIcon, DownloadIcon } from '../directoryIcons';
import { baseName, downloadCsv, type LoadedFile } from './importFile';

interface Props {
  file: LoadedFile;
  result: CompanyImportResult;
  onRestart: () => void;
  onClose: () => void;
}

/** What was written, and the rejected rows to take back to the spreadsheet. */
export function ImportResultStep({ file, result, onRestart, onClose }: Props) {
  const { t, number } = useI18n();
  const rejectsCsv = result.rejectsCsv;
  const titleRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <>
      <div className="dialog-body import-result">
        <div className={`import-result-icon${result.imported === 0 ? ' is-empty' : ''}`}>
          <CheckCircleIcon />
        </div>
        <p ref={titleRef} tabIndex={-1} className="import-result-title" role="status">
          {t(result.imported === 1 ? 'directory.import.result.imported.one' : 'directory.import.result.imported', { count: number(result.imported) })}
        </p>
        {result.rejected > 0 ? (
          <>
            <p className="import-result-text">
              {t(result.rejected === 1 ? 'directory.import.result.rejected.one' : 'directory.import.result.rejected', { count: number(result.rejected) })}
            </p>
            {rejectsCsv && (
              <button
                type="button"
                className="button button--secondary button--large"
                onClick={() => downloadCsv(rejectsCsv, t('directory.import.rejects.fileName', { name: baseName(file.fileName) }))}
              >
                <DownloadIcon />
                {t('directory.import.rejects.download')}
              </button>
            )}
          </>
        ) : (
          <p className="import-result-text">{t('directory.import.result.allImported')}</p>
        )}
      </div>
      <footer className="dialog-footer">
        <span className="dialog-footer-status" />
        <button type="button" className="button button--secondary" onClick={onRestart}>
          {t('directory.import.another')}
        </button>
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('directory.import.finish')}
        </button>
      </footer>
    </>
  );
}
