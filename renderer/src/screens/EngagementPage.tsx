import { useEffect, useMemo } from 'react';
import type { EngagementDetail } from '../../../core/domain';
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
import { currentReview, pendingIgnored, placeComments } from './engagement/review/firmReview';
import { IgnoredNotice } from './engagement/review/IgnoredNotice';
import { ReviewBanner } from './engagement/review/ReviewBanner';
import '../styles/firmReview.css';

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
      {state.status === 'success' && <EngagementContent detail={state.data} onChanged={refresh} />}
    </div>
  );
}

function EngagementContent({ detail, onChanged }: { detail: EngagementDetail; onChanged: () => void }) {
  // The Région's decision on the package last submitted: a banner on top, its comments beside
  // the days and deliverables they are about.
  const review = currentReview(detail);
  const placed = useMemo(() => placeComments(review, detail.days, detail.deliverables), [review, detail.days, detail.deliverables]);
  return (
    <>
      <EngagementHeader detail={detail} />
      {review && <ReviewBanner detail={detail} review={review} placed={placed} />}
      <IgnoredNotice decisions={pendingIgnored(detail)} status={detail.engagement.status} />
      <LifecycleActions detail={detail} onChanged={onChanged} />
      <SummaryCards detail={detail} />
      <div className="card-grid">
        <CompanyCard company={detail.company} programme={detail.programme} />
        <MissionCard detail={detail} />
      </div>
      <DaysCard detail={detail} comments={placed.byDate} />
      <div className="card-grid">
        <DeliverablesCard detail={detail} onChanged={onChanged} comments={placed.byDeliverable} />
        <StatusHistory changes={detail.statusChanges} />
      </div>
      <PackagesCard detail={detail} onChanged={onChanged} />
      <DayAuditCard engagementId={detail.engagement.id} version={String(detail.totals.halfDaysLogged)} />
    </>
  );
}
