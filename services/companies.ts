import type { z } from 'zod';
import { checkCompany } from '../core/companies';
import type { contract } from '../core/contract';
import type { Company } from '../core/domain';
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

/** Creates or updates a company: errors refuse the save, warnings come back with it. */
export async function saveCompany(context: ServiceContext, input: CompanyInput): Promise<SavedCompany> {
  const locale = context.settings.get().locale;
  const programme = await getProgramme(context.db, input.programmeId ?? DEFAULT_PROGRAMME_ID);
  const { company, issues } = checkCompany(input, programme);
  return context.db.transaction(async (trx) => {
    if (input.id) await getCompany(trx, input.id, 'id');
    const twin = await trx<CompanyRow>('companies').where({ siret: company.siret }).whereNot('id', input.id ?? '').first();
    if (twin) issues.push(ruleError('siret', 'rule.company.siret.duplicate', { value: company.siret, name: twin.name }));
    refuseOnErrors(issues, locale);
    // A new company's id comes from its SIRET, unless a company since given another SIRET holds it.
    const natural = companyIdOf(company.siret);
    const id = input.id ?? ((await trx('companies').where({ id: natural }).first('id')) ? context.newId() : natural);
    const saved: Company = { id, ...company };
    if (input.id) await trx('companies').where({ id: saved.id }).update(companyToRow(saved));
    else await trx('companies').insert(companyToRow(saved));
    return { company: saved, warnings: toFindings(issues, locale) };
  });
}
