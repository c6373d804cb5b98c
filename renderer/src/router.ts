import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'list' }
  | { name: 'engagement'; id: string }
  | { name: 'newEngagement' }
  | { name: 'companies' }
  | { name: 'consultants' }
  | { name: 'dashboard' }
  | { name: 'programmes' }
  | { name: 'timesheet' }
  | { name: 'settings' }
  | { name: 'sync' }
  | { name: 'review' }
  | { name: 'reviewPackage'; key: string }
  | { name: 'regionProgramme' }
  | { name: 'notFound'; path: string };

/** Screens reached by a fixed path. */
const STATIC_ROUTES: Record<string, Route> = {
  '/engagements/new': { name: 'newEngagement' },
  '/companies': { name: 'companies' },
  '/consultants': { name: 'consultants' },
  '/dashboard': { name: 'dashboard' },
  '/programmes': { name: 'programmes' },
  '/timesheet': { name: 'timesheet' },
  '/settings': { name: 'settings' },
  '/sync': { name: 'sync' },
  '/review': { name: 'review' },
  '/region/programme': { name: 'regionProgramme' },
};

/** `#/` (or an empty hash) → list, `#/engagements/<id>` → engagement page. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { name: 'list' };
  // A query after the path (`#/timesheet?week=2022-06-13`) is the screen's own business.
  const fixed = STATIC_ROUTES[path.replace(/\?.*$/, '').replace(/\/$/, '')];
  if (fixed) return fixed;
  const engagement = /^\/engagements\/([^/]+)\/?$/.exec(path);
  if (engagement) {
    try {
      return { name: 'engagement', id: decodeURIComponent(engagement[1]!) };
    } catch {
      return { name: 'notFound', path };
    }
  }
  // A package's key is hexadecimal (see services/review).
  const reviewPackage = /^\/review\/([0-9a-f]{8,64})\/?$/.exec(path);
  if (reviewPackage) return { name: 'reviewPackage', key: reviewPackage[1]! };
  return { name: 'notFound', path };
}

/** The parts of the sync screen a link may lead to. */
export type SyncSection = 'problems' | 'conflicts';

/** `#/sync?section=conflicts` → 'conflicts'. */
export function syncSectionOf(hash: string): SyncSection | null {
  const section = /[?&]section=(problems|conflicts)(?:&|$)/.exec(hash)?.[1];
  return (section as SyncSection | undefined) ?? null;
}

export const hrefs = {
  list: () => '#/',
  engagement: (id: string) => `#/engagements/${encodeURIComponent(id)}`,
  newEngagement: () => '#/engagements/new',
  companies: () => '#/companies',
  consultants: () => '#/consultants',
  dashboard: () => '#/dashboard',
  programmes: () => '#/programmes',
  timesheet: () => '#/timesheet',
  settings: () => '#/settings',
  /** The sync screen, optionally brought to one of its sections (`#/sync?section=conflicts`). */
  sync: (section?: SyncSection) => (section ? `#/sync?section=${section}` : '#/sync'),
  /** The Région's review queue. */
  review: () => '#/review',
  reviewPackage: (key: string) => `#/review/${key}`,
  regionProgramme: () => '#/region/programme',
};

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** A string that changes exactly when the screen changes. */
export function routeKey(route: Route): string {
  switch (route.name) {
    case 'list':
      return 'list';
    case 'engagement':
      return `engagement:${route.id}`;
    case 'reviewPackage':
      return `reviewPackage:${route.key}`;
    case 'notFound':
      return `notFound:${route.path}`;
    default:
      return route.name;
  }
}
