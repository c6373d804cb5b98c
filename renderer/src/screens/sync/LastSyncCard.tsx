import { useMemo, type ReactNode } from 'react';
import type { SyncReport } from '../../../../core/syncReport';
import { Card, Definitions } from '../../components/Definitions';
import { intlLocale, useI18n } from '../../i18n';
import { countText, durationParts } from '../../sync/syncText';

/** « Dernière synchronisation »: when, how long, what was sent and received. */
export function LastSyncCard({ report }: { report: SyncReport | null }) {
  const { t, locale, number } = useI18n();
  const format = useMemo(() => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'medium' }), [locale]);
  const count = (key: Parameters<typeof countText>[2], value: number) => countText(t, number, key, value);

  let body: ReactNode;
  if (!report) body = <p className="card-empty">{t('syncUi.last.none')}</p>;
  else {
    const when = { term: t('syncUi.last.when'), value: <time dateTime={report.finishedAt}>{format.format(new Date(report.finishedAt))}</time> };
    if (!report.ran) {
      body = (
        <>
          <Definitions items={[when]} />
          <p className="sync-card-note sync-card-note--error">{t('syncUi.last.notRan')}</p>
        </>
      );
    } else {
      const { exported, imported } = report;
      const duration = durationParts(report.startedAt, report.finishedAt);
      const items = [
        when,
        {
          term: t('syncUi.last.duration'),
          value: !duration
            ? t('syncUi.last.duration.under')
            : duration.minutes > 0
              ? t('syncUi.last.duration.minutes', { minutes: number(duration.minutes), seconds: number(duration.seconds) })
              : t('syncUi.last.duration.seconds', { seconds: number(duration.seconds) }),
        },
        {
          term: t('syncUi.last.exported'),
          value: exported.ops > 0 ? t('syncUi.last.exported.value', { ops: count('syncUi.count.ops', exported.ops), files: count('syncUi.count.files', exported.segments) }) : t('syncUi.last.exported.none'),
        },
        {
          term: t('syncUi.last.imported'),
          value:
            imported.ops > 0 ? (
              <>
                {t('syncUi.last.imported.value', { ops: count('syncUi.count.ops', imported.ops), devices: count('syncUi.count.devices', imported.devices), files: count('syncUi.count.files', imported.segments) })}
                <span className="sync-muted">{count('syncUi.count.cells', imported.changedCells)}</span>
              </>
            ) : (
              t('syncUi.last.imported.none')
            ),
        },
        ...(report.newConflicts > 0 ? [{ term: t('syncUi.last.newConflicts'), value: number(report.newConflicts) }] : []),
        ...(report.pendingRows > 0 ? [{ term: t('syncUi.last.pendingRows'), value: number(report.pendingRows) }] : []),
      ];
      body = <Definitions items={items} />;
    }
  }
  return (
    <Card title={t('syncUi.last.title')} titleId="sync-last-title" className="sync-card">
      {body}
    </Card>
  );
}
