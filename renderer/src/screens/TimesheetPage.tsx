import { useEffect, useState } from 'react';
import type { DayGrid } from '../../../core/domainViews';
import { useApiQuery } from '../api/useApiQuery';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { monthName } from './timesheet/cellText';
import { consultantFromHash, hashOfPeriod, periodFromHash, periodOf, shiftPeriod, todayIso, type TimesheetView } from './timesheet/period';
import { TimesheetGrid } from './timesheet/TimesheetGrid';

const CONSULTANT_STORAGE_KEY = 'carnet.timesheet.consultant';

function storedConsultant(): string | null {
  try {
    return localStorage.getItem(CONSULTANT_STORAGE_KEY);
  } catch {
    return null;
  }
}

// Each loaded grid gets its own number, so that fresh data (not just a new period) resets the grid.
const gridVersions = new WeakMap<DayGrid, number>();
let lastGridVersion = 0;
function versionOf(grid: DayGrid): number {
  let version = gridVersions.get(grid);
  if (version === undefined) {
    version = ++lastGridVersion;
    gridVersions.set(grid, version);
  }
  return version;
}

/** « Saisie des temps »: a consultant's days, a week or a month at a time, keyboard first. */
export function TimesheetPage() {
  const { t, locale, date } = useI18n();
  const consultants = useApiQuery('consultants.list', (api) => api.call('consultants.list', {}));
  const [chosenId, setChosenId] = useState<string | null>(() => consultantFromHash(window.location.hash) ?? storedConsultant());
  const [anchor, setAnchor] = useState<{ view: TimesheetView; anchor: string }>(() => periodFromHash(window.location.hash) ?? { view: 'week', anchor: todayIso() });
  const period = periodOf(anchor.view, anchor.anchor);
  const from = period.dates[0]!;
  const to = period.dates[period.dates.length - 1]!;

  const list = consultants.state.status === 'success' ? consultants.state.data : [];
  const consultant = list.find((candidate) => candidate.id === chosenId) ?? list[0] ?? null;

  useEffect(() => {
    document.title = `${t('timesheet.title')} — ${t('app.name')}`;
  }, [t]);

  // A period typed or followed in the address while the screen is open.
  useEffect(() => {
    const onHashChange = () => {
      const asked = periodFromHash(window.location.hash);
      if (asked) setAnchor(asked);
      const consultantAsked = consultantFromHash(window.location.hash);
      if (consultantAsked) setChosenId(consultantAsked);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // The address names the period shown, so that it can be bookmarked or shared.
  const periodHash = hashOfPeriod(period);
  useEffect(() => {
    if (window.location.hash !== periodHash) history.replaceState(null, '', `${window.location.pathname}${window.location.search}${periodHash}`);
  }, [periodHash]);

  // Fresh data remounts the grid (focus, open details): only after a sync the user asked for.
  const grid = useApiQuery(
    `days.grid:${consultant?.id ?? ''}:${from}:${to}`,
    (api) => (consultant ? api.call('days.grid', { consultantId: consultant.id, from, to }) : Promise.resolve(null)),
    { followDataChanges: 'whenAsked' },
  );

  function chooseConsultant(id: string) {
    setChosenId(id);
    try {
      localStorage.setItem(CONSULTANT_STORAGE_KEY, id);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
  }

  const isWeek = period.view === 'week';
  const periodLabel = isWeek ? t('timesheet.week.label', { from: date(from, 'medium'), to: date(to, 'medium') }) : monthName(from, locale);
  const gridLabel = isWeek ? t('timesheet.grid.week', { date: date(from, 'medium') }) : t('timesheet.grid.month', { month: monthName(from, locale) });
  const gridState = grid.state;

  return (
    <div className="screen screen--timesheet">
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('timesheet.title')}
          </h1>
          <p className="page-subtitle">{t('timesheet.subtitle')}</p>
        </div>
      </header>

      {consultants.state.status === 'error' && <ErrorPanel message={consultants.state.message} onRetry={consultants.reload} />}
      {consultants.state.status === 'loading' && <LoadingPanel label={t('common.loading')} />}
      {consultants.state.status === 'success' && !consultant && <p className="card-empty">{t('timesheet.noConsultants')}</p>}

      {consultant && (
        <section className="card card--flush timesheet-card" aria-labelledby="timesheet-period">
          <div className="timesheet-controls">
            <h2 id="timesheet-period" className="timesheet-period">
              {periodLabel}
            </h2>
            <div className="timesheet-consultant">
              <label className="field-label" htmlFor="timesheet-consultant">
                {t('timesheet.consultant')}
              </label>
              <select id="timesheet-consultant" className="select" value={consultant.id} onChange={(event) => chooseConsultant(event.target.value)}>
                {list.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="timesheet-nav" role="group" aria-label={periodLabel}>
              <button type="button" className="button button--secondary" onClick={() => setAnchor({ view: period.view, anchor: shiftPeriod(period, -1) })}>
                <span aria-hidden="true">‹ </span>
                {t(isWeek ? 'timesheet.week.previous' : 'timesheet.month.previous')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setAnchor({ view: period.view, anchor: todayIso() })}>
                {t(isWeek ? 'timesheet.week.current' : 'timesheet.month.current')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setAnchor({ view: period.view, anchor: shiftPeriod(period, 1) })}>
                {t(isWeek ? 'timesheet.week.next' : 'timesheet.month.next')}
                <span aria-hidden="true"> ›</span>
              </button>
            </div>
            <div className="timesheet-view" role="group" aria-label={t('timesheet.view')}>
              {(['week', 'month'] as const).map((view) => (
                <button
                  key={view}
                  type="button"
                  className={`button ${period.view === view ? 'button--primary' : 'button--secondary'}`}
                  aria-pressed={period.view === view}
                  onClick={() => setAnchor({ view, anchor: anchor.anchor })}
                >
                  {t(view === 'week' ? 'timesheet.view.week' : 'timesheet.view.month')}
                </button>
              ))}
            </div>
          </div>

          {gridState.status === 'error' && <ErrorPanel message={gridState.message} onRetry={grid.reload} />}
          {gridState.status === 'loading' && <LoadingPanel label={t('common.loading')} />}
          {gridState.status === 'success' && gridState.data && (
            <TimesheetGrid key={`${consultant.id}:${from}:${versionOf(gridState.data)}`} grid={gridState.data} dates={period.dates} label={gridLabel} />
          )}
        </section>
      )}
    </div>
  );
}
