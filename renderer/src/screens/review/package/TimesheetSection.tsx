import { useMemo } from 'react';
import { publicHolidayOn } from '../../../../../core/calendar';
import type { ReviewDay, VersionDiff } from '../../../../../core/review';
import { Card } from '../../../components/Definitions';
import { useI18n } from '../../../i18n';
import { daySubject } from './drafts';

interface Props {
  days: readonly ReviewDay[];
  diff: VersionDiff | null;
  /** Subject → comment text (the drafts, or the comments of the decision written). */
  comments: Readonly<Record<string, string>>;
  /** Null once a decision is written: then nothing can be commented any more. */
  onComment: ((date: string) => void) | null;
  amountCents: number | null;
}

const dayKey = (day: { date: string; consultantId: string }) => `${day.date}|${day.consultantId}`;

/** The timesheet of the package: one row per day and consultant, flags as labelled chips, totals. */
export function TimesheetSection({ days, diff, comments, onComment, amountCents }: Props) {
  const { t, days: formatDays, money } = useI18n();
  const rows = useMemo(() => [...days].sort((a, b) => a.date.localeCompare(b.date) || a.consultantName.localeCompare(b.consultantName)), [days]);
  const changes = useMemo(() => {
    const map = new Map<string, 'added' | 'modified'>();
    for (const change of diff?.added ?? []) map.set(dayKey(change), 'added');
    for (const change of diff?.modified ?? []) map.set(dayKey(change), 'modified');
    return map;
  }, [diff]);
  const halfDays = rows.reduce((sum, day) => sum + day.halfDays, 0);
  const flagged = rows.filter((day) => day.flags.length > 0).length;

  return (
    <Card
      title={t('reviewScreen.days.title')}
      titleId="review-days-title"
      aside={<span className="card-count">{t(rows.length === 1 ? 'reviewScreen.days.count.one' : 'reviewScreen.days.count.many', { count: rows.length, days: formatDays(halfDays) })}</span>}
      className="card--flush review-days"
    >
      {rows.length === 0 ? (
        <p className="card-empty">{t('reviewScreen.days.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="days-table review-days-table" aria-labelledby="review-days-title">
            <thead>
              <tr>
                <th scope="col">{t('engagement.day.date')}</th>
                <th scope="col">{t('engagement.day.consultant')}</th>
                <th scope="col">{t('engagement.day.duration')}</th>
                <th scope="col">{t('engagement.day.activity')}</th>
                <th scope="col">{t('engagement.day.location')}</th>
                <th scope="col">{t('engagement.day.summary')}</th>
                {onComment && (
                  <th scope="col">
                    <span className="visually-hidden">{t('reviewScreen.days.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((day, index) => (
                <DayRow
                  key={dayKey(day)}
                  day={day}
                  change={changes.get(dayKey(day)) ?? null}
                  version={diff ? diff.previousVersion + 1 : null}
                  // A comment is about a date: shown once, on the date's first row.
                  comment={index === 0 || rows[index - 1]!.date !== day.date ? (comments[daySubject(day.date)] ?? null) : null}
                  hasComment={Boolean(comments[daySubject(day.date)])}
                  onComment={onComment}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('reviewScreen.days.total')}
                </th>
                <td className="num nowrap">{t('engagement.days.unit', { days: formatDays(halfDays) })}</td>
                <td colSpan={2} className="nowrap">
                  {flagged > 0 && t(flagged === 1 ? 'reviewScreen.days.flagged.one' : 'reviewScreen.days.flagged.many', { count: flagged })}
                </td>
                <td colSpan={onComment ? 2 : 1} className="num days-total-amount">
                  {amountCents !== null && money(amountCents)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </Card>
  );
}

interface RowProps {
  day: ReviewDay;
  change: 'added' | 'modified' | null;
  version: number | null;
  comment: string | null;
  hasComment: boolean;
  onComment: ((date: string) => void) | null;
}

function DayRow({ day, change, version, comment, hasComment, onComment }: RowProps) {
  const { t, date } = useI18n();
  const holiday = publicHolidayOn(day.date);
  const longDate = date(day.date);
  return (
    <tr className={day.flags.length > 0 ? 'is-flagged' : undefined}>
      <td className="nowrap">
        <span className="day-date">{longDate}</span>
        {day.flags.map((flag) => (
          <span key={flag} className={`flag-badge flag-badge--${flag}`}>
            {flag === 'public_holiday' && holiday ? `${t('flag.public_holiday')} · ${t(`holiday.${holiday}`)}` : t(`flag.${flag}`)}
          </span>
        ))}
        {change && version !== null && <span className={`review-change-chip review-change-chip--${change}`}>{t(`reviewScreen.days.change.${change}`, { version })}</span>}
      </td>
      <td className="nowrap">{day.consultantName}</td>
      <td className="nowrap">
        <span className={`duration duration--${day.halfDays === 2 ? 'full' : 'half'}`}>{day.halfDays === 2 ? t('engagement.day.full') : t('engagement.day.half')}</span>
      </td>
      <td>{t(`activity.${day.activity}`)}</td>
      <td>{t(`location.${day.location}`)}</td>
      <td className="day-summary">
        {day.summary}
        {comment && (
          <span className="review-row-comment">
            <span className="review-row-comment-label">{t('reviewScreen.comment.on')}</span> {comment}
          </span>
        )}
      </td>
      {onComment && (
        <td className="nowrap review-row-action">
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => onComment(day.date)}
            aria-label={t(hasComment ? 'reviewScreen.days.editComment.label' : 'reviewScreen.days.comment.label', { date: longDate, consultant: day.consultantName })}
          >
            {t(hasComment ? 'reviewScreen.comment.edit.short' : 'reviewScreen.comment.add')}
          </button>
        </td>
      )}
    </tr>
  );
}
