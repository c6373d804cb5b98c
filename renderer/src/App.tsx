import { lazy, Suspense, useEffect, useRef, useState, type MouseEvent } from 'react';
import { TopBar } from './components/TopBar';
import { useI18n } from './i18n';
import { routeKey, useRoute, type Route } from './router';
import type { Section } from './components/TopBar';
import { LoadingPanel } from './components/StatePanels';
import { EngagementPage } from './screens/EngagementPage';
import { EngagementsList } from './screens/EngagementsList';
import { NotFound } from './screens/NotFound';
import { INITIAL_LIST_FILTERS, type ListFilters, type ListMemory } from './screens/list/listView';
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

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const key = routeKey(route);
  const mainRef = useRef<HTMLElement>(null);
  // The list keeps its filters, sort, scroll position and last opened row across navigation.
  const [listFilters, setListFilters] = useState<ListFilters>(INITIAL_LIST_FILTERS);
  const listMemory = useRef<ListMemory>({ scrollTop: 0, lastOpenedId: null });

  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    // After navigating, start keyboard and screen-reader users at the new screen's content —
    // unless the screen already put focus somewhere inside it.
    const main = mainRef.current;
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
    main?.scrollTo({ top: 0 });
  }, [key]);

  return (
    <SyncStatusProvider>
      <div className="app">
        <a className="skip-link" href="#main" onClick={skipToMain}>
          {t('nav.skip')}
        </a>
        <TopBar active={sectionOf(route)} />
        <SyncStatusLine />
        <main id="main" ref={mainRef} tabIndex={-1} className={`app-main app-main--${route.name}`}>
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
          </Suspense>
          {route.name === 'notFound' && <NotFound />}
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
