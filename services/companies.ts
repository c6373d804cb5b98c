import type { z } from 'zod';
import { checkCompany, type CompanyInput as CoreCompanyInput } from '../core/companies';
import type { contract } from '../core/contract';
import type { Company, Programme } from '../core/domain';
import type { CompanyListRow, SavedCompany } from '../core/domainViews';
import { CarnetError } from '../core/errors';
import { ruleError } from '../core/rules';
import type { Database } from '../db/connection';
import { DEFAULT_PROGRAMME_ID } from '../db/defaultProgramme';
import { companyFromRow, companyToRow, type CompanyRow } from '../db/rows';
import type { ServiceContext } from './context';
import { refuseOnErrors, toFindings } from './findings';
import { getProgramme } from './programmes';
import { frenchOrder, normalizeForSearch } from '../core/text';
import { companyIdOf } from '../db/sync/naturalIds';

type CompanyInput = z.output<(typeof contract)['companies.save']['input']>;
/** A company's own fields as typed (the département may be left to the postal code). */
type CompanyInputFields = CoreCompanyInput;

export async function getCompany(db: Database, id: string, field = 'companyId'): Promise<Company> {
  const row = await db<CompanyRow>('companies').where({ id }).first();
  if (!row) throw new CarnetError('not_found', 'error.not_found.company', { id }, { field });
  return companyFromRow(row);
}

/** Companies by name, searched by name, SIRET (spaces ignored) or town, accents ignored. */
export async function listCompanies(db: Database, query = ''): Promise<CompanyListRow[]> {
  const counts = db('engagements').select('company_id').count({ engagement_count: '*' }).groupBy('company_id').as('counts');
  const rows: (CompanyRow & { engagement_count: number | null })[] = await db('companies as c')
    .leftJoin(counts, 'counts.company_id', 'c.id')
    .select('c.*', 'counts.engagement_count');
  const needle = normalizeForSearch(query.trim());
  const compactNeedle = needle.replace(/\s+/g, '');
  return rows
    .filter((row) => !needle || normalizeForSearch(row.name).includes(needle) || normalizeForSearch(row.city).includes(needle) || (compactNeedle.length > 0 && row.siret.includes(compactNeedle)))
    .map((row) => ({ ...companyFromRow(row), engagementCount: Number(row.engagement_count ?? 0) }))
    .sort((a, b) => frenchOrder.compare(a.name, b.name));
}

/**
 * The company a save leads to, as typed (checked below as any input is). A change with `base` (the
 * values its form started from) takes from the input only the fields whose stored form differs
 * from base's — a SIRET typed with spaces is no change — and keeps the others as they are now:
 * sync may have brought another device's change to them since (core/contract.ts).
 */
function companyAfter(input: CompanyInput, current: Company | null, programme: Programme): CompanyInputFields {
  if (!current || !input.base) return input;
  const typed = checkCompany(input, programme).company;
  const started = checkCompany(input.base, programme).company;
  const pick = <K extends keyof CompanyInputFields>(field: K): CompanyInputFields[K] => (typed[field] === started[field] ? current[field] : input[field]);
  return {
    siret: pick('siret'),
    name: pick('name'),
    nafCode: pick('nafCode'),
    sector: pick('sector'),
    headcount: pick('headcount'),
    postalCode: pick('postalCode'),
    city: pick('city'),
    departement: pick('departement'),
  };
}

/** Creates or updates a company: errors refuse the save, warnings come back with it. */
export async function saveCompany(context: ServiceContext, input: CompanyInput): Promise<SavedCompany> {
  const locale = context.settings.get().locale;
  return context.db.transaction(async (trx) => {
    const programme = await getProgramme(trx, input.programmeId ?? DEFAULT_PROGRAMME_ID);
    const current = input.id ? await getCompany(trx, input.id, 'id') : null;
    const { company, issues } = checkCompany(companyAfter(input, current, programme), programme);
    const twin = await trx<CompanyRow>('companies').where({ siret: company.siret }).whereNot('id', input.id ?? '').first();
    if (twin) issues.push(ruleError('siret', 'rule.company.siret.duplicate', { value: company.siret, name: twin.name }));
    refuseOnErrors(issues, locale);
    // A new company's id comes from its SIRET, unless a company since given another SIRET holds it.
    const natural = companyIdOf(company.siret);
    const id = current?.id ?? ((await trx('companies').where({ id: natural }).first('id')) ? context.newId() : natural);
    const saved: Company = { id, ...company };
    if (current) await trx('companies').where({ id: saved.id }).update(companyToRow(saved));
    else await trx('companies').insert(companyToRow(saved));
    return { company: saved, warnings: toFindings(issues, locale) };
  });
}
