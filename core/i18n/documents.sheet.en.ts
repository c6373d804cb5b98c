import type { documentsSheetFr } from './documents.sheet.fr';

export const documentsSheetEn: Record<keyof typeof documentsSheetFr, string> = {
};
