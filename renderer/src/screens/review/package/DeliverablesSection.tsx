import { useState } from 'react';
import type { ReviewDeliverable } from '../../../../../core/review';
import { Card } from '../../../components/Definitions';
import { intlLocale, useI18n } from '../../../i18n';
import { formatBytes } from '../../../lib/format';
import { CopyButton } from './CopyButton';
import { deliverableSubject } from './drafts';
import { CheckMark, CrossMark } from './FindingsPanel';
import { OpenDeliverableDialog, type OpenOutcome } from './OpenDeliverableDialog';

interface Props {
  packageKey: string;
  deliverables: readonly ReviewDeliverable[];
  comments: Readonly<Record<string, string>>;
  /** Null once a decision is written. */
  onComment: ((path: string) => void) | null;
}

/** The deliverables with their stated hash and whether the bytes match it; opened only on request. */
export function DeliverablesSection({ packageKey, deliverables, comments, onComment }: Props) {
  const { t } = useI18n();
  const [opening, setOpening] = useState<ReviewDeliverable | null>(null);
  const [outcome, setOutcome] = useState<OpenOutcome | null>(null);
  const altered = deliverables.filter((deliverable) => !deliverable.intact).length;

  return (
    <Card
      title={t('reviewScreen.deliverables.title')}
      titleId="review-deliverables-title"
      aside={
        <span className="card-count">
          {t(deliverables.length === 1 ? 'reviewScreen.deliverables.count.one' : 'reviewScreen.deliverables.count.many', { count: deliverables.length })}
          {altered > 0 && ` · ${t('reviewScreen.deliverables.altered.count', { count: altered })}`}
        </span>
      }
      className="card--flush review-deliverables"
    >
      {deliverables.length === 0 ? (
        <p className="card-empty">{t('reviewScreen.deliverables.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="days-table review-deliverables-table" aria-labelledby="review-deliverables-title">
            <thead>
              <tr>
                <th scope="col">{t('reviewScreen.deliverables.deliverable')}</th>
                <th scope="col">{t('reviewScreen.deliverables.hash')}</th>
                <th scope="col" className="num">
                  {t('reviewScreen.deliverables.size')}
                </th>
                <th scope="col">{t('reviewScreen.deliverables.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('reviewScreen.deliverables.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliverables.map((deliverable) => (
                <DeliverableRow
                  key={deliverable.path}
                  deliverable={deliverable}
                  comment={comments[deliverableSubject(deliverable.path)] ?? null}
                  onOpen={() => {
                    setOutcome(null);
                    setOpening(deliverable);
                  }}
                  onComment={onComment}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="review-deliverables-notes" role="status">
        {outcome && (
          <p className="review-note review-note--success">
            {t(outcome.kind === 'opened' ? 'reviewScreen.open.opened' : 'reviewScreen.open.downloaded', { title: outcome.title, file: outcome.fileName })}
          </p>
        )}
      </div>
      {opening && (
        <OpenDeliverableDialog
          packageKey={packageKey}
          deliverable={opening}
          onCancel={() => setOpening(null)}
          onDone={(done) => {
            setOpening(null);
            setOutcome(done);
          }}
        />
      )}
    </Card>
  );
}

interface RowProps {
  deliverable: ReviewDeliverable;
  comment: string | null;
  onOpen: () => void;
  onComment: ((path: string) => void) | null;
}

function DeliverableRow({ deliverable, comment, onOpen, onComment }: RowProps) {
  const { t, locale } = useI18n();
  const present = deliverable.bytes !== null;
  return (
    <tr className={deliverable.intact ? undefined : 'is-altered'}>
      <td className="review-deliverable-cell">
        <span className="review-deliverable-title">{deliverable.title}</span>
        <span className="review-deliverable-kind">{t(`deliverable.${deliverable.kind}`)}</span>
        <span className="review-deliverable-path mono">{deliverable.path}</span>
        {comment && (
          <span className="review-row-comment">
            <span className="review-row-comment-label">{t('reviewScreen.comment.on')}</span> {comment}
          </span>
        )}
      </td>
      <td className="review-hash-cell">
        <code className="review-hash">{deliverable.sha256}</code>
        <CopyButton text={deliverable.sha256} label={t('reviewScreen.copy')} ariaLabel={t('reviewScreen.deliverables.copyHash', { title: deliverable.title })} />
      </td>
      <td className="num nowrap">{present ? formatBytes(deliverable.bytes!, intlLocale(locale)) : '—'}</td>
      <td className="nowrap">
        {deliverable.intact ? (
          <span className="review-integrity review-integrity--intact">
            <CheckMark />
            {t('reviewScreen.deliverables.intact')}
          </span>
        ) : (
          <span className="review-integrity review-integrity--altered">
            <CrossMark />
            {t('reviewScreen.deliverables.altered')}
          </span>
        )}
      </td>
      <td className="nowrap review-row-action">
        {deliverable.intact && (
          <button type="button" className="button button--secondary button--small" onClick={onOpen} aria-label={t('reviewScreen.deliverables.open.label', { title: deliverable.title })}>
            {t('reviewScreen.deliverables.open')}
          </button>
        )}
        {onComment && (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => onComment(deliverable.path)}
            aria-label={t(comment ? 'reviewScreen.deliverables.editComment.label' : 'reviewScreen.deliverables.comment.label', { title: deliverable.title })}
          >
            {t(comment ? 'reviewScreen.comment.edit.short' : 'reviewScreen.comment.add')}
          </button>
        )}
      </td>
    </tr>
  );
}
