// The package's report.html as the review screen frames it. The frame is an empty sandbox (no
// script, a unique origin); on top of that the document itself gets a CSP that lets it load
// nothing at all, so a report written by anyone cannot reach the network from the reviewer's
// machine (an image, a font, a stylesheet of a tracker).

/** Inline styles and data: images or fonts only: no request of any kind leaves the frame. */
export const REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const REPORT_PREFIX = `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`;

// A byte-order mark, blank space and comments may come before a doctype; all of it goes with it.
const LEADING_DOCTYPE = /^\uFEFF?(?:\s|<!--[\s\S]*?-->)*<!doctype\b[^>]*>/i;

/**
 * The `srcdoc` for report.html: its leading doctype (if any) replaced by ours followed by the CSP
 * meta, so that the policy is the first thing the parser meets, before any element that loads.
 */
export function sandboxedReportDocument(reportHtml: string): string {
  return REPORT_PREFIX + reportHtml.replace(LEADING_DOCTYPE, '');
}
