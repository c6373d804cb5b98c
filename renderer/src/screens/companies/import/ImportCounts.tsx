import { useEffect, useRef } from 'react';
import type { CompanyImportPreview } from '../../../../../core/domainViews';
import { useI18n } from '../../../i18n';

/**
 * Valid / with a warning / rejected, each with its color and its word. Focused when the analysis
 * arrives, so that the keyboard and the screen reader start from the outcome.
 */
export function ImportCounts({ counts }: { counts: CompanyImportPreview['counts'] }) {
  const { t, number } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);
  const items = [
    { key: 'valid', value: counts.valid, label: t('directory.import.count.valid') },
    { key: 'warning', value: counts.withWarnings, label: t('directory.import.count.warning') },
    { key: 'rejected', value: counts.rejected, label: t('directory.import.count.rejected') },
  ] as const;
  return (
    <div ref={ref} tabIndex={-1} role="group" className="import-counts" aria-label={t('directory.import.counts', { total: number(counts.total) })}>
      <dl className="import-counts-list">
        {items.map((item) => (
          <div key={item.key} className={`import-count import-count--${item.key}`}>
            <dt>{item.label}</dt>
            <dd className="num">{number(item.value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
