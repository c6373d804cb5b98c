import type { programmeFr } from './programme.fr';

export const programmeEn: Record<keyof typeof programmeFr, string> = {
  'programme.title': 'programme',
};
