import { reviewEn } from './review.en';
import { reviewUiEn } from './reviewUi.en';
import { reviewScreenEn } from './reviewScreen.en';
import { regionProgrammeEn } from './regionProgramme.en';
import { firmReviewEn } from './firmReview.en';
import type { MessageKey } from './fr';

import { closingEn } from './closing.en';
import { closingUiEn } from './closingUi.en';
import { syncEn } from './sync.en';
import { syncUiEn } from './syncUi.en';
import { daysEn } from './days.en';
import { directoryEn } from './directory.en';
import { programmeEn } from './programme.en';
import { rulesEn } from './rules.en';
import { documentsEn } from './documents.en';
import { documentsPdfEn } from './documents.pdf.en';
import { documentsSheetEn } from './documents.sheet.en';
import { timesheetEn } from './timesheet.en';

const interfaceEn: Record<Exclude<MessageKey, keyof typeof rulesEn | keyof typeof directoryEn | keyof typeof programmeEn | keyof typeof daysEn | keyof typeof timesheetEn | keyof typeof documentsEn | keyof typeof documentsPdfEn | keyof typeof documentsSheetEn | keyof typeof closingEn | keyof typeof closingUiEn | keyof typeof syncEn | keyof typeof syncUiEn | keyof typeof reviewEn | keyof typeof reviewUiEn | keyof typeof reviewScreenEn | keyof typeof regionProgrammeEn | keyof typeof firmReviewEn>, string> = {
  'app.name': 'Carnet',
  'app.tagline': 'Mission logbook — Relocation / Diversification',
  'app.version': 'Version {version}',

  'error.invalid_input': 'Invalid data for “{method}”: {details}',
  'error.invalid_input.field': 'field “{field}” — {issue}',
  'error.unknown_method': 'Unknown action: “{method}”.',
  'error.not_found.engagement': 'No engagement has the id “{id}”.',
  'error.database_not_empty':
    'The database already holds {engagements} engagement(s): demo data only loads into an empty database (“carnet demo --force” replaces them).',
  'error.internal': 'Internal error ({reference}). Nothing was saved.',
  'error.transport': 'The Carnet service does not answer ({details}).',

  'nav.main': 'Main navigation',
  'nav.engagements': 'Engagements',
  'nav.companies': 'Companies',
  'nav.consultants': 'Consultants',
  'nav.dashboard': 'Dashboard',
  'nav.programmes': 'Programmes',
  'nav.timesheet': 'Timesheet',
  'nav.language': 'Language',
  'nav.skip': 'Skip to content',

  'language.fr': 'Français',
  'language.en': 'English',

  'status.draft': 'Draft',
  'status.committed': 'Committed',
  'status.in_progress': 'In progress',
  'status.completed': 'Completed',
  'status.submitted': 'Submitted',
  'status.changes_requested': 'Changes requested',
  'status.approved': 'Approved',
  'status.closed': 'Closed',

  'projectType.relocalisation_production': 'Production relocation',
  'projectType.relocalisation_approvisionnement': 'Supply relocation',
  'projectType.diversification': 'Diversification',

  'phase.etude': 'Study',
  'phase.lancement': 'Launch',
  'phase.developpement': 'Development',

  'activity.diagnostic': 'Diagnostic',
  'activity.entretiens': 'Interviews',
  'activity.atelier': 'Workshop',
  'activity.analyse': 'Analysis',
  'activity.redaction_livrable': 'Writing a deliverable',
  'activity.restitution': 'Debriefing',
  'activity.autre': 'Other',

  'location.on_site': 'On site',
  'location.remote': 'Remote',

  'deliverable.diagnostic': 'Diagnostic',
  'deliverable.plan_action': 'Action plan',
  'deliverable.rapport_final': 'Final report',
  'deliverable.autre': 'Other deliverable',

  'flag.weekend': 'Weekend',
  'flag.public_holiday': 'Public holiday',

  'holiday.jour_de_l_an': 'New Year’s Day',
  'holiday.lundi_de_paques': 'Easter Monday',
  'holiday.fete_du_travail': 'Labour Day',
  'holiday.victoire_1945': 'Victory in Europe Day',
  'holiday.ascension': 'Ascension Day',
  'holiday.lundi_de_pentecote': 'Whit Monday',
  'holiday.fete_nationale': 'Bastille Day',
  'holiday.assomption': 'Assumption Day',
  'holiday.toussaint': 'All Saints’ Day',
  'holiday.armistice': 'Armistice Day',
  'holiday.noel': 'Christmas Day',

  'list.title': 'Engagements',
  'list.subtitle': 'Advisory missions of the selected companies, and how much of their day allowance is used.',
  'list.count': '{shown} of {total} engagements',
  'list.count.one': '{shown} of {total} engagement',
  'list.search': 'Search (company, reference, city, consultant)',
  'list.search.placeholder': 'Company, reference, city, consultant…',
  'list.filter.status': 'Status',
  'list.filter.wave': 'Wave',
  'list.filter.allStatuses': 'All statuses',
  'list.filter.allWaves': 'All waves',
  'list.filter.option': '{label} ({count})',
  'list.filter.reset': 'Clear filters',
  'list.empty.filtered': 'No engagement matches these criteria.',
  'list.demo.title': 'No engagement yet',
  'list.demo.prompt': 'The database is empty. Load demo data to discover Carnet: twenty companies of the Centre-Val de Loire region, at every stage of their mission.',
  'list.demo.load': 'Load demo data',
  'list.demo.loading': 'Loading demo data…',
  'list.demo.done': 'Demo data loaded: {engagements} engagements, {dayEntries} days.',
  'list.keyboardHint': 'Up and down arrows move between rows, Enter opens one.',

  'column.ref': 'Reference',
  'column.company': 'Company',
  'column.wave': 'Wave',
  'column.projectType': 'Project type',
  'column.phase': 'Phase',
  'column.consultants': 'Consultants',
  'column.status': 'Status',
  'column.allowance': 'Days used',

  'meter.label': '{used} d of {allowance} d used, {left} d left',
  'meter.short': '{used} / {allowance} d',
  'meter.left': '{left} d left',
  'meter.exhausted': 'allowance used up',

  'engagement.back': 'Back to engagements',
  'engagement.company': 'Company',
  'engagement.parameters': 'Mission parameters',
  'engagement.days': 'Days delivered',
  'engagement.days.total': 'Total',
  'engagement.days.count': '{entries} entries · {days} d',
  'engagement.deliverables': 'Deliverables',
  'engagement.noDays': 'No day logged.',
  'engagement.noDeliverables': 'No deliverable attached.',
  'engagement.siret': 'SIRET',
  'engagement.naf': 'NAF code',
  'engagement.sector': 'Sector',
  'engagement.headcount': 'Headcount',
  'engagement.address': 'Location',
  'engagement.outsideProgramme': 'Outside the programme’s départements',
  'engagement.programme': 'Programme',
  'engagement.wave': 'Wave',
  'engagement.wave.deadline': '{wave} (deadline {date})',
  'engagement.projectType': 'Project type',
  'engagement.phase': 'Phase',
  'engagement.allowance': 'Day allowance',
  'engagement.dailyRate': 'Daily rate excl. VAT',
  'engagement.period': 'Period',
  'engagement.period.range': '{from} to {to}',
  'engagement.period.since': 'since {from}',
  'engagement.consultants': 'Consultants',
  'engagement.status': 'Status',
  'engagement.consumption': 'Consumption',
  'engagement.amount': 'Amount delivered excl. VAT',
  'engagement.amount.budget': 'of {amount} planned',
  'engagement.publicShare': 'Public share ({rate})',
  'engagement.companyShare': 'Company share',
  'engagement.companyShare.rate': 'paid by the company ({rate})',
  'engagement.day.date': 'Date',
  'engagement.day.consultant': 'Consultant',
  'engagement.day.duration': 'Duration',
  'engagement.day.activity': 'Activity',
  'engagement.day.location': 'Where',
  'engagement.day.summary': 'Summary',
  'engagement.day.full': 'Full day',
  'engagement.day.half': 'Half day',
  'engagement.notStarted': 'not started',
  'engagement.days.unit': '{days} d',
  'engagement.headcount.value': '{count} employees',
  'engagement.loading': 'Loading the engagement…',
  'engagement.deliverable.file': '{fileName} · {size}',

  'route.notFound.title': 'Page not found',
  'route.notFound.text': 'This address matches no screen of Carnet.',
  'route.notFound.home': 'Back to the start page',

  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.error': 'Something went wrong',
};

export const en: Record<MessageKey, string> = { ...interfaceEn, ...rulesEn, ...directoryEn, ...programmeEn, ...daysEn, ...timesheetEn, ...documentsEn, ...documentsPdfEn, ...documentsSheetEn, ...closingEn, ...closingUiEn, ...syncEn, ...syncUiEn, ...reviewEn, ...reviewUiEn, ...reviewScreenEn, ...regionProgrammeEn, ...firmReviewEn };
