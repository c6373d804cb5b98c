import type { ReviewFinding } from '../../../../../core/review';
import { AlertIcon } from '../../../components/icons';
import { useI18n } from '../../../i18n';
import { findingsByCategory } from './reviewFigures';

/**
 * What the verifier found (integrity, arithmetic, rules), at the top where it cannot be missed,
 * each with the file and the field it is about; or one line saying it found nothing.
 */
export function FindingsPanel({ findings }: { findings: readonly ReviewFinding[] }) {
  const { t } = useI18n();
  if (findings.length === 0) {
    return (
      <p className="review-findings-clear">
        <CheckMark />
        {t('reviewScreen.findings.none')}
      </p>
    );
  }
  return (
    <section className="review-findings" aria-labelledby="review-findings-title">
      <header className="review-findings-head">
        <AlertIcon />
        <div>
          <h2 id="review-findings-title" className="review-findings-title">
            {t(findings.length === 1 ? 'reviewScreen.findings.title.one' : 'reviewScreen.findings.title.many', { count: findings.length })}
          </h2>
          <p className="review-findings-lead">{t('reviewScreen.findings.lead')}</p>
        </div>
      </header>
      <div className="review-findings-groups">
        {findingsByCategory(findings).map((group) => (
          <div key={group.category} className="review-findings-group">
            <h3 className="review-findings-category">
              {t(`reviewScreen.findings.category.${group.category}`)} <span className="review-findings-count">({group.findings.length})</span>
            </h3>
            <ul className="review-findings-list">
              {group.findings.map((finding, index) => (
                <li key={`${finding.file}:${finding.field}:${index}`} className="review-finding">
                  <span className="review-finding-message">{finding.message}</span>
                  <span className="review-finding-where">
                    <span className="visually-hidden">{t('reviewScreen.findings.where')} </span>
                    <span className="mono">{finding.file}</span>
                    {finding.field && (
                      <>
                        <span aria-hidden="true"> · </span>
                        <span className="mono">{finding.field}</span>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

export function CheckMark() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="m4.5 10.5 3.5 3.5 7.5-8" />
    </svg>
  );
}

export function CrossMark() {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="m5.5 5.5 9 9m0-9-9 9" />
    </svg>
  );
}
