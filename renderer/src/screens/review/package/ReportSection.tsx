import { useMemo } from 'react';
import { Card } from '../../../components/Definitions';
import { useI18n } from '../../../i18n';
import { REPORT_CONTENT_SECURITY_POLICY, sandboxedReportDocument } from './reportDocument';

/**
 * The package's report.html in a frame that may run nothing and reach nothing: an empty sandbox
 * (no script, no form, no navigation of the page, a unique origin) and a CSP that loads nothing —
 * required by the frame itself (`csp`, CSP Embedded Enforcement: in force from the document's
 * first byte, before any speculative fetch of the parser) and repeated in the document's head.
 */
// React passes the attribute through; the DOM typings do not know it.
const REQUIRED_POLICY = { csp: REPORT_CONTENT_SECURITY_POLICY } as Record<string, string>;

export function ReportSection({ reportHtml, engagementRef }: { reportHtml: string | null; engagementRef: string }) {
  const { t } = useI18n();
  const document = useMemo(() => (reportHtml === null ? null : sandboxedReportDocument(reportHtml)), [reportHtml]);
  return (
    <Card title={t('reviewScreen.report.title')} titleId="review-report-title" aside={<span className="card-count mono">report.html</span>} className="card--flush review-report">
      <p className="review-section-note">{t('reviewScreen.report.note')}</p>
      {document === null ? (
        <p className="card-empty">{t('reviewScreen.report.missing')}</p>
      ) : (
        <iframe className="review-report-frame" title={t('reviewScreen.report.frame', { ref: engagementRef })} sandbox="" srcDoc={document} referrerPolicy="no-referrer" {...REQUIRED_POLICY} />
      )}
    </Card>
  );
}
