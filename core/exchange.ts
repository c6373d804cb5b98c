// Limits and names of what crosses between the screens and the services for closing a mission.
// Kept free of zod so that the renderer can import them without bundling the schemas.

/** The largest file that can be attached to an engagement. */
export const MAX_DELIVERABLE_BYTES = 20 * 1024 * 1024;

/** Documents of the closing package that can also be exported alone, in the « Exporter » menu's order. */
export const EXPORTABLE_DOCUMENTS = ['reportPdf', 'reportHtml', 'attestationPdf', 'timesheetXlsx', 'timesheetCsv', 'engagementJson'] as const;
export type ExportableDocument = (typeof EXPORTABLE_DOCUMENTS)[number];
