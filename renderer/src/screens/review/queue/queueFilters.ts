import type { SortingState } from '@tanstack/react-table';
import { FINDING_CATEGORIES, type ReviewQueueRow, type ReviewStatus } from '../../../../../core/review';
import { normalizeForSearch } from '../../../lib/format';

/** What the reviewer chose on the queue; kept by the App so that it survives opening a package. */
export interface QueueFilters {
  search: string;
  status: ReviewStatus | '';
  firm: string;
  /** Only the packages the verifier found something in. */
  findingsOnly: boolean;
  /** Versions a later version of the same engagement replaced are hidden unless asked for. */
  showSuperseded: boolean;
  sorting: SortingState;
}

export const INITIAL_QUEUE_FILTERS: QueueFilters = {
  search: '',
  status: '',
  firm: '',
  findingsOnly: false,
  showSuperseded: false,
  sorting: [{ id: 'submittedAt', desc: true }],
};

// The package last opened from the queue, focused again when the reviewer comes back to it.
let lastOpenedKey: string | null = null;

export function rememberOpenedPackage(key: string): void {
  lastOpenedKey = key;
}

/** The package opened last (once: a later visit starts at the top). */
export function takeOpenedPackage(): string | null {
  const key = lastOpenedKey;
  lastOpenedKey = null;
  return key;
}

export function findingsTotal(row: ReviewQueueRow): number {
  return FINDING_CATEGORIES.reduce((sum, category) => sum + row.findingCounts[category], 0);
}

// One normalized text per row (company, reference, SIRET), built once.
const haystacks = new WeakMap<ReviewQueueRow, string>();

function searchText(row: ReviewQueueRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = normalizeForSearch([row.companyName ?? '', row.ref, row.siret ?? ''].join(' \u0000 '));
    haystacks.set(row, text);
  }
  return text;
}

/** Every word must appear; a SIRET typed with spaces (« 552 081 317 00011 ») still matches. */
export function matchesSearch(row: ReviewQueueRow, query: string): boolean {
  const normalized = normalizeForSearch(query.trim());
  if (normalized === '') return true;
  const text = searchText(row);
  if (normalized.split(/\s+/).every((term) => text.includes(term))) return true;
  const digits = /^[\d\s]+$/.test(normalized) ? normalized.replace(/\s+/g, '') : '';
  return digits.length >= 3 && (row.siret ?? '').includes(digits);
}

/** The rows the table shows: every filter of the toolbar applied (the sort is the table's). */
export function filterQueueRows(rows: readonly ReviewQueueRow[], filters: Omit<QueueFilters, 'sorting'>): ReviewQueueRow[] {
  return rows.filter(
    (row) =>
      (filters.showSuperseded || !row.superseded) &&
      (filters.status === '' || row.status === filters.status) &&
      (filters.firm === '' || row.firm === filters.firm) &&
      (!filters.findingsOnly || findingsTotal(row) > 0) &&
      matchesSearch(row, filters.search),
  );
}

/** Whether any filter narrows the rows (the sort does not). */
export function isFiltered(filters: QueueFilters): boolean {
  return filters.search.trim() !== '' || filters.status !== '' || filters.firm !== '' || filters.findingsOnly || filters.showSuperseded;
}
