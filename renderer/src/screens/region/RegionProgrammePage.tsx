import { lazy, Suspense, useEffect } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorPanel, LoadingPanel } from '../../components/StatePanels';
import { useI18n } from '../../i18n';
import { ProgrammeEmptyState } from './ProgrammeEmptyState';
import { ProgrammeExport } from './ProgrammeExport';
import '../../styles/regionProgramme.css';

// The charting library is large: it is fetched when the programme view is first opened.
const RegionProgrammeContent = lazy(() => import('./RegionProgrammeContent'));

/**
 * The Région's programme across every firm's packages: public money approved and pending against
 * the envelope, the missions by wave, sector, département, project type and firm, exported as
 * XLSX or CSV.
 */
export function RegionProgrammePage() {
  const { t, number } = useI18n();
  const programme = useApiQuery('review.programme', (api) => api.call('review.programme', {}));
  const state = programme.state;
  const view = state.status === 'success' ? state.data : null;
  const loading = <LoadingPanel label={t('regionProgramme.loading')} />;

  useEffect(() => {
    document.title = `${t('regionProgramme.title')} — ${t('app.name')}`;
  }, [t]);

  return (
    <div className="screen screen--region-programme">
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('regionProgramme.title')}
          </h1>
          <p className="page-subtitle">
            {view?.programmeName && view.missions.length > 0
              ? t(view.missions.length === 1 ? 'regionProgramme.subtitle.one' : 'regionProgramme.subtitle', { programme: view.programmeName, count: number(view.missions.length) })
              : t('regionProgramme.subtitle.plain')}
          </p>
        </div>
        {view && view.missions.length > 0 && <ProgrammeExport />}
      </header>

      {state.status === 'error' ? (
        <ErrorPanel message={t('regionProgramme.error', { details: state.message })} onRetry={programme.reload} />
      ) : !view ? (
        loading
      ) : view.missions.length === 0 ? (
        <ProgrammeEmptyState onRetry={programme.reload} />
      ) : (
        <Suspense fallback={loading}>
          <RegionProgrammeContent view={view} />
        </Suspense>
      )}
    </div>
  );
}
