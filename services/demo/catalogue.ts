import type { Activity } from '../../core/domain';

// Fictitious but plausible companies of the Centre-Val de Loire, for the demo dataset only.
// SIRETs are generated (Luhn-valid) at load time; nothing here names a real establishment.

export interface DemoCompany {
  name: string;
  sector: string;
  nafCode: string;
  headcount: number;
  postalCode: string;
  city: string;
}

export const DEMO_COMPANIES: DemoCompany[] = [
  { name: 'Décolletage du Berry', sector: 'Mécanique', nafCode: '25.62A', headcount: 85, postalCode: '18000', city: 'Bourges' },
  { name: 'Fonderie Vierzonnaise', sector: 'Métallurgie', nafCode: '24.51Z', headcount: 140, postalCode: '18100', city: 'Vierzon' },
  { name: 'Plasturgie Sancerroise', sector: 'Plasturgie', nafCode: '22.29A', headcount: 46, postalCode: '18300', city: 'Sancerre' },
  { name: 'Laiterie de la Beauce', sector: 'Agroalimentaire', nafCode: '10.51C', headcount: 210, postalCode: '28000', city: 'Chartres' },
  { name: 'Cosmétiques du Perche', sector: 'Cosmétique', nafCode: '20.42Z', headcount: 320, postalCode: '28400', city: 'Nogent-le-Rotrou' },
  { name: 'Drouais Électronique', sector: 'Électronique', nafCode: '26.11Z', headcount: 62, postalCode: '28100', city: 'Dreux' },
  { name: 'Textiles de l’Indre', sector: 'Textile', nafCode: '13.92Z', headcount: 38, postalCode: '36000', city: 'Châteauroux' },
  { name: 'Aéro-Composites Issoudun', sector: 'Aéronautique', nafCode: '30.30Z', headcount: 410, postalCode: '36100', city: 'Issoudun' },
  { name: 'Tanneries du Boischaut', sector: 'Cuir', nafCode: '15.11Z', headcount: 27, postalCode: '36400', city: 'La Châtre' },
  { name: 'Laboratoires Val de Loire Santé', sector: 'Pharmacie', nafCode: '21.20Z', headcount: 1250, postalCode: '37000', city: 'Tours' },
  { name: 'Mécanique de précision d’Amboise', sector: 'Mécanique', nafCode: '28.41Z', headcount: 73, postalCode: '37400', city: 'Amboise' },
  { name: 'Équipementier Tourangeau', sector: 'Automobile', nafCode: '29.32Z', headcount: 560, postalCode: '37300', city: 'Joué-lès-Tours' },
  { name: 'Biscuiterie de Chinon', sector: 'Agroalimentaire', nafCode: '10.72Z', headcount: 95, postalCode: '37500', city: 'Chinon' },
  { name: 'Chimie Fine du Blésois', sector: 'Chimie', nafCode: '20.14Z', headcount: 180, postalCode: '41000', city: 'Blois' },
  { name: 'Menuiseries Industrielles de Sologne', sector: 'Bois', nafCode: '16.23Z', headcount: 54, postalCode: '41200', city: 'Romorantin-Lanthenay' },
  { name: 'Vendômois Emballages', sector: 'Emballage', nafCode: '17.21A', headcount: 130, postalCode: '41100', city: 'Vendôme' },
  { name: 'Orléans Pharma Process', sector: 'Pharmacie', nafCode: '21.10Z', headcount: 690, postalCode: '45000', city: 'Orléans' },
  { name: 'Moteurs et Transmissions du Loiret', sector: 'Automobile', nafCode: '28.15Z', headcount: 240, postalCode: '45200', city: 'Montargis' },
  { name: 'Gâtinais Agro-Ingrédients', sector: 'Agroalimentaire', nafCode: '10.89Z', headcount: 112, postalCode: '45300', city: 'Pithiviers' },
  { name: 'Caoutchoucs de Gien', sector: 'Caoutchouc', nafCode: '22.19Z', headcount: 18, postalCode: '45500', city: 'Gien' },
];

export const DEMO_CONSULTANTS = [
  { name: 'Claire Dubreuil', email: 'claire.dubreuil@cabinet-exemple.fr', dailyRateCents: 95_000 },
  { name: 'Marc Lefèvre', email: 'marc.lefevre@cabinet-exemple.fr', dailyRateCents: 110_000 },
  { name: 'Sophie Tanguy', email: 'sophie.tanguy@cabinet-exemple.fr', dailyRateCents: 90_000 },
  { name: 'Julien Moreau', email: 'julien.moreau@cabinet-exemple.fr', dailyRateCents: 85_000 },
  { name: 'Nadia Benali', email: 'nadia.benali@cabinet-exemple.fr', dailyRateCents: 100_000 },
];

export interface DemoWork {
  activity: Activity;
  summary: string;
}

/** What each stage of a mission looks like in a timesheet: activity and a summary template. */
export const DEMO_WORK: Record<'opening' | 'middle' | 'closing', DemoWork[]> = {
  opening: [
    { activity: 'diagnostic', summary: 'Diagnostic de la chaîne d’approvisionnement et des dépendances fournisseurs de {company}.' },
    { activity: 'entretiens', summary: 'Entretiens avec la direction, les achats et la production de {company}.' },
  ],
  middle: [
    { activity: 'analyse', summary: 'Analyse des coûts complets « make or buy » et des scénarios de relocalisation.' },
    { activity: 'atelier', summary: 'Atelier avec le comité de direction : priorisation des axes de diversification.' },
    { activity: 'analyse', summary: 'Étude des marchés cibles et des fournisseurs régionaux alternatifs.' },
    { activity: 'entretiens', summary: 'Rencontres de partenaires industriels et de la CCI pour sécuriser les approvisionnements.' },
  ],
  closing: [
    { activity: 'redaction_livrable', summary: 'Rédaction du plan d’action chiffré (investissements, emplois, calendrier).' },
    { activity: 'restitution', summary: 'Restitution des conclusions au dirigeant et remise du rapport final.' },
  ],
};
