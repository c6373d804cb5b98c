import { useMemo } from 'react';
import { formatLongDate } from '../../../../core/calendar';
import type { DayEntryChange } from '../../../../core/domainViews';
import { formatDays } from '../../../../core/money';
import { useApiQuery } from '../../api/useApiQuery';
import { Card } from '../../components/Definitions';
import { intlLocale, useI18n } from '../../i18n';

type Fields = NonNullable<DayEntryChange['after']>;

/**
 * « Journal des saisies »: how the timesheet came to be — every change of a day entry, newest
 * first, with who made it, from which device, and what the entry was before and after.
 */
export function DayAuditCard({ engagementId, version }: { engagementId: string; version: string }) {
  const { t, locale } = useI18n();
  const { state } = useApiQuery(`days.audit:${engagementId}:${version}`, (api) => api.call('days.audit', { engagementId }));
  const format = useMemo(() => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'medium' }), [locale]);
  const describe = (fields: Fields | null) =>
    fields ? `${t('audit.days', { days: formatDays(fields.halfDays, locale) })} · ${t(`activity.${fields.activity}`)} · ${t(`location.${fields.location}`)}` : t('audit.none');

  const changes = state.status === 'success' ? state.data : [];
  return (
    <Card title={t('audit.title')} titleId="audit-title" aside={<span className="card-count">{changes.length}</span>}>
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'success' && changes.length === 0 && <p className="card-empty">{t('audit.empty')}</p>}
      {changes.length > 0 && (
        <table className="audit-table" aria-labelledby="audit-title">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.day')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.id}>
                <td>
                  <time dateTime={change.at}>{format.format(new Date(change.at))}</time>
                </td>
                <td>{t('audit.by', { name: change.by, device: change.device })}</td>
                <td>
                  {change.consultantName} — {formatLongDate(change.date, locale)}
                </td>
                <td>{describe(change.before)}</td>
                <td>{describe(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
