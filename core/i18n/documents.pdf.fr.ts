// Labels of the closing package's pdf documents only (those shared by all formats: documents.fr.ts).
export const documentsPdfFr = {
} as const;
