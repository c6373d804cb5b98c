// Labels of the closing package's sheet documents only (those shared by all formats: documents.fr.ts).
// The timesheet (CSV, XLSX) and the HTML report; a `doc.sheet.` prefix keeps them apart from the PDFs' own.
export const documentsSheetFr = {
  'doc.sheet.halfDays': 'Demi-journées',
  'doc.sheet.days': 'Jours',
  'doc.sheet.total': 'Total',
  'doc.sheet.publicShareRate': 'Taux de part publique',
} as const;
