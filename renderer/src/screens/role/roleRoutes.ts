import type { Role } from '../../../../core/review';
import { hrefs, type Route } from '../../router';

// Which screens each role reaches: the firm's (engagements, timesheet, sync…) and the Région's
// (the review queue, a package, the programme across firms); settings and « page not found » are
// everyone's.
const REGION_SCREENS: ReadonlySet<Route['name']> = new Set(['review', 'reviewPackage', 'regionProgramme']);
const SHARED_SCREENS: ReadonlySet<Route['name']> = new Set(['settings', 'notFound']);

export function routeAllowed(route: Route, role: Role): boolean {
  if (SHARED_SCREENS.has(route.name)) return true;
  return REGION_SCREENS.has(route.name) === (role === 'region');
}

/** Where each role starts: the engagements list, or the Région's review queue. */
export function homeHref(role: Role): string {
  return role === 'region' ? hrefs.review() : hrefs.list();
}

/** Goes to `href` without a history entry (a redirect must not trap the Back button). */
export function replaceHash(href: string): void {
  window.location.replace(href);
}
