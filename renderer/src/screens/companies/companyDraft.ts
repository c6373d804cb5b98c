// The company form's state as typed, and its live validation with the same rules as the service
// (core/companies.ts), phrased in the user's language.
import { checkCompany, departementOfPostalCode, type CompanyInput, type ProgrammeLimits } from '../../../../core/companies';
import type { InputOf } from '../../../../core/contract';
import type { Company } from '../../../../core/domain';
import type { MessageKey, MessageParams } from '../../../../core/i18n';
import { normaliseNafCode, normaliseSiret } from '../../../../core/siret';
import type { FieldFeedback } from '../../components/form/FieldMessage';
import { formatSiret } from '../../lib/format';

export const COMPANY_FIELDS = ['siret', 'name', 'nafCode', 'sector', 'headcount', 'postalCode', 'city', 'departement'] as const;
export type CompanyField = (typeof COMPANY_FIELDS)[number];

export type CompanyDraft = Record<CompanyField, string> & {
  /** Once the user types a département, a new postal code no longer overwrites it. */
  departementEdited: boolean;
};

export type CompanyFeedback = Partial<Record<CompanyField, FieldFeedback>>;

export const EMPTY_DRAFT: CompanyDraft = {
  siret: '',
  name: '',
  nafCode: '',
  sector: '',
  headcount: '',
  postalCode: '',
  city: '',
  departement: '',
  departementEdited: false,
};

export function draftOfCompany(company: Company): CompanyDraft {
  return {
    siret: formatSiret(company.siret),
    name: company.name,
    nafCode: company.nafCode,
    sector: company.sector,
    headcount: String(company.headcount),
    postalCode: company.postalCode,
    city: company.city,
    departement: company.departement,
    departementEdited: company.departement !== departementOfPostalCode(company.postalCode),
  };
}

/** A change of one field; a new postal code fills the département unless the user set it. */
export function withField(draft: CompanyDraft, field: CompanyField, value: string): CompanyDraft {
  if (field === 'departement') return { ...draft, departement: value.toUpperCase(), departementEdited: true };
  const next = { ...draft, [field]: value };
  if (field === 'postalCode' && !draft.departementEdited) next.departement = departementOfPostalCode(value.trim()) ?? '';
  return next;
}

/** On leaving a field, show it the way it is stored: `552 081 317 00011`, `25.62A`. */
export function tidyField(draft: CompanyDraft, field: CompanyField): CompanyDraft {
  if (field === 'siret') {
    const siret = normaliseSiret(draft.siret);
    return /^\d{14}$/.test(siret) ? { ...draft, siret: formatSiret(siret) } : draft;
  }
  if (field === 'nafCode') {
    const naf = normaliseNafCode(draft.nafCode);
    return naf ? { ...draft, nafCode: naf } : draft;
  }
  return draft;
}

/** « 1 200 » → 1200; null when empty; NaN when not a whole number. */
export function parseHeadcount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  return /^\d{1,9}$/.test(compact) ? Number(compact) : Number.NaN;
}

export function companyInputOf(draft: CompanyDraft): CompanyInput {
  return {
    siret: draft.siret,
    name: draft.name,
    nafCode: draft.nafCode,
    sector: draft.sector,
    headcount: parseHeadcount(draft.headcount) ?? Number.NaN,
    postalCode: draft.postalCode,
    city: draft.city,
    departement: draft.departement.trim() || undefined,
  };
}

/**
 * What the form sends to companies.save: the company as edited and, for an existing one, `base`:
 * the input of the draft the form started from. The service then writes only the fields that
 * differ from it, and keeps another device's change to any other field (core/contract.ts).
 */
export function companySaveInput(id: string | null, initial: CompanyDraft, draft: CompanyDraft, programmeId: string): InputOf<'companies.save'> {
  const input = { ...companyInputOf(draft), programmeId };
  return id === null ? input : { id, ...input, base: companyInputOf(initial) };
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * Every field's first message (errors before warnings). Numbers in messages are formatted for the
 * user's language (« 5 000 »). An empty or non-numeric headcount gets its own message rather than
 * the range rule's.
 */
export function validateDraft(draft: CompanyDraft, limits: ProgrammeLimits, t: Translate, number: (value: number) => string): CompanyFeedback {
  const input = companyInputOf(draft);
  const headcount = parseHeadcount(draft.headcount);
  const { issues } = checkCompany({ ...input, headcount: Number.isInteger(headcount) ? headcount! : limits.minHeadcount }, limits);
  const feedback: CompanyFeedback = {};
  if (headcount === null) feedback.headcount = { text: t('directory.company.headcount.required'), severity: 'error' };
  else if (!Number.isInteger(headcount)) feedback.headcount = { text: t('directory.company.headcount.number'), severity: 'error' };
  for (const severity of ['error', 'warning'] as const) {
    for (const issue of issues) {
      const field = issue.field as CompanyField;
      if (issue.severity !== severity || feedback[field]) continue;
      const params = Object.fromEntries(Object.entries(issue.params).map(([name, value]) => [name, typeof value === 'number' ? number(value) : value]));
      feedback[field] = { text: t(issue.messageKey, params), severity };
    }
  }
  return feedback;
}

/** A fixed-length field is judged as soon as it is complete, without waiting for the user to leave it. */
export function isComplete(draft: CompanyDraft, field: CompanyField): boolean {
  if (field === 'siret') return normaliseSiret(draft.siret).length >= 14;
  if (field === 'postalCode' || field === 'departement') return draft.postalCode.trim().length >= 5;
  return false;
}

export function isCompanyField(field: string): field is CompanyField {
  return (COMPANY_FIELDS as readonly string[]).includes(field);
}
