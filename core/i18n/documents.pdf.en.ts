import type { documentsPdfFr } from './documents.pdf.fr';

export const documentsPdfEn: Record<keyof typeof documentsPdfFr, string> = {
};
