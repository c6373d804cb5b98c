import { useEffect, useState } from 'react';
import type { WrittenDecision } from '../../../../core/review';
import { useApiQuery } from '../../api/useApiQuery';
import { ArrowLeftIcon } from '../../components/icons';
import { ErrorPanel, LoadingPanel } from '../../components/StatePanels';
import { useI18n } from '../../i18n';
import { hrefs } from '../../router';
import { ReviewPackageContent } from './package/ReviewPackageContent';
import { useDraftComments } from './package/useDraftComments';
import '../../styles/reviewPackage.css';

/**
 * The Région's review of one closing package (`#/review/<key>`): the verifier's findings, the
 * report in a sandboxed frame, the timesheet, the deliverables, the cost split, what changed
 * since the previous version, and the decision. The draft comments live here, above the view's
 * refreshes, so that nothing typed is lost.
 */
export function ReviewPackagePage({ packageKey }: { packageKey: string }) {
  const { t } = useI18n();
  const { state, reload, refresh } = useApiQuery(`review.package:${packageKey}`, (api) => api.call('review.package', { key: packageKey }));
  const comments = useDraftComments(packageKey);
  const [written, setWritten] = useState<{ packageKey: string; decision: WrittenDecision } | null>(null);
  const view = state.status === 'success' ? state.data : null;
  const title = view ? t('reviewScreen.documentTitle', { ref: view.row.ref, version: view.row.version }) : t('reviewScreen.documentTitle.loading');

  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);

  return (
    <div className="screen screen--engagement screen--review-package">
      <a className="back-link" href={hrefs.review()}>
        <ArrowLeftIcon />
        {t('reviewScreen.back')}
      </a>
      {state.status === 'loading' && <LoadingPanel label={t('reviewScreen.loading')} />}
      {state.status === 'error' && <ErrorPanel message={state.message} onRetry={reload} />}
      {view && (
        <ReviewPackageContent
          view={view}
          comments={comments}
          written={written?.packageKey === packageKey ? written.decision : null}
          onWritten={(decision) => {
            setWritten({ packageKey, decision });
            comments.clear();
            refresh();
          }}
        />
      )}
    </div>
  );
}
