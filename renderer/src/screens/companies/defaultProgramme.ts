import type { ProgrammeView } from '../../../../core/domainViews';

/** The programme shipped with the app (db/defaultProgramme.ts); its id is the same on every device. */
const DEFAULT_PROGRAMME_ID = '01FKZ0RD000000000000000000';

/** The programme whose rules a company is checked against: the default one, else the first. */
export function programmeForCompanies(programmes: readonly ProgrammeView[]): ProgrammeView | null {
  return programmes.find((programme) => programme.id === DEFAULT_PROGRAMME_ID) ?? programmes[0] ?? null;
}
