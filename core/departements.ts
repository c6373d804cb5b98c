// Names of the départements of the Centre-Val de Loire (proper nouns, the same in every language).
const DEPARTEMENTS: Record<string, string> = {
  '18': 'Cher',
  '28': 'Eure-et-Loir',
  '36': 'Indre',
  '37': 'Indre-et-Loire',
  '41': 'Loir-et-Cher',
  '45': 'Loiret',
};

/** `18` → « Cher (18) »; an unknown code stays a code. */
export function formatDepartement(code: string): string {
  const name = DEPARTEMENTS[code];
  return name ? `${name} (${code})` : code;
}
