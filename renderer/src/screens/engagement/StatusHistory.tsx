import { useMemo } from 'react';
import type { StatusChange } from '../../../../core/domain';
import { Card } from '../../components/Definitions';
import { StatusBadge } from '../../components/StatusBadge';
import { intlLocale, useI18n } from '../../i18n';

/** « Historique des statuts »: every move of the engagement, when and by whom, oldest first. */
export function StatusHistory({ changes }: { changes: readonly StatusChange[] }) {
  const { t, locale, number } = useI18n();
  const format = useMemo(() => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }), [locale]);
  const ordered = useMemo(() => [...changes].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)), [changes]);

  return (
    <Card title={t('programme.history.title')} titleId="history-title" aside={ordered.length > 0 ? <span className="card-count">{number(ordered.length)}</span> : undefined}>
      {ordered.length === 0 ? (
        <p className="card-empty">{t('programme.history.empty')}</p>
      ) : (
        <ol className="history">
          {ordered.map((change) => (
            <li key={change.id} className="history-item">
              <span className="history-dot" aria-hidden="true" />
              <div className="history-change">
                {change.fromStatus ? (
                  <>
                    <StatusBadge status={change.fromStatus} />
                    <span className="history-arrow" aria-hidden="true">
                      →
                    </span>
                    <span className="visually-hidden">{t('programme.history.to')}</span>
                  </>
                ) : (
                  <span className="history-created">{t('programme.history.created')}</span>
                )}
                <StatusBadge status={change.toStatus} />
              </div>
              <p className="history-meta">
                <time dateTime={change.at}>{format.format(new Date(change.at))}</time>
                <span className="history-by">{t('programme.history.by', { name: change.by })}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
