import type { EngagementRow } from '../../../../core/domain';
import { normalizeForSearch } from '../../lib/format';

// One normalized text per row (reference, company, city, département, consultants), built once.
const haystacks = new WeakMap<EngagementRow, string>();

export function searchText(row: EngagementRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = normalizeForSearch([row.ref, row.companyName, row.companyCity, row.departement, ...row.consultantNames].join(' \u0000 '));
    haystacks.set(row, text);
  }
  return text;
}

/** The words of a query, normalized; a row matches when it contains every word. */
export function searchTerms(query: string): string[] {
  return normalizeForSearch(query).split(/\s+/).filter(Boolean);
}

export function rowMatches(row: EngagementRow, terms: readonly string[]): boolean {
  const text = searchText(row);
  return terms.every((term) => text.includes(term));
}
