// Pure helpers of the review screen: the findings by category, the split's rows, the totals'
// changes between two versions.
import type { PackageTotals } from '../../../../../core/closingPackage';
import { FINDING_CATEGORIES, type FindingCategory, type ReviewFinding, type SplitComparison } from '../../../../../core/review';

/** The findings by category, in the queue's order (integrity, arithmetic, rules), empty ones left out. */
export function findingsByCategory(findings: readonly ReviewFinding[]): { category: FindingCategory; findings: ReviewFinding[] }[] {
  return FINDING_CATEGORIES.map((category) => ({ category, findings: findings.filter((finding) => finding.category === category) })).filter(
    (group) => group.findings.length > 0,
  );
}

export type TotalsField = keyof PackageTotals;
export const TOTALS_FIELDS: readonly TotalsField[] = ['halfDaysLogged', 'amountCents', 'publicShareCents', 'companyShareCents'];

export interface FigureRow {
  field: TotalsField;
  /** The package's figure (or the previous version's). */
  before: number;
  /** The app's recomputed figure (or this version's). */
  after: number;
  differs: boolean;
}

/** The package's stated totals beside the app's recomputation, each marked where they differ. */
export function splitRows(split: SplitComparison): FigureRow[] {
  return totalsRows(split.stated, split.recomputed);
}

/** Two sets of totals field by field. */
export function totalsRows(before: PackageTotals, after: PackageTotals): FigureRow[] {
  return TOTALS_FIELDS.map((field) => ({ field, before: before[field], after: after[field], differs: before[field] !== after[field] }));
}

/** Date and time of an ISO instant in the reader's time zone (`12 juin 2022 à 11:12`), or the text as given. */
export function formatInstant(iso: string, intlLocale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}
