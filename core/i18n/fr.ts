// French is the reference catalogue: every other language must have exactly these keys.
import { reviewFr } from './review.fr';
import { reviewUiFr } from './reviewUi.fr';
import { reviewScreenFr } from './reviewScreen.fr';
import { regionProgrammeFr } from './regionProgramme.fr';
import { firmReviewFr } from './firmReview.fr';
import { closingFr } from './closing.fr';
import { closingUiFr } from './closingUi.fr';
import { syncFr } from './sync.fr';
import { syncUiFr } from './syncUi.fr';
import { daysFr } from './days.fr';
import { directoryFr } from './directory.fr';
import { programmeFr } from './programme.fr';
import { rulesFr } from './rules.fr';
import { documentsFr } from './documents.fr';
import { documentsPdfFr } from './documents.pdf.fr';
import { documentsSheetFr } from './documents.sheet.fr';
import { timesheetFr } from './timesheet.fr';

const interfaceFr = {
  'app.name': 'Carnet',
  'app.tagline': 'Carnet de mission — Relocalisation / Diversification',
  'app.version': 'Version {version}',

  'error.invalid_input': 'Données invalides pour « {method} » : {details}',
  'error.invalid_input.field': 'champ « {field} » — {issue}',
  'error.unknown_method': 'Action inconnue : « {method} ».',
  'error.not_found.engagement': 'Aucun engagement ne porte l’identifiant « {id} ».',
  'error.database_not_empty':
    'La base de données contient déjà {engagements} engagement(s) : les données de démonstration ne se chargent que dans une base vide (« carnet demo --force » pour les remplacer).',
  'error.internal': 'Erreur interne ({reference}). L’opération n’a pas été enregistrée.',
  'error.transport': 'Le service Carnet ne répond pas ({details}).',

  'nav.main': 'Navigation principale',
  'nav.engagements': 'Engagements',
  'nav.companies': 'Entreprises',
  'nav.consultants': 'Consultants',
  'nav.dashboard': 'Tableau de bord',
  'nav.programmes': 'Programmes',
  'nav.timesheet': 'Saisie des temps',
  'nav.language': 'Langue',
  'nav.skip': 'Aller au contenu',

  'language.fr': 'Français',
  'language.en': 'English',

  'status.draft': 'Brouillon',
  'status.committed': 'Engagé',
  'status.in_progress': 'En cours',
  'status.completed': 'Terminé',
  'status.submitted': 'Soumis',
  'status.changes_requested': 'Modifications demandées',
  'status.approved': 'Approuvé',
  'status.closed': 'Clôturé',

  'projectType.relocalisation_production': 'Relocalisation de production',
  'projectType.relocalisation_approvisionnement': 'Relocalisation d’approvisionnement',
  'projectType.diversification': 'Diversification',

  'phase.etude': 'Étude',
  'phase.lancement': 'Lancement',
  'phase.developpement': 'Développement',

  'activity.diagnostic': 'Diagnostic',
  'activity.entretiens': 'Entretiens',
  'activity.atelier': 'Atelier',
  'activity.analyse': 'Analyse',
  'activity.redaction_livrable': 'Rédaction de livrable',
  'activity.restitution': 'Restitution',
  'activity.autre': 'Autre',

  'location.on_site': 'Sur site',
  'location.remote': 'À distance',

  'deliverable.diagnostic': 'Diagnostic',
  'deliverable.plan_action': 'Plan d’action',
  'deliverable.rapport_final': 'Rapport final',
  'deliverable.autre': 'Autre livrable',

  'flag.weekend': 'Week-end',
  'flag.public_holiday': 'Jour férié',

  'holiday.jour_de_l_an': 'Jour de l’an',
  'holiday.lundi_de_paques': 'Lundi de Pâques',
  'holiday.fete_du_travail': 'Fête du Travail',
  'holiday.victoire_1945': 'Victoire 1945',
  'holiday.ascension': 'Ascension',
  'holiday.lundi_de_pentecote': 'Lundi de Pentecôte',
  'holiday.fete_nationale': 'Fête nationale',
  'holiday.assomption': 'Assomption',
  'holiday.toussaint': 'Toussaint',
  'holiday.armistice': 'Armistice 1918',
  'holiday.noel': 'Noël',

  'list.title': 'Engagements',
  'list.subtitle': 'Missions d’accompagnement des entreprises retenues, et consommation de leur enveloppe de jours.',
  'list.count': '{shown} sur {total} engagements',
  'list.count.one': '{shown} sur {total} engagement',
  'list.search': 'Rechercher (entreprise, référence, ville, consultant)',
  'list.search.placeholder': 'Entreprise, référence, ville, consultant…',
  'list.filter.status': 'Statut',
  'list.filter.wave': 'Vague',
  'list.filter.allStatuses': 'Tous les statuts',
  'list.filter.allWaves': 'Toutes les vagues',
  'list.filter.option': '{label} ({count})',
  'list.filter.reset': 'Effacer les filtres',
  'list.empty.filtered': 'Aucun engagement ne correspond à ces critères.',
  'list.demo.title': 'Aucun engagement pour l’instant',
  'list.demo.prompt': 'La base est vide. Chargez des données de démonstration pour découvrir Carnet : vingt entreprises du Centre-Val de Loire, à toutes les étapes de leur mission.',
  'list.demo.load': 'Charger des données de démonstration',
  'list.demo.loading': 'Chargement des données de démonstration…',
  'list.demo.done': 'Données de démonstration chargées : {engagements} engagements, {dayEntries} journées.',
  'list.keyboardHint': 'Flèches haut et bas pour passer d’une ligne à l’autre, Entrée pour ouvrir.',

  'column.ref': 'Référence',
  'column.company': 'Entreprise',
  'column.wave': 'Vague',
  'column.projectType': 'Type de projet',
  'column.phase': 'Phase',
  'column.consultants': 'Consultants',
  'column.status': 'Statut',
  'column.allowance': 'Jours consommés',

  'meter.label': '{used} j sur {allowance} j consommés, {left} j restants',
  'meter.short': '{used} / {allowance} j',
  'meter.left': 'reste {left} j',
  'meter.exhausted': 'enveloppe épuisée',

  'engagement.back': 'Retour aux engagements',
  'engagement.company': 'Entreprise',
  'engagement.parameters': 'Paramètres de la mission',
  'engagement.days': 'Journées réalisées',
  'engagement.days.total': 'Total',
  'engagement.days.count': '{entries} saisies · {days} j',
  'engagement.deliverables': 'Livrables',
  'engagement.noDays': 'Aucune journée saisie.',
  'engagement.noDeliverables': 'Aucun livrable joint.',
  'engagement.siret': 'SIRET',
  'engagement.naf': 'Code NAF',
  'engagement.sector': 'Secteur',
  'engagement.headcount': 'Effectif',
  'engagement.address': 'Localisation',
  'engagement.outsideProgramme': 'Hors des départements du programme',
  'engagement.programme': 'Programme',
  'engagement.wave': 'Vague',
  'engagement.wave.deadline': '{wave} (dépôt avant le {date})',
  'engagement.projectType': 'Type de projet',
  'engagement.phase': 'Phase',
  'engagement.allowance': 'Enveloppe de jours',
  'engagement.dailyRate': 'Taux journalier HT',
  'engagement.period': 'Période',
  'engagement.period.range': 'du {from} au {to}',
  'engagement.period.since': 'depuis le {from}',
  'engagement.consultants': 'Consultants',
  'engagement.status': 'Statut',
  'engagement.consumption': 'Consommation',
  'engagement.amount': 'Montant HT réalisé',
  'engagement.amount.budget': 'sur {amount} prévus',
  'engagement.publicShare': 'Part publique ({rate})',
  'engagement.companyShare': 'Part entreprise',
  'engagement.companyShare.rate': 'reste à charge ({rate})',
  'engagement.day.date': 'Date',
  'engagement.day.consultant': 'Consultant',
  'engagement.day.duration': 'Durée',
  'engagement.day.activity': 'Activité',
  'engagement.day.location': 'Lieu',
  'engagement.day.summary': 'Résumé',
  'engagement.day.full': 'Journée',
  'engagement.day.half': 'Demi-journée',
  'engagement.notStarted': 'non démarrée',
  'engagement.days.unit': '{days} j',
  'engagement.headcount.value': '{count} salariés',
  'engagement.loading': 'Chargement de l’engagement…',
  'engagement.deliverable.file': '{fileName} · {size}',

  'route.notFound.title': 'Page introuvable',
  'route.notFound.text': 'Cette adresse ne correspond à aucun écran de Carnet.',
  'route.notFound.home': 'Retour à l’accueil',

  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
  'common.error': 'Une erreur est survenue',
} as const;

export const fr = { ...interfaceFr, ...rulesFr, ...directoryFr, ...programmeFr, ...daysFr, ...timesheetFr, ...documentsFr, ...documentsPdfFr, ...documentsSheetFr, ...closingFr, ...closingUiFr, ...syncFr, ...syncUiFr, ...reviewFr, ...reviewUiFr, ...reviewScreenFr, ...regionProgrammeFr, ...firmReviewFr };

export type MessageKey = keyof typeof fr;
