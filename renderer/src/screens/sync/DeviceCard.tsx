import type { SyncStatus } from '../../../../core/contract';
import { Card, Definitions } from '../../components/Definitions';
import { useI18n } from '../../i18n';
import { hrefs } from '../../router';

/** « Ce poste »: the shared folder, this device's id, what waits to be sent. */
export function DeviceCard({ status }: { status: SyncStatus }) {
  const { t, number } = useI18n();
  return (
    <Card title={t('syncUi.device.title')} titleId="sync-device-title" className="sync-card">
      <Definitions
        items={[
          {
            term: t('syncUi.device.folder'),
            value: status.sharedFolder ? (
              <>
                <span className="mono sync-path">{status.sharedFolder}</span>
                <a className="sync-card-link" href={hrefs.settings()}>
                  {t('syncUi.device.folder.change')}
                </a>
              </>
            ) : (
              <>
                <span className="sync-muted">{t('syncUi.device.folder.none')}</span>
                <a className="sync-card-link" href={hrefs.settings()}>
                  {t('syncUi.device.folder.choose')}
                </a>
              </>
            ),
          },
          {
            term: t('syncUi.device.id'),
            value: status.deviceId ? <span className="mono">{status.deviceId}</span> : <span className="sync-muted">{t('syncUi.device.id.none')}</span>,
          },
          { term: t('syncUi.device.waiting'), value: status.waitingOps > 0 ? number(status.waitingOps) : t('syncUi.device.waiting.none') },
        ]}
      />
    </Card>
  );
}
