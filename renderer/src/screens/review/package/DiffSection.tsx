import type { PackageDay, PackageDeliverable } from '../../../../../core/closingPackage';
import type { DayChange, VersionDiff } from '../../../../../core/review';
import { Card } from '../../../components/Definitions';
import { useI18n } from '../../../i18n';
import { subjectLabel } from './commentSubjects';
import { totalsRows, type TotalsField } from './reviewFigures';
import { ReviewStatusBadge } from '../../../components/ReviewStatusBadge';

/** What changed since the previous version: what was asked, the totals, the days, the deliverables. */
export function DiffSection({ diff, version, deliverables }: { diff: VersionDiff; version: number; deliverables: readonly PackageDeliverable[] }) {
  const { t } = useI18n();
  const previous = diff.previousVersion;
  const noDayChange = diff.added.length + diff.removed.length + diff.modified.length === 0;
  const noDeliverableChange = diff.deliverablesAdded.length + diff.deliverablesRemoved.length + diff.deliverablesChanged.length === 0;
  return (
    <Card title={t('reviewScreen.diff.title', { previous, version })} titleId="review-diff-title" className="review-diff">
      <div className="review-diff-grid">
        <PreviousDecision diff={diff} deliverables={deliverables} />
        <TotalsChange diff={diff} />
      </div>
      <section className="review-diff-part" aria-labelledby="review-diff-days">
        <h3 id="review-diff-days" className="review-subtitle">
          {t('reviewScreen.diff.days')}
        </h3>
        {noDayChange ? (
          <p className="card-empty">{t('reviewScreen.diff.days.none')}</p>
        ) : (
          <ul className="review-diff-list">
            {diff.added.map((change) => (
              <DayChangeItem key={`+${change.date}|${change.consultantId}`} change={change} kind="added" />
            ))}
            {diff.removed.map((change) => (
              <DayChangeItem key={`-${change.date}|${change.consultantId}`} change={change} kind="removed" />
            ))}
            {diff.modified.map((change) => (
              <DayChangeItem key={`~${change.date}|${change.consultantId}`} change={change} kind="modified" />
            ))}
          </ul>
        )}
      </section>
      <section className="review-diff-part" aria-labelledby="review-diff-deliverables">
        <h3 id="review-diff-deliverables" className="review-subtitle">
          {t('reviewScreen.diff.deliverables')}
        </h3>
        {noDeliverableChange ? (
          <p className="card-empty">{t('reviewScreen.diff.deliverables.none')}</p>
        ) : (
          <ul className="review-diff-list">
            {diff.deliverablesAdded.map((deliverable) => (
              <DeliverableChangeItem key={`+${deliverable.path}`} kind="added" after={deliverable} />
            ))}
            {diff.deliverablesRemoved.map((deliverable) => (
              <DeliverableChangeItem key={`-${deliverable.path}`} kind="removed" before={deliverable} />
            ))}
            {diff.deliverablesChanged.map((change) => (
              <DeliverableChangeItem key={`~${change.after.path}`} kind="modified" before={change.before} after={change.after} />
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}

function PreviousDecision({ diff, deliverables }: { diff: VersionDiff; deliverables: readonly PackageDeliverable[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const decision = diff.previousDecision;
  return (
    <section className="review-diff-part review-diff-asked" aria-labelledby="review-diff-asked">
      <h3 id="review-diff-asked" className="review-subtitle">
        {t('reviewScreen.diff.asked', { previous: diff.previousVersion })}
      </h3>
      {!decision ? (
        <p className="card-empty">{t('reviewScreen.diff.asked.none', { previous: diff.previousVersion })}</p>
      ) : (
        <>
          <p className="review-diff-decision">
            <ReviewStatusBadge status={decision.decision} />
            <span>{t('reviewScreen.diff.asked.by', { reviewer: decision.reviewer })}</span>
          </p>
          {decision.comments.length === 0 ? (
            <p className="card-empty">{t('reviewScreen.decision.noComments')}</p>
          ) : (
            <ul className="review-comment-list">
              {decision.comments.map((comment, index) => (
                <li key={`${comment.about}:${index}`} className="review-comment">
                  <span className="review-comment-subject">{subjectLabel(comment.about, i18n, [...deliverables, ...diff.deliverablesRemoved])}</span>
                  <span className="review-comment-text">{comment.text}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function TotalsChange({ diff }: { diff: VersionDiff }) {
  const { t, money, days } = useI18n();
  const show = (field: TotalsField, value: number) => (field === 'halfDaysLogged' ? t('engagement.days.unit', { days: days(value) }) : money(value));
  return (
    <section className="review-diff-part" aria-labelledby="review-diff-totals">
      <h3 id="review-diff-totals" className="review-subtitle">
        {t('reviewScreen.diff.totals')}
      </h3>
      <table className="review-totals-change">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('reviewScreen.split.figure')}</span>
            </th>
            <th scope="col" className="num">
              {t('reviewScreen.diff.version', { version: diff.previousVersion })}
            </th>
            <th scope="col" className="num">
              {t('reviewScreen.diff.version', { version: diff.previousVersion + 1 })}
            </th>
          </tr>
        </thead>
        <tbody>
          {totalsRows(diff.totalsBefore, diff.totalsAfter).map((row) => (
            <tr key={row.field} className={row.differs ? 'is-different' : undefined}>
              <th scope="row">{t(`reviewScreen.totals.${row.field}`)}</th>
              <td className="num nowrap">{show(row.field, row.before)}</td>
              <td className="num nowrap">
                {show(row.field, row.after)}
                {row.differs && <span className="visually-hidden"> ({t('reviewScreen.diff.changed')})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

type ChangeKind = 'added' | 'removed' | 'modified';

function Arrow() {
  const { t } = useI18n();
  return (
    <>
      <span className="review-diff-arrow" aria-hidden="true">
        →
      </span>
      <span className="visually-hidden"> {t('reviewScreen.diff.becomes')} </span>
    </>
  );
}

function ChangeTag({ kind }: { kind: ChangeKind }) {
  const { t } = useI18n();
  return <span className={`review-change-chip review-change-chip--${kind}`}>{t(`reviewScreen.diff.kind.${kind}`)}</span>;
}

function useDayValue() {
  const { t } = useI18n();
  return (field: DayChange['fields'][number], day: PackageDay) => {
    switch (field) {
      case 'halfDays':
        return day.halfDays === 2 ? t('engagement.day.full') : t('engagement.day.half');
      case 'activity':
        return t(`activity.${day.activity}`);
      case 'location':
        return t(`location.${day.location}`);
      case 'summary':
        return `« ${day.summary} »`;
    }
  };
}

function DayChangeItem({ change, kind }: { change: DayChange; kind: ChangeKind }) {
  const { t, date } = useI18n();
  const value = useDayValue();
  const day = change.after ?? change.before;
  return (
    <li className={`review-diff-item review-diff-item--${kind}`}>
      <div className="review-diff-item-head">
        <ChangeTag kind={kind} />
        <span className="day-date">{date(change.date)}</span>
        <span className="review-diff-item-who">{change.consultantName}</span>
        {kind !== 'modified' && day && (
          <span className="review-diff-item-what">
            {value('halfDays', day)} · {value('activity', day)} · {value('location', day)}
          </span>
        )}
      </div>
      {kind !== 'modified' && day?.summary && <p className="review-diff-item-summary">{day.summary}</p>}
      {kind === 'modified' && change.before && change.after && (
        <dl className="review-diff-fields">
          {change.fields.map((field) => (
            // A summary is a paragraph: before and after, one under the other.
            <div key={field} className={`review-diff-field${field === 'summary' ? ' review-diff-field--long' : ''}`}>
              <dt>{t(`reviewScreen.diff.field.${field}`)}</dt>
              <dd>
                <del>{value(field, change.before!)}</del>
                <span>
                  <Arrow />
                  <ins>{value(field, change.after!)}</ins>
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

function DeliverableChangeItem({ kind, before, after }: { kind: ChangeKind; before?: PackageDeliverable; after?: PackageDeliverable }) {
  const { t } = useI18n();
  const deliverable = (after ?? before)!;
  return (
    <li className={`review-diff-item review-diff-item--${kind}`}>
      <div className="review-diff-item-head">
        <ChangeTag kind={kind} />
        <span className="review-deliverable-title">{deliverable.title}</span>
        <span className="mono review-diff-item-what">{deliverable.path}</span>
      </div>
      {kind === 'modified' && before && after && (
        <dl className="review-diff-fields">
          {before.title !== after.title && (
            <div className="review-diff-field">
              <dt>{t('reviewScreen.diff.field.title')}</dt>
              <dd>
                <del>{before.title}</del>
                <Arrow />
                <ins>{after.title}</ins>
              </dd>
            </div>
          )}
          <div className="review-diff-field">
            <dt>{t('reviewScreen.deliverables.hash')}</dt>
            <dd className="mono">
              <del>{before.sha256.slice(0, 16)}…</del>
              <Arrow />
              <ins>{after.sha256.slice(0, 16)}…</ins>
            </dd>
          </div>
        </dl>
      )}
    </li>
  );
}
