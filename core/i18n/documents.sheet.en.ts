import type { documentsSheetFr } from './documents.sheet.fr';

export const documentsSheetEn: Record<keyof typeof documentsSheetFr, string> = {
  'doc.sheet.halfDays': 'Half days',
  'doc.sheet.days': 'Days',
  'doc.sheet.total': 'Total',
  'doc.sheet.publicShareRate': 'Public share rate',
};
