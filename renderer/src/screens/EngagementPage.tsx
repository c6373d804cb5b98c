import { useEffect } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { ArrowLeftIcon } from '../components/icons';
import { ErrorPanel, LoadingPanel } from '../components/StatePanels';
import { useI18n } from '../i18n';
import { hrefs } from '../router';
import { CompanyCard } from './engagement/CompanyCard';
import { DaysCard } from './engagement/DaysCard';
import { DeliverablesCard } from './engagement/DeliverablesCard';
import { EngagementHeader } from './engagement/EngagementHeader';
import { LifecycleActions } from './engagement/LifecycleActions';
import { MissionCard } from './engagement/MissionCard';
import { PackagesCard } from './engagement/PackagesCard';
import { DayAuditCard } from './engagement/DayAuditCard';
import { StatusHistory } from './engagement/StatusHistory';
import { SummaryCards } from './engagement/SummaryCards';

export function EngagementPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { state, reload, refresh } = useApiQuery(`engagements.get:${id}`, (api) => api.call('engagements.get', { id }));
  const ref = state.status === 'success' ? state.data.engagement.ref : null;

  useEffect(() => {
    document.title = ref ? `${ref} — ${t('app.name')}` : t('app.name');
  }, [ref, t]);

  return (
    <div className="screen screen--engagement">
      <a className="back-link" href={hrefs.list()}>
        <ArrowLeftIcon />
        {t('engagement.back')}
      </a>
      {state.status === 'loading' && <LoadingPanel label={t('engagement.loading')} />}
      {state.status === 'error' && <ErrorPanel message={state.message} onRetry={reload} />}
      {state.status === 'success' && (
        <>
          <EngagementHeader detail={state.data} />
          <LifecycleActions detail={state.data} onChanged={refresh} />
          <SummaryCards detail={state.data} />
          <div className="card-grid">
            <CompanyCard company={state.data.company} programme={state.data.programme} />
            <MissionCard detail={state.data} />
          </div>
          <DaysCard detail={state.data} />
          <div className="card-grid">
            <DeliverablesCard detail={state.data} onChanged={refresh} />
            <StatusHistory changes={state.data.statusChanges} />
          </div>
          <PackagesCard packages={state.data.packages} status={state.data.engagement.status} />
          <DayAuditCard engagementId={state.data.engagement.id} version={String(state.data.totals.halfDaysLogged)} />
        </>
      )}
    </div>
  );
}
