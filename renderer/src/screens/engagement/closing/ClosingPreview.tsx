import { useApiQuery } from '../../../api/useApiQuery';
import { ErrorPanel, LoadingPanel } from '../../../components/StatePanels';
import { useI18n } from '../../../i18n';

/**
 * The report as the package will hold it (report.html), in a frame that may run nothing and
 * reach nothing: an empty sandbox (no script, a unique origin) and the document's own CSP.
 */
export function ClosingPreview({ engagementId, engagementRef, revision }: { engagementId: string; engagementRef: string; revision: number }) {
  const { t, locale } = useI18n();
  // The revision changes when a setting printed in the report (the firm's name) is saved.
  const preview = useApiQuery(`closing.preview:${engagementId}:${locale}:${revision}`, (api) => api.call('closing.preview', { engagementId }));
  return (
    <section className="closing-preview" aria-labelledby="closing-preview-title">
      <div className="closing-section-head">
        <h3 id="closing-preview-title" className="closing-section-title">
          {t('closingUi.preview.title')}
        </h3>
        <span className="closing-section-note mono">report.html</span>
      </div>
      <div className="closing-preview-frame-wrap">
        {preview.state.status === 'loading' && <LoadingPanel label={t('closingUi.preview.loading')} />}
        {preview.state.status === 'error' && <ErrorPanel message={preview.state.message} onRetry={preview.reload} />}
        {preview.state.status === 'success' && (
          <iframe className="closing-preview-frame" title={t('closingUi.preview.frame', { ref: engagementRef })} sandbox="" srcDoc={preview.state.data.html} />
        )}
      </div>
    </section>
  );
}
