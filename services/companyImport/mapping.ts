// Which column of the file holds which company field: suggested from the header names, French
// or English, however they are spelled; the user's own choice always wins.
import { COMPANY_IMPORT_FIELDS, type CompanyImportField, type CompanyImportMapping } from '../../core/domainViews';
import { CarnetError } from '../../core/errors';
import { translate } from '../../core/i18n';
import type { Locale } from '../../core/domain';

export const REQUIRED_IMPORT_FIELDS: readonly CompanyImportField[] = ['siret', 'name', 'nafCode', 'headcount', 'postalCode', 'city'];

/** A header without case, accents, spaces or punctuation: « N° SIRET » → `nsiret`. */
export function headerKey(header: string): string {
  return header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Keys as headerKey gives them. Longer ones also match headers they start (« Effectif 2023 »).
const SYNONYMS: Record<CompanyImportField, string[]> = {
  siret: ['siret', 'nsiret', 'nosiret', 'numsiret', 'numerosiret', 'siretetablissement', 'siretdeletablissement', 'siretdusite'],
  name: ['raisonsociale', 'nom', 'entreprise', 'nomentreprise', 'nomdelentreprise', 'denomination', 'denominationsociale', 'societe', 'name', 'company', 'companyname', 'legalname'],
  nafCode: ['codenaf', 'naf', 'ape', 'codeape', 'nafape', 'apenaf', 'codenafape', 'codeapenaf', 'nafcode', 'apecode'],
  sector: ['secteur', 'filiere', 'secteurdactivite', 'secteurfiliere', 'filiereindustrielle', 'sector', 'industry'],
  headcount: ['effectif', 'effectifs', 'salaries', 'nombredesalaries', 'nbsalaries', 'nbdesalaries', 'effectifsalarie', 'headcount', 'employees', 'numberofemployees', 'staff'],
  postalCode: ['codepostal', 'cp', 'postalcode', 'zipcode', 'zip', 'postcode'],
  city: ['commune', 'ville', 'localite', 'city', 'town', 'communedusite', 'villedusite'],
  departement: ['departement', 'dept', 'dep', 'dpt', 'department', 'codedepartement', 'numerodepartement'],
};

/** Each field gets the first header naming it exactly, else the first header starting with a long enough synonym. */
export function suggestMapping(headers: readonly string[]): CompanyImportMapping {
  const mapping = Object.fromEntries(COMPANY_IMPORT_FIELDS.map((field) => [field, null])) as CompanyImportMapping;
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const assign = (matches: (key: string, synonym: string) => boolean) => {
    for (const field of COMPANY_IMPORT_FIELDS) {
      if (mapping[field] !== null) continue;
      const column = keys.findIndex((key, index) => !taken.has(index) && key !== '' && SYNONYMS[field].some((synonym) => matches(key, synonym)));
      if (column < 0) continue;
      mapping[field] = headers[column]!;
      taken.add(column);
    }
  };
  assign((key, synonym) => key === synonym);
  assign((key, synonym) => synonym.length >= 4 && key.startsWith(synonym));
  return mapping;
}

export interface ResolvedMapping {
  mapping: CompanyImportMapping;
  /** Index of each field's column in the records, null when the field is not imported. */
  columns: Record<CompanyImportField, number | null>;
}

/** The suggestion, overridden field by field by the caller's mapping (null = not imported). */
export function resolveMapping(headers: readonly string[], override: Partial<CompanyImportMapping> | undefined, locale: Locale): ResolvedMapping {
  const mapping = suggestMapping(headers);
  const columns = {} as Record<CompanyImportField, number | null>;
  for (const field of COMPANY_IMPORT_FIELDS) {
    const chosen = override?.[field];
    if (chosen !== undefined) mapping[field] = chosen;
    const header = mapping[field];
    if (header === null) {
      columns[field] = null;
      continue;
    }
    const column = headers.indexOf(header);
    if (column < 0) {
      const label = translate(locale, `rule.import.field.${field}`);
      throw new CarnetError('rule_violation', 'rule.import.column.unknown', { column: header, field: label }, { field: `mapping.${field}` });
    }
    columns[field] = column;
  }
  return { mapping, columns };
}
