// Company rules (PRODUCT.md, "Company"): SIRET, NAF code, headcount range of the programme,
// département of the site (outside the programme's region: a warning, never a block).
import type { Company, Programme } from './domain';
import { ruleError, ruleWarning, type RuleIssue } from './rules';
import { normaliseNafCode, normaliseSiret, siretProblem } from './siret';

/** A company as typed or imported; the département defaults to the postal code's. */
export type CompanyInput = Omit<Company, 'id' | 'departement'> & { departement?: string | undefined };

/** Département of a French postal code: 2 digits, 3 overseas (97x), 2A/2B for Corsica. */
export function departementOfPostalCode(postalCode: string): string | null {
  if (!/^\d{5}$/.test(postalCode)) return null;
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return postalCode.slice(0, 3);
  if (postalCode.startsWith('20')) return Number(postalCode) < 20200 ? '2A' : '2B';
  return postalCode.slice(0, 2);
}

export type ProgrammeLimits = Pick<Programme, 'minHeadcount' | 'maxHeadcount' | 'departements'>;

/**
 * Checks a company against the rules and returns its normalised form (SIRET without spaces,
 * NAF code `NN.NNL`, trimmed text) with every issue found, errors and warnings alike.
 */
export function checkCompany(input: CompanyInput, programme: ProgrammeLimits): { company: Omit<Company, 'id'>; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const siret = normaliseSiret(input.siret.trim());
  const siretIssue = siretProblem(siret);
  if (siretIssue === 'format') issues.push(ruleError('siret', 'rule.company.siret.format', { value: input.siret.trim() }));
  if (siretIssue === 'checksum') issues.push(ruleError('siret', 'rule.company.siret.checksum', { value: siret }));

  const name = input.name.trim();
  if (!name) issues.push(ruleError('name', 'rule.company.name.required'));

  const nafCode = normaliseNafCode(input.nafCode);
  if (!nafCode) issues.push(ruleError('nafCode', 'rule.company.naf.format', { value: input.nafCode.trim() }));

  if (!Number.isInteger(input.headcount) || input.headcount < programme.minHeadcount || input.headcount > programme.maxHeadcount) {
    issues.push(ruleError('headcount', 'rule.company.headcount.range', { value: input.headcount, min: programme.minHeadcount, max: programme.maxHeadcount }));
  }

  const postalCode = input.postalCode.trim();
  const derived = departementOfPostalCode(postalCode);
  if (!derived) issues.push(ruleError('postalCode', 'rule.company.postalCode.format', { value: postalCode }));
  const city = input.city.trim();
  if (!city) issues.push(ruleError('city', 'rule.company.city.required'));

  const departement = (input.departement?.trim() || derived || '').toUpperCase();
  if (departement && !programme.departements.includes(departement)) {
    issues.push(ruleWarning('departement', 'rule.company.departement.outside', { value: departement, list: programme.departements.join(', ') }));
  }

  return {
    company: { siret, name, nafCode: nafCode ?? input.nafCode.trim(), sector: input.sector.trim(), headcount: input.headcount, postalCode, city, departement },
    issues,
  };
}
