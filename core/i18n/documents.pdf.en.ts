import type { documentsPdfFr } from './documents.pdf.fr';

export const documentsPdfEn: Record<keyof typeof documentsPdfFr, string> = {
  'doc.pdf.continued': '{section} (continued)',
  'doc.pdf.signature.stamp': 'Signature and stamp',
};
