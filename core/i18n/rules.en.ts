import type { rulesFr } from './rules.fr';

export const rulesEn: Record<keyof typeof rulesFr, string> = {
  'rule.company.siret.format': 'A SIRET has 14 digits (entered: “{value}”).',
  'rule.company.siret.checksum': 'SIRET {value} is invalid: its check digit (Luhn algorithm, on the SIREN and on the SIRET) does not match.',
  'rule.company.siret.duplicate': 'SIRET {value} is already registered for the company “{name}”.',
  'rule.company.name.required': 'The company name is required.',
  'rule.company.naf.format': 'NAF code “{value}” does not follow the NN.NNL pattern (e.g. 25.62A).',
  'rule.company.headcount.range': 'A headcount of {value} is outside the programme’s range: {min} to {max} employees.',
  'rule.company.postalCode.format': 'Postal code “{value}” must have 5 digits.',
  'rule.company.city.required': 'The town is required.',
  'rule.company.departement.outside': 'Département {value} is outside the programme’s territory ({list}): check the site’s address.',

  'rule.consultant.name.required': 'The consultant’s name is required.',
  'rule.consultant.email.format': '“{value}” is not a valid email address.',
  'rule.consultant.rate.positive': 'The daily rate must be a positive amount in cents (received: {value}).',

  'rule.engagement.allowance.range': 'An allowance of {value} days is outside the programme’s bounds: {min} to {max} whole days.',
  'rule.engagement.rate.positive': 'The daily rate excl. VAT must be a positive amount in cents (received: {value}).',
  'rule.engagement.consultants.required': 'An engagement needs at least one consultant.',
  'rule.engagement.wave.programme': 'The chosen wave does not belong to the programme “{programme}”.',
  'rule.engagement.locked': 'Engagement {ref} is “{status}”: its parameters can no longer change.',
  'rule.engagement.allowance.belowLogged': 'The allowance cannot go down to {value} days: {logged} days are already logged on {ref}.',
  'rule.envelope.overrun':
    'Committing {ref} would reserve {reservation} of public money, but the programme envelope ({envelope}) only has {remaining} left: an overrun of {overrun}.',
  'rule.transition.invalid': '{ref} cannot go from “{from}” to “{to}”: from “{from}”, only {allowed} are possible.',
  'rule.transition.noDays': '{ref} cannot be completed: no day is logged.',
  'rule.transition.hasDays': '{ref} cannot go back to draft: {logged} days are already logged.',
  'rule.transition.closedFinal': 'none',

  'rule.programme.name.required': 'The programme name is required.',
  'rule.programme.days.order': 'The minimum number of days ({min}) exceeds the maximum ({max}).',
  'rule.programme.headcount.order': 'The minimum headcount ({min}) exceeds the maximum ({max}).',
  'rule.programme.dates.order': 'The opening date ({opensOn}) is after the closing date ({closesOn}).',
  'rule.programme.share.range': 'The public share must be between 0 and 10,000 basis points (received: {value}).',
  'rule.programme.conflict.allowance': 'Allowances outside the new bounds ({min} to {max} days): {refs}.',
  'rule.programme.conflict.envelope': 'The envelope cannot go down to {envelope}: {committed} is already committed.',
  'rule.programme.conflict.window': 'Days logged outside the programme’s new period ({opensOn} – {closesOn}): {refs}.',
  'rule.programme.conflict.headcount': 'Supported companies outside the new headcount range ({min} to {max}): {names}.',
  'rule.programme.refused': 'Programme change refused: {reasons}',
  'rule.wave.name.duplicate': 'A wave named “{name}” already exists in this programme.',

  'error.not_found.programme': 'No programme has the id “{id}”.',
  'error.not_found.company': 'No company has the id “{id}”.',
  'error.not_found.consultant': 'No consultant has the id “{id}”.',
  'error.not_found.wave': 'No wave has the id “{id}”.',
  'error.rule': '{message}',
  'error.rules': '{count} rule(s) broken: {messages}',
};
