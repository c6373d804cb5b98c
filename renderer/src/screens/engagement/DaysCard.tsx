import { useMemo } from 'react';
import { dayFlags, publicHolidayOn } from '../../../../core/calendar';
import type { DayEntry, EngagementDetail } from '../../../../core/domain';
import { Card } from '../../components/Definitions';
import { useI18n } from '../../i18n';

/** The day log of the engagement, in date order, weekends and public holidays flagged. */
export function DaysCard({ detail }: { detail: EngagementDetail }) {
  const { t, days, money } = useI18n();
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
              {entries.map((entry) => (
                <DayRow key={entry.id} entry={entry} consultant={consultantNames.get(entry.consultantId) ?? '—'} />
              ))}
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

function DayRow({ entry, consultant }: { entry: DayEntry; consultant: string }) {
  const { t, date } = useI18n();
  const flags = dayFlags(entry.date);
  const holiday = publicHolidayOn(entry.date);
  return (
    <tr className={flags.length > 0 ? 'is-flagged' : undefined}>
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
      <td className="day-summary">{entry.summary}</td>
    </tr>
  );
}
