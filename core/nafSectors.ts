// The sector of a company from its NAF code (INSEE's NAF rév. 2), for the Région's programme
// view: the packages carry the NAF code, not the firm's free-text sector. Industrial divisions
// (section C) are named one by one, the sectors the call names first; others by section.

const DIVISIONS: Record<string, string> = {
  '10': 'Agroalimentaire',
  '11': 'Agroalimentaire',
  '12': 'Agroalimentaire',
  '13': 'Textile, habillement, cuir',
  '14': 'Textile, habillement, cuir',
  '15': 'Textile, habillement, cuir',
  '16': 'Bois, papier, imprimerie',
  '17': 'Bois, papier, imprimerie',
  '18': 'Bois, papier, imprimerie',
  '19': 'Chimie',
  '20': 'Chimie',
  '21': 'Pharmacie',
  '22': 'Caoutchouc, plasturgie, minéraux',
  '23': 'Caoutchouc, plasturgie, minéraux',
  '24': 'Métallurgie, produits métalliques',
  '25': 'Métallurgie, produits métalliques',
  '26': 'Électronique, équipements électriques',
  '27': 'Électronique, équipements électriques',
  '28': 'Machines et équipements',
  '29': 'Automobile',
  '30': 'Autres matériels de transport',
  '31': 'Meubles et autres industries',
  '32': 'Meubles et autres industries',
  '33': 'Réparation et installation de machines',
};

/** Sections by their first division (NAF rév. 2), for codes outside manufacturing. */
const SECTIONS: [from: number, label: string][] = [
  [1, 'Agriculture, sylviculture, pêche'],
  [5, 'Industries extractives'],
  [10, 'Industrie manufacturière'],
  [35, 'Énergie'],
  [36, 'Eau, déchets, dépollution'],
  [41, 'Construction'],
  [45, 'Commerce'],
  [49, 'Transports et entreposage'],
  [55, 'Hébergement et restauration'],
  [58, 'Information et communication'],
  [64, 'Finance et assurance'],
  [68, 'Immobilier'],
  [69, 'Services aux entreprises'],
  [84, 'Administration, enseignement, santé'],
  [90, 'Autres services'],
];

/** « Aéronautique » for 30.30Z, the call's own example; otherwise by division, then section. */
export function sectorOfNaf(nafCode: string): string {
  const code = nafCode.replace('.', '').toUpperCase();
  if (!/^\d{4}[A-Z]$/.test(code)) return 'Non renseigné';
  if (code.startsWith('303')) return 'Aéronautique';
  const division = code.slice(0, 2);
  const named = DIVISIONS[division];
  if (named) return named;
  const number = Number(division);
  let label = 'Non renseigné';
  for (const [from, name] of SECTIONS) if (number >= from) label = name;
  return label;
}
