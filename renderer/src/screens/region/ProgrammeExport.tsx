import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errorMessage';
import { useI18n } from '../../i18n';
import { downloadBlob } from '../../lib/download';
import { base64ToBytes } from '../engagement/deliverables/deliverableFiles';
import { DownloadIcon } from './regionIcons';

const FORMATS = ['xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/**
 * « Exporter (XLSX) » / « Exporter (CSV) »: the programme's summary made by the application and
 * handed to the browser's downloads. One export at a time; what happens is said in a status line,
 * a failure in an alert.
 */
export function ProgrammeExport() {
  const api = useApi();
  const { t, locale } = useI18n();
  const [running, setRunning] = useState<Format | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function exportAs(format: Format) {
    if (running) return;
    setRunning(format);
    setError(null);
    setStatus(t('regionProgramme.export.running', { format: t(`regionProgramme.export.format.${format}`) }));
    try {
      const exported = await api.call('review.exportProgramme', { format });
      downloadBlob(base64ToBytes(exported.contentBase64), exported.fileName, exported.mimeType);
      setStatus(t('regionProgramme.export.done', { file: exported.fileName }));
    } catch (failure) {
      setStatus('');
      setError(t('regionProgramme.export.failed', { format: t(`regionProgramme.export.format.${format}`), details: errorMessage(failure, locale) }));
    } finally {
      setRunning(null);
    }
  }

  return (
    <div className="region-export">
      <div className="region-export-buttons" role="group" aria-label={t('regionProgramme.export.group')}>
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className={`button ${format === 'xlsx' ? 'button--primary' : 'button--secondary'}`}
            // The running button stays focusable (it keeps the focus); the other one waits.
            aria-disabled={running === format || undefined}
            aria-busy={running === format || undefined}
            disabled={running !== null && running !== format}
            onClick={() => void exportAs(format)}
          >
            {running === format ? <span className={`spinner${format === 'xlsx' ? ' spinner--inverse' : ''}`} aria-hidden="true" /> : <DownloadIcon />}
            {t(`regionProgramme.export.${format}`)}
          </button>
        ))}
      </div>
      <p className="region-export-status" role="status">
        {status}
      </p>
      {error && (
        <p className="region-export-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
