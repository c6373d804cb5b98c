import type { Deliverable } from '../../../../core/domain';
import { Card } from '../../components/Definitions';
import { FileIcon } from '../../components/icons';
import { intlLocale, useI18n } from '../../i18n';
import { formatBytes } from '../../lib/format';

export function DeliverablesCard({ deliverables }: { deliverables: Deliverable[] }) {
  const { t, locale, number } = useI18n();
  return (
    <Card title={t('engagement.deliverables')} titleId="deliverables-title" aside={deliverables.length > 0 ? <span className="card-count">{number(deliverables.length)}</span> : undefined}>
      {deliverables.length === 0 ? (
        <p className="card-empty">{t('engagement.noDeliverables')}</p>
      ) : (
        <ul className="deliverables">
          {deliverables.map((deliverable) => (
            <li key={deliverable.id} className="deliverable">
              <FileIcon />
              <div className="deliverable-body">
                <p className="deliverable-title">
                  {deliverable.title}
                  <span className="kind-badge">{t(`deliverable.${deliverable.kind}`)}</span>
                </p>
                <p className="deliverable-file">
                  {t('engagement.deliverable.file', { fileName: deliverable.fileName, size: formatBytes(deliverable.bytes, intlLocale(locale)) })}
                  <span className="mono deliverable-hash" title={deliverable.sha256}>
                    SHA-256 {deliverable.sha256.slice(0, 12)}…
                  </span>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
