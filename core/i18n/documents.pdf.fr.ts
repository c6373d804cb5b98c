// Labels of the closing package's pdf documents only (those shared by all formats: documents.fr.ts).
export const documentsPdfFr = {
  'doc.pdf.continued': '{section} (suite)',
  'doc.pdf.signature.stamp': 'Signature et cachet',
} as const;
