import type { Programme, Wave } from '../core/domain';

// Every device creates the default programme by itself, so its ids are fixed: two new devices
// that sync must not end up with two copies of it (ARCHITECTURE.md, "Sync").
export const DEFAULT_PROGRAMME_ID = '01FKZ0RD000000000000000000';

export const DEFAULT_PROGRAMME: Programme = {
  id: DEFAULT_PROGRAMME_ID,
  name: 'Relocalisation / Diversification — Région Centre-Val de Loire',
  funders: ['Région Centre-Val de Loire', 'Banque des Territoires'],
  publicShareBasisPoints: 8000,
  minDays: 6,
  maxDays: 12,
  envelopeCents: 300_000_00,
  minHeadcount: 10,
  maxHeadcount: 5000,
  departements: ['18', '28', '36', '37', '41', '45'],
  opensOn: '2021-11-10',
  closesOn: '2023-05-10',
};

// The call announces "several waves" with a first deadline on 28 January 2022; the later
// deadlines are not published, so they stay empty until the programme manager sets them.
export const DEFAULT_WAVES: Wave[] = [
  { id: '01FKZ0RD00000000000000VAG1', programmeId: DEFAULT_PROGRAMME_ID, name: 'Vague 1', deadlineOn: '2022-01-28', ordinal: 1 },
  { id: '01FKZ0RD00000000000000VAG2', programmeId: DEFAULT_PROGRAMME_ID, name: 'Vague 2', deadlineOn: null, ordinal: 2 },
  { id: '01FKZ0RD00000000000000VAG3', programmeId: DEFAULT_PROGRAMME_ID, name: 'Vague 3', deadlineOn: null, ordinal: 3 },
];
