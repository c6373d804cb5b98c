import { useMemo, type Ref } from 'react';
import type { SyncConflictSide, SyncConflictView } from '../../../../core/contract';
import { intlLocale, useI18n } from '../../i18n';
import type { Resolution } from './useConflicts';

interface Props {
  conflicts: readonly SyncConflictView[];
  /** This device's id: its own values say « ce poste ». */
  deviceId: string | null;
  pending: Resolution | null;
  onResolve: (resolution: Resolution) => void;
  tableRef: Ref<HTMLTableElement>;
}

/** A value as it was written, and by which device, when. */
function Side({ side, deviceId, kept }: { side: SyncConflictSide; deviceId: string | null; kept: boolean }) {
  const { t, locale } = useI18n();
  const format = useMemo(() => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }), [locale]);
  const device = side.deviceId === deviceId ? t('syncUi.conflicts.thisDevice') : t('syncUi.conflicts.otherDevice', { device: side.deviceId });
  return (
    <div className={`sync-side sync-side--${kept ? 'kept' : 'lost'}`}>
      <p className="sync-side-value">{side.shown}</p>
      <p className="sync-side-origin">{t('syncUi.conflicts.origin', { device, date: format.format(new Date(side.at)) })}</p>
    </div>
  );
}

/** One row per conflict: what, which field, the value kept and the one that lost, and the choice. */
export function ConflictsTable({ conflicts, deviceId, pending, onResolve, tableRef }: Props) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="sync-conflicts-table" aria-labelledby="sync-conflicts-title" ref={tableRef}>
        <thead>
          <tr>
            <th scope="col">{t('syncUi.conflicts.what')}</th>
            <th scope="col">{t('syncUi.conflicts.field')}</th>
            <th scope="col">{t('syncUi.conflicts.winner')}</th>
            <th scope="col">{t('syncUi.conflicts.loser')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('syncUi.conflicts.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict) => {
            const rowId = `sync-conflict-${conflict.id}`;
            const busy = pending !== null;
            const spinning = (keep: Resolution['keep']) => pending?.conflict.id === conflict.id && pending.keep === keep;
            return (
              <tr key={conflict.id} data-conflict-id={conflict.id}>
                <th scope="row" id={`${rowId}-what`} className="sync-conflict-what">
                  {conflict.what}
                </th>
                <td id={`${rowId}-field`} className="sync-conflict-field">
                  {conflict.field}
                </td>
                <td>
                  <Side side={conflict.winner} deviceId={deviceId} kept />
                </td>
                <td>
                  <Side side={conflict.loser} deviceId={deviceId} kept={false} />
                </td>
                <td className="sync-conflict-actions">
                  <div className="sync-conflict-actions-stack">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-describedby={`${rowId}-field ${rowId}-what`}
                      aria-disabled={busy || undefined}
                      onClick={() => !busy && onResolve({ conflict, keep: 'winner' })}
                    >
                      {spinning('winner') && <span className="spinner" aria-hidden="true" />}
                      {t('syncUi.conflicts.keep')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-describedby={`${rowId}-field ${rowId}-what`}
                      aria-disabled={busy || undefined}
                      onClick={() => !busy && onResolve({ conflict, keep: 'loser' })}
                    >
                      {spinning('loser') && <span className="spinner" aria-hidden="true" />}
                      {t('syncUi.conflicts.restore')}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
