import { FileDropZone } from '../../../components/form/FileDropZone';
import { ErrorPanel } from '../../../components/StatePanels';
import { useI18n } from '../../../i18n';

interface Props {
  analysing: boolean;
  error: string | null;
  onFile: (file: File) => void;
  onCancel: () => void;
}

export function ImportFileStep({ analysing, error, onFile, onCancel }: Props) {
  const { t } = useI18n();
  return (
    <>
      <div className="dialog-body import-file-step">
        <FileDropZone
          label={t('directory.import.file')}
          instructions={t('directory.import.file.instructions')}
          browseLabel={t('directory.import.file.browse')}
          accept=".csv,text/csv"
          onFile={onFile}
          disabled={analysing}
        >
          {analysing && (
            <span className="dropzone-progress">
              <span className="spinner" aria-hidden="true" />
              {t('directory.import.analysing')}
            </span>
          )}
        </FileDropZone>
        {error && <ErrorPanel message={error} />}
        <section className="import-help" aria-labelledby="import-help-title">
          <h3 id="import-help-title" className="import-help-title">
            {t('directory.import.help.title')}
          </h3>
          <ul className="import-help-list">
            <li>{t('directory.import.help.columns')}</li>
            <li>{t('directory.import.help.format')}</li>
            <li>{t('directory.import.help.safe')}</li>
          </ul>
        </section>
      </div>
      <footer className="dialog-footer">
        <p className="dialog-footer-status" role="status">
          {analysing ? t('directory.import.analysing') : ''}
        </p>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('directory.form.cancel')}
        </button>
      </footer>
    </>
  );
}
