import type { ReviewPackageView, WrittenDecision } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { DecisionDraft } from './DecisionDraft';
import { DecisionRecord } from './DecisionRecord';
import type { DraftCommentsState } from './useDraftComments';

interface Props {
  view: ReviewPackageView;
  written: WrittenDecision | null;
  comments: DraftCommentsState;
  onEdit: (about: string) => void;
  onWritten: (written: WrittenDecision) => void;
}

/** « Décision »: the one written for this version (read-only), or the one being prepared. */
export function DecisionPanel({ view, written, comments, onEdit, onWritten }: Props) {
  const { t } = useI18n();
  const decision = written?.decision ?? view.decision;
  return (
    <section className="card review-decision" aria-labelledby="review-decision-title">
      <header className="card-header">
        <h2 id="review-decision-title" className="card-title">
          {t('reviewScreen.decision.title', { version: view.row.version })}
        </h2>
      </header>
      {decision ? (
        <DecisionRecord decision={decision} path={written?.path ?? view.decisionPath} deliverables={view.deliverables} justWritten={written !== null} />
      ) : (
        <DecisionDraft view={view} comments={comments} onEdit={onEdit} onWritten={onWritten} />
      )}
    </section>
  );
}
