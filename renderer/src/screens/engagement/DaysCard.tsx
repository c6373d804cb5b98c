import { useMemo } from 'react';
import { dayFlags, publicHolidayOn } from '../../../../core/calendar';
import { LOCKED_STATUSES, type DayEntry, type EngagementDetail } from '../../../../core/domain';
import type { ReviewComment } from '../../../../core/review';
import { Card } from '../../components/Definitions';
import { useI18n } from '../../i18n';
import { hrefs } from '../../router';
import { dayAnchorId } from './review/firmReview';
import { RegionComments } from './review/RegionComment';

const NO_DAY_COMMENTS: ReadonlyMap<string, ReviewComment[]> = new Map();

/**
 * The day log of the engagement, in date order, weekends and public holidays flagged; a date the
 * Région commented on shows the comment beside its first row (and, while the days can change, the
 * way to the timesheet to correct it).
 */
export function DaysCard({ detail, comments = NO_DAY_COMMENTS }: { detail: EngagementDetail; comments?: ReadonlyMap<string, ReviewComment[]> }) {
  const { t, days, money } = useI18n();
  const editable = !LOCKED_STATUSES.includes(detail.engagement.status);
  const { consultants } = detail;
  const consultantNames = useMemo(() => new Map(consultants.map((consultant) => [consultant.id, consultant.name])), [consultants]);
  const entries = useMemo(
    () => [...detail.days].sort((a, b) => a.date.localeCompare(b.date) || (consultantNames.get(a.consultantId) ?? '').localeCompare(consultantNames.get(b.consultantId) ?? '')),
    [detail.days, consultantNames],
  );
  const halfDays = entries.reduce((sum, entry) => sum + entry.halfDays, 0);
  const count = t('engagement.days.count', { entries: entries.length, days: days(halfDays) });

  return (
    <Card title={t('engagement.days')} titleId="days-title" aside={<span className="card-count">{count}</span>} className="card--flush">
      {entries.length === 0 ? (
        <p className="card-empty">{t('engagement.noDays')}</p>
      ) : (
        <div className="table-wrap">
          <table className="days-table" aria-labelledby="days-title">
            <thead>
              <tr>
                <th scope="col">{t('engagement.day.date')}</th>
                <th scope="col">{t('engagement.day.consultant')}</th>
                <th scope="col">{t('engagement.day.duration')}</th>
                <th scope="col">{t('engagement.day.activity')}</th>
                <th scope="col">{t('engagement.day.location')}</th>
                <th scope="col">{t('engagement.day.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => {
                // A comment is about a date: shown once, on the date's first row.
                const first = index === 0 || entries[index - 1]!.date !== entry.date;
                return (
                  <DayRow
                    key={entry.id}
                    entry={entry}
                    consultant={consultantNames.get(entry.consultantId) ?? '—'}
                    comments={first ? (comments.get(entry.date) ?? null) : null}
                    commented={comments.has(entry.date)}
                    editable={editable}
                  />
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('engagement.days.total')}
                </th>
                <td className="num">{t('engagement.days.unit', { days: days(halfDays) })}</td>
                <td colSpan={3} className="num days-total-amount">
                  {money(detail.totals.amountCents)}
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
  entry: DayEntry;
  consultant: string;
  /** The Région's comments on this date, on the date's first row only. */
  comments: readonly ReviewComment[] | null;
  /** The Région commented on this date (every row of it is marked). */
  commented: boolean;
  editable: boolean;
}

function DayRow({ entry, consultant, comments, commented, editable }: RowProps) {
  const { t, date } = useI18n();
  const flags = dayFlags(entry.date);
  const holiday = publicHolidayOn(entry.date);
  const className = [flags.length > 0 ? 'is-flagged' : '', commented ? 'is-commented' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <tr className={className} id={comments ? dayAnchorId(entry.date) : undefined} tabIndex={comments ? -1 : undefined}>
      <td className="nowrap">
        <span className="day-date">{date(entry.date)}</span>
        {flags.map((flag) => (
          <span key={flag} className={`flag-badge flag-badge--${flag}`}>
            {flag === 'public_holiday' && holiday ? `${t('flag.public_holiday')} · ${t(`holiday.${holiday}`)}` : t(`flag.${flag}`)}
          </span>
        ))}
      </td>
      <td className="nowrap">{consultant}</td>
      <td className="nowrap">
        <span className={`duration duration--${entry.halfDays === 2 ? 'full' : 'half'}`}>{entry.halfDays === 2 ? t('engagement.day.full') : t('engagement.day.half')}</span>
      </td>
      <td>{t(`activity.${entry.activity}`)}</td>
      <td className="nowrap">{t(`location.${entry.location}`)}</td>
      <td className="day-summary">
        {entry.summary}
        {comments && (
          <RegionComments comments={comments}>
            {editable && (
              <a className="region-comment-action" href={`${hrefs.timesheet()}?week=${entry.date}&consultant=${encodeURIComponent(entry.consultantId)}`} aria-label={t('firmReview.comment.fix.label', { date: date(entry.date) })}>
                {t('firmReview.comment.fix')}
              </a>
            )}
          </RegionComments>
        )}
      </td>
    </tr>
  );
}
