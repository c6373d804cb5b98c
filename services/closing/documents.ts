// The documents of a closing package, each rendered from the same facts (ClosingDocumentInput).
import { PACKAGE_FILES, packageJson, type ClosingDocumentInput } from '../../core/closingPackage';
import type { ExportableDocument } from '../../core/contract';
import type { MessageKey } from '../../core/i18n';
import { renderAttestationPdf } from '../documents/attestationPdf';
import { renderReportHtml } from '../documents/reportHtml';
import { renderReportPdf } from '../documents/reportPdf';
import { renderTimesheetCsv } from '../documents/timesheetCsv';
import { renderTimesheetXlsx } from '../documents/timesheetXlsx';

export interface DocumentKind {
  /** Its name in a package. */
  path: string;
  mimeType: string;
  /** What the progress bar says while it is rendered. */
  step: MessageKey;
  render(input: ClosingDocumentInput): Promise<Buffer>;
}

/** In the order the package writes them (engagement.json first: the facts). */
export const DOCUMENTS: Record<ExportableDocument, DocumentKind> = {
  engagementJson: {
    path: PACKAGE_FILES.engagement,
    mimeType: 'application/json',
    step: 'closing.step.engagementJson',
    render: (input) => Promise.resolve(Buffer.from(packageJson(input.file), 'utf8')),
  },
  timesheetCsv: {
    path: PACKAGE_FILES.timesheetCsv,
    mimeType: 'text/csv',
    step: 'closing.step.timesheetCsv',
    render: (input) => Promise.resolve(renderTimesheetCsv(input)),
  },
  timesheetXlsx: {
    path: PACKAGE_FILES.timesheetXlsx,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    step: 'closing.step.timesheetXlsx',
    render: renderTimesheetXlsx,
  },
  reportPdf: { path: PACKAGE_FILES.reportPdf, mimeType: 'application/pdf', step: 'closing.step.reportPdf', render: renderReportPdf },
  reportHtml: {
    path: PACKAGE_FILES.reportHtml,
    mimeType: 'text/html',
    step: 'closing.step.reportHtml',
    render: (input) => Promise.resolve(Buffer.from(renderReportHtml(input), 'utf8')),
  },
  attestationPdf: { path: PACKAGE_FILES.attestationPdf, mimeType: 'application/pdf', step: 'closing.step.attestationPdf', render: renderAttestationPdf },
};

export const DOCUMENT_ORDER: ExportableDocument[] = ['engagementJson', 'timesheetCsv', 'timesheetXlsx', 'reportPdf', 'reportHtml', 'attestationPdf'];
