import { useMemo, useState } from 'react';
import type { ReviewPackageView, WrittenDecision } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { CommentDialog } from './CommentDialog';
import { subjectLabel } from './commentSubjects';
import { DecisionPanel } from './DecisionPanel';
import { DeliverablesSection } from './DeliverablesSection';
import { DiffSection } from './DiffSection';
import { daySubject, decisionComments, deliverableSubject } from './drafts';
import { FindingsPanel } from './FindingsPanel';
import { ReportSection } from './ReportSection';
import { ReviewHeader } from './ReviewHeader';
import { SplitSection } from './SplitSection';
import { TimesheetSection } from './TimesheetSection';
import type { DraftCommentsState } from './useDraftComments';

interface Props {
  view: ReviewPackageView;
  comments: DraftCommentsState;
  written: WrittenDecision | null;
  onWritten: (written: WrittenDecision) => void;
}

/** The review of one package: what the verifier found, the package's parts, and the decision beside them. */
export function ReviewPackageContent({ view, comments, written, onWritten }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [editing, setEditing] = useState<string | null>(null);
  const decision = written?.decision ?? view.decision;

  // What the rows show under their text: the decision's comments once written, the drafts before.
  const shownComments = useMemo(() => {
    const list = decision ? decision.comments : decisionComments(comments.drafts);
    const map: Record<string, string> = {};
    for (const comment of list) map[comment.about] = map[comment.about] ? `${map[comment.about]}\n${comment.text}` : comment.text;
    return map;
  }, [decision, comments.drafts]);

  const onDayComment = decision ? null : (date: string) => setEditing(daySubject(date));
  const onDeliverableComment = decision ? null : (path: string) => setEditing(deliverableSubject(path));
  const editingText = editing ? (comments.drafts[editing] ?? '') : '';

  return (
    <>
      <ReviewHeader view={view} />
      <FindingsPanel findings={view.row.findings} />
      {view.row.superseded && (
        <p className="review-note review-note--warning" role="note">
          {t('reviewScreen.superseded')}
        </p>
      )}
      <div className="review-layout">
        <div className="review-main">
          {view.diff && <DiffSection diff={view.diff} version={view.row.version} deliverables={view.deliverables} />}
          <ReportSection reportHtml={view.reportHtml} engagementRef={view.row.ref} />
          <TimesheetSection days={view.days} diff={view.diff} comments={shownComments} onComment={onDayComment} amountCents={view.split && Number.isFinite(view.split.recomputed.amountCents) ? view.split.recomputed.amountCents : null} />
          <DeliverablesSection packageKey={view.row.key} deliverables={view.deliverables} comments={shownComments} onComment={onDeliverableComment} />
          <SplitSection split={view.split} />
        </div>
        <div className="review-side">
          <DecisionPanel view={view} written={written} comments={comments} onEdit={setEditing} onWritten={onWritten} />
        </div>
      </div>
      {editing && !decision && (
        <CommentDialog
          key={editing}
          subject={subjectLabel(editing, i18n, view.deliverables)}
          initialText={editingText}
          onCancel={() => setEditing(null)}
          onSave={(text) => {
            comments.setText(editing, text);
            setEditing(null);
          }}
          onRemove={
            editingText.trim() !== ''
              ? () => {
                  comments.remove(editing);
                  setEditing(null);
                  // Opened from the decision panel, the comment's own buttons are gone with it.
                  window.requestAnimationFrame(() => {
                    if (document.activeElement === document.body) document.getElementById('review-attached-title')?.focus();
                  });
                }
              : null
          }
        />
      )}
    </>
  );
}
