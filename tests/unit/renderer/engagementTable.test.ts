// The list's real column definitions, run through TanStack Table's core (no DOM): sort orders,
// filters and the search behave as the screen promises.
import { constructTable, tableFeatures, type SortingState } from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { describe, expect, it } from 'vitest';
import type { EngagementRow } from '../../../core/domain';
import { translate } from '../../../core/i18n';
import { engagementColumns, features } from '../../../renderer/src/screens/list/engagementColumns';
import { rowMatches, searchTerms } from '../../../renderer/src/screens/list/search';

// Outside React, the core needs its store bindings in place of the adapter's.
const coreFeatures = tableFeatures({ ...features, coreReactivityFeature: storeReactivityBindings() });

const row = (overrides: Partial<EngagementRow>): EngagementRow => ({
  id: overrides.ref ?? 'x',
  ref: 'RD-2022-001',
  companyName: 'Entreprise',
  companyCity: 'Tours',
  departement: '37',
  waveName: 'Vague 1',
  projectType: 'diversification',
  phase: 'etude',
  status: 'draft',
  consultantNames: ['Claire Dubreuil'],
  allowanceDays: 10,
  halfDaysLogged: 0,
  ...overrides,
});

const rows: EngagementRow[] = [
  row({ ref: 'RD-2022-010', companyName: 'Émaillerie de Gien', companyCity: 'Gien', departement: '45', waveName: 'Vague 10', status: 'closed', halfDaysLogged: 20, phase: 'developpement' }),
  row({ ref: 'RD-2022-002', companyName: 'Fonderie Vierzonnaise', companyCity: 'Vierzon', departement: '18', waveName: 'Vague 2', status: 'in_progress', halfDaysLogged: 5, consultantNames: ['Marc Lefèvre', 'Nadia Benali'] }),
  row({ ref: 'RD-2022-001', companyName: 'Décolletage du Berry', companyCity: 'Bourges', departement: '18', waveName: 'Vague 1', status: 'committed', halfDaysLogged: 17, phase: 'lancement' }),
];

function tableFor(options: { sorting?: SortingState; columnFilters?: { id: string; value: unknown }[]; globalFilter?: string; locale?: 'fr' | 'en' }) {
  const locale = options.locale ?? 'fr';
  return constructTable({
    features: coreFeatures,
    columns: engagementColumns({ locale, t: (key, params) => translate(locale, key, params) }),
    data: rows,
    getRowId: (engagement) => engagement.id,
    state: { sorting: options.sorting ?? [], columnFilters: options.columnFilters ?? [], globalFilter: options.globalFilter },
    getColumnCanGlobalFilter: (column) => column.id === 'ref',
    globalFilterFn: Object.assign((r: { original: EngagementRow }, _id: string, terms: string[]) => rowMatches(r.original, terms), {
      resolveFilterValue: (query: unknown) => searchTerms(String(query)),
    }),
  });
}

const refs = (table: ReturnType<typeof tableFor>) => table.getRowModel().rows.map((r) => r.original.ref);

describe('engagements table columns', () => {
  it('sorts references and waves in natural order (2 before 10)', () => {
    expect(refs(tableFor({ sorting: [{ id: 'ref', desc: false }] }))).toEqual(['RD-2022-001', 'RD-2022-002', 'RD-2022-010']);
    expect(refs(tableFor({ sorting: [{ id: 'wave', desc: false }] }))).toEqual(['RD-2022-001', 'RD-2022-002', 'RD-2022-010']);
  });

  it('sorts company names the French way (É with E)', () => {
    expect(refs(tableFor({ sorting: [{ id: 'company', desc: false }] }))).toEqual(['RD-2022-001', 'RD-2022-010', 'RD-2022-002']);
  });

  it('sorts statuses and phases by the lifecycle, not alphabetically', () => {
    expect(refs(tableFor({ sorting: [{ id: 'status', desc: false }] }))).toEqual(['RD-2022-001', 'RD-2022-002', 'RD-2022-010']);
    expect(refs(tableFor({ sorting: [{ id: 'phase', desc: true }] }))[0]).toBe('RD-2022-010');
  });

  it('sorts the allowance by the share used', () => {
    // 5/20 = 25 %, 17/20 = 85 %, 20/20 = 100 %
    expect(refs(tableFor({ sorting: [{ id: 'allowance', desc: true }] }))).toEqual(['RD-2022-010', 'RD-2022-001', 'RD-2022-002']);
  });

  it('filters by status and by wave', () => {
    expect(refs(tableFor({ columnFilters: [{ id: 'status', value: 'in_progress' }] }))).toEqual(['RD-2022-002']);
    expect(refs(tableFor({ columnFilters: [{ id: 'wave', value: 'Vague 1' }] }))).toEqual(['RD-2022-001']);
  });

  it('searches company, reference, city and consultants, ignoring case and accents', () => {
    expect(refs(tableFor({ globalFilter: 'emaillerie' }))).toEqual(['RD-2022-010']);
    expect(refs(tableFor({ globalFilter: 'BOURGES' }))).toEqual(['RD-2022-001']);
    expect(refs(tableFor({ globalFilter: 'lefevre' }))).toEqual(['RD-2022-002']);
    expect(refs(tableFor({ globalFilter: 'rd-2022-00' }))).toEqual(['RD-2022-002', 'RD-2022-001']);
    // Every word must match.
    expect(refs(tableFor({ globalFilter: 'nadia vierzon' }))).toEqual(['RD-2022-002']);
    expect(refs(tableFor({ globalFilter: 'nadia bourges' }))).toEqual([]);
  });

  it('combines the search with the filters', () => {
    expect(refs(tableFor({ globalFilter: '18', columnFilters: [{ id: 'status', value: 'committed' }] }))).toEqual(['RD-2022-001']);
  });

  it('labels its headers in the chosen language', () => {
    const headers = (locale: 'fr' | 'en') => tableFor({ locale }).getHeaderGroups()[0]!.headers.map((h) => h.column.columnDef.header);
    expect(headers('fr')).toContain('Jours consommés');
    expect(headers('en')).toContain('Days used');
  });
});
