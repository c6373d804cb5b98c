// A closing package's facts for document tests: accents, U+202F amounts, a weekend and a holiday,
// a multi-line summary, text that a spreadsheet or a browser would run if not neutralised.
import { dayFlags } from '../../core/calendar';
import type { ClosingDocumentInput, EngagementFile, PackageDay } from '../../core/closingPackage';
import { costSplit } from '../../core/money';

const ELODIE = { id: '01HV0000000000000000000001', name: 'Élodie Marchand' };
const FRANCOIS = { id: '01HV0000000000000000000002', name: 'François N’Guyen' };

const baseDays: Omit<PackageDay, 'flags'>[] = [
  { date: '2022-02-14', halfDays: 2, consultantId: ELODIE.id, activity: 'diagnostic', location: 'on_site', summary: 'Visite de l’usine de Châteauroux ; entretien avec la direction générale et le responsable des achats.' },
  { date: '2022-02-15', halfDays: 2, consultantId: ELODIE.id, activity: 'entretiens', location: 'on_site', summary: 'Entretiens avec les chefs d’atelier.\nSynthèse des goulets d’étranglement : ébavurage, peinture, expédition.' },
  { date: '2022-02-21', halfDays: 1, consultantId: FRANCOIS.id, activity: 'analyse', location: 'remote', summary: '=SUM(A1:A9) — formule recopiée d’un tableur par le client' },
  { date: '2022-03-01', halfDays: 2, consultantId: ELODIE.id, activity: 'atelier', location: 'on_site', summary: 'Atelier « sourcing » avec l’équipe achats : 14 fournisseurs asiatiques passés en revue.' },
  { date: '2022-03-02', halfDays: 2, consultantId: FRANCOIS.id, activity: 'analyse', location: 'remote', summary: 'Analyse des coûts complets <script>alert("x")</script> & comparaison France / Asie.' },
  { date: '2022-03-05', halfDays: 1, consultantId: FRANCOIS.id, activity: 'analyse', location: 'remote', summary: '+33 6 12 34 56 78 : rappel du fournisseur (samedi).' },
  { date: '2022-03-14', halfDays: 2, consultantId: ELODIE.id, activity: 'redaction_livrable', location: 'remote', summary: 'Rédaction du diagnostic.' },
  { date: '2022-03-15', halfDays: 2, consultantId: ELODIE.id, activity: 'redaction_livrable', location: 'remote', summary: 'Rédaction du plan d’action chiffré (investissements, emplois, calendrier).' },
  { date: '2022-04-04', halfDays: 2, consultantId: FRANCOIS.id, activity: 'atelier', location: 'on_site', summary: '@direction : validation des scénarios de relocalisation.' },
  { date: '2022-04-18', halfDays: 1, consultantId: ELODIE.id, activity: 'autre', location: 'remote', summary: 'Lundi de Pâques : relecture à la demande du dirigeant.' },
  { date: '2022-05-02', halfDays: 2, consultantId: ELODIE.id, activity: 'restitution', location: 'on_site', summary: 'Restitution au comité de direction ; prochaines étapes et financements.' },
  { date: '2022-05-02', halfDays: 2, consultantId: FRANCOIS.id, activity: 'restitution', location: 'on_site', summary: '-\tPrésentation des chiffres clés.' },
  { date: '2022-05-27', halfDays: 2, consultantId: ELODIE.id, activity: 'redaction_livrable', location: 'remote', summary: 'Rapport final.' },
];

const LONG_SUMMARY =
  'Entretiens approfondis avec la direction industrielle, la direction financière et les représentants du personnel ; ' +
  'revue des nomenclatures, des gammes et des temps d’ouverture des machines ; relevé des écarts de coût de revient ' +
  'entre la production actuelle en sous-traitance et une production relocalisée sur le site de Vierzon.';

export interface FixtureOptions {
  /** Twenty-four half days with long summaries: a day table over several pages. */
  long?: boolean;
  locale?: 'fr' | 'en';
}

export function sampleEngagementFile(options: FixtureOptions = {}): EngagementFile {
  const raw = options.long
    ? Array.from({ length: 24 }, (_, index) => ({
        date: `2022-03-${String(index + 1).padStart(2, '0')}`,
        halfDays: 1 as const,
        consultantId: index % 2 ? FRANCOIS.id : ELODIE.id,
        activity: 'entretiens' as const,
        location: 'on_site' as const,
        summary: `${index + 1}. ${LONG_SUMMARY}`,
      }))
    : baseDays;
  const days = raw.map((day) => ({ ...day, flags: dayFlags(day.date) }));
  const halfDaysLogged = days.reduce((sum, day) => sum + day.halfDays, 0);
  const split = costSplit(halfDaysLogged, 95_000, 8000);
  return {
    formatVersion: 1,
    programme: {
      name: 'Relocalisation / Diversification — Région Centre-Val de Loire',
      funders: ['Région Centre-Val de Loire', 'Banque des Territoires'],
      publicShareBasisPoints: 8000,
      minDays: 6,
      maxDays: 12,
      opensOn: '2021-11-10',
      closesOn: '2023-05-10',
    },
    company: {
      siret: '55208131766522',
      name: 'Établissements Lefèvre & Fils',
      nafCode: '25.62A',
      headcount: 85,
      postalCode: '36000',
      city: 'Châteauroux',
      departement: '36',
    },
    engagement: {
      ref: 'RD-2022-014',
      wave: 'Vague 1',
      projectType: 'relocalisation_production',
      phase: 'etude',
      allowanceDays: 12,
      dailyRateCents: 95_000,
      startedOn: '2022-02-14',
      completedOn: '2022-05-27',
      consultants: [ELODIE, FRANCOIS],
    },
    days,
    deliverables: [
      { kind: 'diagnostic', title: 'Diagnostic industriel', path: 'deliverables/diagnostic-lefevre.pdf', sha256: 'a'.repeat(64) },
      { kind: 'plan_action', title: 'Plan d’action « relocalisation »', path: 'deliverables/plan-d-action.xlsx', sha256: 'b'.repeat(64) },
    ],
    totals: { halfDaysLogged, amountCents: split.amountCents, publicShareCents: split.publicShareCents, companyShareCents: split.companyShareCents },
  };
}

export function sampleDocumentInput(options: FixtureOptions = {}): ClosingDocumentInput {
  return {
    file: sampleEngagementFile(options),
    version: 1,
    createdAt: '2022-05-30T14:03:00.000Z',
    locale: options.locale ?? 'fr',
    firmName: 'Cabinet Loire Industrie Conseil',
    generator: 'carnet 0.1.0',
  };
}
