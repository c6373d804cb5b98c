import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { programmeForCompanies } from './companies/defaultProgramme';

// The charting library is large: it is fetched when the dashboard is first opened.
const DashboardContent = lazy(() => import('./dashboard/DashboardContent'));

/** The programme as a whole: envelope, engagements by dimension, allowances burning down. */
export function DashboardPage() {
  const { t } = useI18n();
  const selectId = useId();
  const programmes = useApiQuery('programmes.list', (api) => api.call('programmes.list', {}));
  const list = programmes.state.status === 'success' ? programmes.state.data : [];
  const [chosenId, setChosenId] = useState<string | null>(null);
  const programmeId = list.find((programme) => programme.id === chosenId)?.id ?? programmeForCompanies(list)?.id ?? null;
  const dashboard = useApiQuery(`programmes.dashboard:${programmeId ?? ''}`, (api) =>
    programmeId ? api.call('programmes.dashboard', { programmeId }) : Promise.resolve(null),
  );

  useEffect(() => {
    document.title = `${t('programme.dashboard.title')} — ${t('app.name')}`;
  }, [t]);

  const failure = programmes.state.status === 'error' ? programmes.state : dashboard.state.status === 'error' ? dashboard.state : null;
  const data = dashboard.state.status === 'success' ? dashboard.state.data : null;
  const loading = <LoadingPanel label={t('common.loading')} />;

  return (
    <div className="screen screen--dashboard">
      <header className="page-header">
        <div>
          <h1 className="page-title" tabIndex={-1}>
            {t('programme.dashboard.title')}
          </h1>
          <p className="page-subtitle">{t('programme.dashboard.subtitle')}</p>
        </div>
        {programmeId && (
          <div className="field-inline">
            <label htmlFor={selectId}>{t('programme.new.programme')}</label>
            <select id={selectId} className="select dashboard-programme" value={programmeId} onChange={(event) => setChosenId(event.target.value)}>
              {list.map((programme) => (
                <option key={programme.id} value={programme.id}>
                  {programme.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </header>

      {failure ? (
        <ErrorPanel
          message={failure.message}
          onRetry={() => {
            programmes.reload();
            dashboard.reload();
          }}
        />
      ) : programmes.state.status === 'success' && programmeId === null ? (
        <ErrorPanel message={t('programme.new.noProgramme')} />
      ) : !data ? (
        loading
      ) : (
        <Suspense fallback={loading}>
          <DashboardContent data={data} />
        </Suspense>
      )}
    </div>
  );
}
