// Labels of the closing package's sheet documents only (those shared by all formats: documents.fr.ts).
export const documentsSheetFr = {
} as const;
