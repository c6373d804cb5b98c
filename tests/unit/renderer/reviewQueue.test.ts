// The Région's queue: the toolbar's filters (pure) and the real column definitions run through
// TanStack Table's core (no DOM) — what the screen promises about filtering and sorting.
import { constructTable, tableFeatures, type SortingState } from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../core/i18n';
import { formatDays, formatMoney } from '../../../core/money';
import type { ReviewQueueRow } from '../../../core/review';
import { formatIsoDate } from '../../../renderer/src/lib/format';
import { queueColumns, queueFeatures, submittedDay } from '../../../renderer/src/screens/review/queue/queueColumns';
import { filterQueueRows, findingsTotal, INITIAL_QUEUE_FILTERS, isFiltered, matchesSearch, rememberOpenedPackage, takeOpenedPackage, type QueueFilters } from '../../../renderer/src/screens/review/queue/queueFilters';

const coreFeatures = tableFeatures({ ...queueFeatures, coreReactivityFeature: storeReactivityBindings() });

const row = (overrides: Partial<ReviewQueueRow>): ReviewQueueRow => ({
  key: overrides.ref ?? 'k',
  firm: 'Cabinet Loire Industrie Conseil',
  exchangeFolder: '/srv/echange',
  folder: '/srv/echange/packages/x/v1',
  ref: 'RD-2022-001',
  version: 1,
  companyName: 'Entreprise',
  siret: '55208131700011',
  submittedAt: '2022-06-01T10:00:00.000Z',
  status: 'new',
  decidedAt: null,
  findings: [],
  findingCounts: { integrity: 0, arithmetic: 0, rules: 0 },
  halfDaysLogged: 10,
  amountCents: 500_000,
  publicShareCents: 400_000,
  wave: 'Vague 1',
  projectType: 'diversification',
  departement: '18',
  sector: 'Métallurgie',
  superseded: false,
  manifestSha256: 'a'.repeat(64),
  ...overrides,
});

const finding = (category: 'integrity' | 'arithmetic' | 'rules', message: string) => ({ category, file: 'report.html', field: 'sha256', message });

const rows: ReviewQueueRow[] = [
  row({ key: 'a1', ref: 'RD-2022-010', companyName: 'Émaillerie de Gien', siret: '40996250365161', submittedAt: '2022-06-03T09:00:00.000Z', status: 'approved', halfDaysLogged: 20, publicShareCents: 800_000 }),
  row({
    key: 'a2',
    ref: 'RD-2022-002',
    companyName: 'Fonderie Vierzonnaise',
    firm: 'Atelier Conseil',
    siret: '83829943617896',
    submittedAt: '2022-06-01T09:00:00.000Z',
    status: 'in_review',
    findings: [finding('integrity', 'report.html a été modifié'), finding('arithmetic', 'La part publique ne correspond pas')],
    findingCounts: { integrity: 1, arithmetic: 1, rules: 0 },
    halfDaysLogged: null,
    publicShareCents: null,
  }),
  row({ key: 'a3', ref: 'RD-2022-001', companyName: 'Décolletage du Berry', siret: '70891487492495', submittedAt: '2022-06-02T09:00:00.000Z', status: 'new', findings: [finding('rules', 'Une journée hors du programme')], findingCounts: { integrity: 0, arithmetic: 0, rules: 1 }, halfDaysLogged: 5 }),
  row({ key: 'a0', ref: 'RD-2022-001', version: 1, companyName: 'Décolletage du Berry', siret: '70891487492495', submittedAt: '2022-05-20T09:00:00.000Z', status: 'changes_requested', superseded: true }),
];
rows[2]!.version = 2;

const filters = (patch: Partial<QueueFilters>): QueueFilters => ({ ...INITIAL_QUEUE_FILTERS, ...patch });
const keys = (list: readonly ReviewQueueRow[]) => list.map((r) => r.key);

