import type { ClosingChecklist } from '../../../../../core/contract';
import { useI18n } from '../../../i18n';
import { FolderIcon } from './closingIcons';

/** Where the package will be written: `<shared folder>/packages/<ref>/v<n>`. */
export function ClosingTarget({ checklist }: { checklist: ClosingChecklist }) {
  const { t } = useI18n();
  return (
    <section className="closing-section closing-target" aria-labelledby="closing-target-title">
      <div className="closing-section-head">
        <h3 id="closing-target-title" className="closing-section-title">
          {t('closingUi.target.title')}
        </h3>
        <span className="version-pill">{t('closingUi.version', { version: checklist.nextVersion })}</span>
      </div>
      {checklist.folder ? (
        <p className="closing-target-path">
          <FolderIcon />
          <span className="mono">{checklist.folder}</span>
        </p>
      ) : (
        <p className="closing-target-unknown">{t('closingUi.target.unknown', { ref: checklist.ref, version: checklist.nextVersion })}</p>
      )}
      <p className="closing-target-note">{t('closingUi.target.note')}</p>
    </section>
  );
}
