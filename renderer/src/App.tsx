import { lazy, Suspense, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Role } from '../../core/review';
import { TopBar } from './components/TopBar';
import { useI18n } from './i18n';
import { routeKey, useRoute, type Route } from './router';
import type { Section } from './components/TopBar';
import { ErrorPanel, LoadingPanel } from './components/StatePanels';
import { EngagementPage } from './screens/EngagementPage';
import { EngagementsList } from './screens/EngagementsList';
import { NotFound } from './screens/NotFound';
import { INITIAL_LIST_FILTERS, type ListFilters, type ListMemory } from './screens/list/listView';
import { INITIAL_QUEUE_FILTERS, type QueueFilters } from './screens/review/queue/queueFilters';
import { RoleChoicePage } from './screens/role/RoleChoicePage';
import { RoleContext, type RoleState } from './screens/role/RoleContext';
import { homeHref, replaceHash, routeAllowed } from './screens/role/roleRoutes';
import { useSavedRole } from './screens/role/useSavedRole';
import { SyncStatusLine } from './sync/SyncStatusLine';
import { SyncStatusProvider } from './sync/SyncStatusProvider';

// Screens used less often than the list and the engagement page load on first visit.
const CompaniesPage = lazy(() => import('./screens/CompaniesPage').then((module) => ({ default: module.CompaniesPage })));
const ConsultantsPage = lazy(() => import('./screens/ConsultantsPage').then((module) => ({ default: module.ConsultantsPage })));
const DashboardPage = lazy(() => import('./screens/DashboardPage').then((module) => ({ default: module.DashboardPage })));
const NewEngagementPage = lazy(() => import('./screens/NewEngagementPage').then((module) => ({ default: module.NewEngagementPage })));
const TimesheetPage = lazy(() => import('./screens/TimesheetPage').then((module) => ({ default: module.TimesheetPage })));
const ProgrammesPage = lazy(() => import('./screens/ProgrammesPage').then((module) => ({ default: module.ProgrammesPage })));
const SettingsPage = lazy(() => import('./screens/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const SyncPage = lazy(() => import('./screens/SyncPage').then((module) => ({ default: module.SyncPage })));
// The Région's screens.
const ReviewQueuePage = lazy(() => import('./screens/review/ReviewQueuePage').then((module) => ({ default: module.ReviewQueuePage })));
const ReviewPackagePage = lazy(() => import('./screens/review/ReviewPackagePage').then((module) => ({ default: module.ReviewPackagePage })));
const RegionProgrammePage = lazy(() => import('./screens/region/RegionProgrammePage').then((module) => ({ default: module.RegionProgrammePage })));

/**
 * The settings say who uses this installation: until a role is chosen (first launch) the choice
 * is all there is; then the firm's screens or the Région's.
 */
export function App() {
  const { t } = useI18n();
  const { role, failure, reload, saveRole } = useSavedRole();
  // Set when the role was just chosen on the first-launch page: the shell starts with focus on its content.
  const [chosenNow, setChosenNow] = useState(false);
  const roleState = useMemo<RoleState | null>(() => (role ? { role, changeRole: saveRole } : null), [role, saveRole]);

  if (roleState) {
    return (
      <RoleContext value={roleState}>
        <AppShell role={roleState.role} focusOnArrival={chosenNow} />
      </RoleContext>
    );
  }
  if (role === null) {
    return (
      <RoleChoicePage
        onChoose={async (chosen) => {
          await saveRole(chosen);
          setChosenNow(true);
          replaceHash(homeHref(chosen));
        }}
      />
    );
  }
  return (
    <div className="app">
      <main id="main" className="app-main">
        <div className="screen">{failure ? <ErrorPanel message={failure} onRetry={reload} /> : <LoadingPanel label={t('common.loading')} />}</div>
      </main>
    </div>
  );
}

function AppShell({ role, focusOnArrival }: { role: Role; focusOnArrival: boolean }) {
  const { t } = useI18n();
  const route = useRoute();
  const key = routeKey(route);
  const mainRef = useRef<HTMLElement>(null);
  // The list keeps its filters, sort, scroll position and last opened row across navigation;
  // so does the Région's queue.
  const [listFilters, setListFilters] = useState<ListFilters>(INITIAL_LIST_FILTERS);
  const listMemory = useRef<ListMemory>({ scrollTop: 0, lastOpenedId: null });
  const [queueFilters, setQueueFilters] = useState<QueueFilters>(INITIAL_QUEUE_FILTERS);
  // A screen of the other role (an old bookmark, a link): sent to this role's home instead.
  const allowed = routeAllowed(route, role);

  useEffect(() => {
    if (!allowed) replaceHash(homeHref(role));
  }, [allowed, role]);

  const firstRoute = useRef(true);
  useEffect(() => {
    const main = mainRef.current;
    if (firstRoute.current) {
      firstRoute.current = false;
      // Just past the first-launch choice: its button is gone, start at the home screen.
      if (focusOnArrival) main?.focus({ preventScroll: true });
      return;
    }
    // After navigating, start keyboard and screen-reader users at the new screen's content —
    // unless the screen already put focus somewhere inside it.
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
    main?.scrollTo({ top: 0 });
    // Only when the screen changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <SyncStatusProvider>
      <div className="app">
        <a className="skip-link" href="#main" onClick={skipToMain}>
          {t('nav.skip')}
        </a>
        <TopBar role={role} active={sectionOf(route)} />
        {role === 'firm' && <SyncStatusLine />}
        <main id="main" ref={mainRef} tabIndex={-1} className={`app-main app-main--${route.name}`}>
          {allowed && (
            <>
              {route.name === 'list' && <EngagementsList filters={listFilters} onFiltersChange={setListFilters} memory={listMemory} />}
              {route.name === 'engagement' && <EngagementPage key={route.id} id={route.id} />}
              <Suspense fallback={<LoadingPanel label={t('common.loading')} />}>
                {route.name === 'newEngagement' && <NewEngagementPage />}
                {route.name === 'companies' && <CompaniesPage />}
                {route.name === 'consultants' && <ConsultantsPage />}
                {route.name === 'dashboard' && <DashboardPage />}
                {route.name === 'programmes' && <ProgrammesPage />}
                {route.name === 'timesheet' && <TimesheetPage />}
                {route.name === 'settings' && <SettingsPage />}
                {route.name === 'sync' && <SyncPage />}
                {route.name === 'review' && <ReviewQueuePage filters={queueFilters} onFiltersChange={setQueueFilters} />}
                {route.name === 'reviewPackage' && <ReviewPackagePage key={route.key} packageKey={route.key} />}
                {route.name === 'regionProgramme' && <RegionProgrammePage />}
              </Suspense>
              {route.name === 'notFound' && <NotFound />}
            </>
          )}
        </main>
      </div>
    </SyncStatusProvider>
  );
}

function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'list':
    case 'engagement':
    case 'newEngagement':
      return 'engagements';
    case 'reviewPackage':
      return 'review';
    case 'notFound':
      return null;
    default:
      return route.name;
  }
}

/** The skip link must not change the hash: the hash is the router's. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
