import { FINDING_CATEGORIES, type ReviewQueueRow } from '../../../../../core/review';
import { useI18n } from '../../../i18n';
import { findingsTotal } from './queueFilters';

/**
 * What the verifier found in a package, before anyone opens it: an alert mark with the count of
 * each category (« Intégrité 1 · Calculs 2 ») and the first finding's words, or « Aucune ».
 */
export function FindingsMark({ row }: { row: ReviewQueueRow }) {
  const { t, number } = useI18n();
  const total = findingsTotal(row);
  if (total === 0) {
    return (
      <span className="findings-none">
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="m5.2 8.2 1.9 1.9 3.7-3.9" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {t('reviewUi.findings.none')}
      </span>
    );
  }
  const first = row.findings[0];
  const counts = FINDING_CATEGORIES.filter((category) => row.findingCounts[category] > 0).map((category) =>
    t('reviewUi.findings.count', { category: t(`reviewUi.finding.${category}`), count: number(row.findingCounts[category]) }),
  );
  return (
    // The tooltip repeats what a narrow column may cut: the counts and the first finding's words.
    <div className="findings-mark" title={[counts.join(' · '), first?.message].filter(Boolean).join(' — ')} data-findings={total}>
      <span className="findings-flag">
        <svg className="findings-flag-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M8 1.5 15 14H1z" fill="currentColor" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          <path d="M8 6v3.5M8 11.6v.2" stroke="#fff" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <span className="visually-hidden">{t(total === 1 ? 'reviewUi.findings.label.one' : 'reviewUi.findings.label', { count: number(total) })}</span>
        <span>{counts.join(' · ')}</span>
      </span>
      {first && <span className="findings-first">{first.message}</span>}
    </div>
  );
}