describe('queue filters', () => {
  it('hides the replaced versions unless asked', () => {
    expect(keys(filterQueueRows(rows, filters({})))).toEqual(['a1', 'a2', 'a3']);
    expect(keys(filterQueueRows(rows, filters({ showSuperseded: true })))).toEqual(['a1', 'a2', 'a3', 'a0']);
  });

  it('filters by status, by firm, and to the packages with findings', () => {
    expect(keys(filterQueueRows(rows, filters({ status: 'in_review' })))).toEqual(['a2']);
    expect(keys(filterQueueRows(rows, filters({ status: 'changes_requested' })))).toEqual([]);
    expect(keys(filterQueueRows(rows, filters({ status: 'changes_requested', showSuperseded: true })))).toEqual(['a0']);
    expect(keys(filterQueueRows(rows, filters({ firm: 'Atelier Conseil' })))).toEqual(['a2']);
    expect(keys(filterQueueRows(rows, filters({ findingsOnly: true })))).toEqual(['a2', 'a3']);
    expect(keys(filterQueueRows(rows, filters({ findingsOnly: true, firm: 'Cabinet Loire Industrie Conseil' })))).toEqual(['a3']);
  });

  it('searches company, reference and SIRET, ignoring case and accents; a SIRET may be typed with spaces', () => {
    expect(keys(filterQueueRows(rows, filters({ search: 'emaillerie' })))).toEqual(['a1']);
    expect(keys(filterQueueRows(rows, filters({ search: 'rd-2022-00' })))).toEqual(['a2', 'a3']);
    expect(keys(filterQueueRows(rows, filters({ search: '838 299 436' })))).toEqual(['a2']);
    expect(keys(filterQueueRows(rows, filters({ search: 'berry 2022-001' })))).toEqual(['a3']);
    expect(keys(filterQueueRows(rows, filters({ search: 'berry gien' })))).toEqual([]);
    // The firm is its own filter, not part of the search.
    expect(matchesSearch(rows[1]!, 'atelier')).toBe(false);
    expect(matchesSearch(rows[1]!, '  ')).toBe(true);
  });

  it('counts findings over every category and knows when the rows are narrowed', () => {
    expect(rows.map(findingsTotal)).toEqual([0, 2, 1, 0]);
    expect(isFiltered(INITIAL_QUEUE_FILTERS)).toBe(false);
    expect(isFiltered(filters({ sorting: [{ id: 'ref', desc: false }] }))).toBe(false);
    expect(isFiltered(filters({ search: ' x ' }))).toBe(true);
    expect(isFiltered(filters({ findingsOnly: true }))).toBe(true);
  });

  it('remembers the package opened from the queue once', () => {
    rememberOpenedPackage('a2');
    expect(takeOpenedPackage()).toBe('a2');
    expect(takeOpenedPackage()).toBeNull();
  });
});

function tableFor(sorting: SortingState, locale: 'fr' | 'en' = 'fr') {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);
  return constructTable({
    features: coreFeatures,
    columns: queueColumns({
      t,
      locale,
      date: (iso, style) => formatIsoDate(iso, locale === 'fr' ? 'fr-FR' : 'en-GB', style),
      days: (halfDays) => formatDays(halfDays, locale),
      money: (cents) => formatMoney(cents, locale),
    }),
    data: rows,
    getRowId: (r) => r.key,
    state: { sorting },
  });
}

const sortedKeys = (sorting: SortingState) => tableFor(sorting).getRowModel().rows.map((r) => r.original.key);

describe('queue columns', () => {
  it('sort references in natural order and companies the French way', () => {
    expect(sortedKeys([{ id: 'ref', desc: false }]).slice(0, 2).sort()).toEqual(['a0', 'a3']);
    expect(sortedKeys([{ id: 'ref', desc: true }])[0]).toBe('a1');
    expect(sortedKeys([{ id: 'company', desc: false }])).toEqual(['a3', 'a0', 'a1', 'a2']);
  });

  it('sort statuses along the review, not alphabetically', () => {
    expect(sortedKeys([{ id: 'status', desc: false }])).toEqual(['a3', 'a2', 'a1', 'a0']);
  });

  it('sort findings by their count, integrity first, and figures with the unreadable ones lowest', () => {
    expect(sortedKeys([{ id: 'findings', desc: true }]).slice(0, 2)).toEqual(['a2', 'a3']);
    expect(sortedKeys([{ id: 'days', desc: false }])[0]).toBe('a2');
    expect(sortedKeys([{ id: 'days', desc: true }])[0]).toBe('a1');
    expect(sortedKeys([{ id: 'publicShare', desc: false }])[0]).toBe('a2');
  });

  it('sort versions and submission dates', () => {
    expect(sortedKeys([{ id: 'version', desc: true }])[0]).toBe('a3');
    expect(sortedKeys([{ id: 'submittedAt', desc: true }])).toEqual(['a1', 'a3', 'a2', 'a0']);
  });

  it('offer a sort on every column, headed in the chosen language', () => {
    const table = tableFor([]);
    expect(table.getAllLeafColumns().every((column) => column.getCanSort())).toBe(true);
    const headers = (locale: 'fr' | 'en') => tableFor([], locale).getHeaderGroups()[0]!.headers.map((h) => h.column.columnDef.header);
    expect(headers('fr')).toEqual(['Référence', 'Version', 'Entreprise', 'Cabinet', 'Déposé le', 'Statut', 'Anomalies', 'Jours', 'Part publique']);
    expect(headers('en')).toContain('Problems');
  });

  it('reads the submission day from the manifest’s date, and nothing from a malformed one', () => {
    expect(submittedDay(rows[0]!)).toBe('2022-06-03');
    expect(submittedDay(row({ submittedAt: null }))).toBeNull();
    expect(submittedDay(row({ submittedAt: 'hier' }))).toBeNull();
  });
});
