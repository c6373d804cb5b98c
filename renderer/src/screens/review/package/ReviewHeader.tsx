import type { ReviewPackageView } from '../../../../../core/review';
import { intlLocale, useI18n } from '../../../i18n';
import { formatSiret } from '../../../lib/format';
import { formatInstant } from './reviewFigures';
import { ReviewStatusBadge } from '../../../components/ReviewStatusBadge';

/** Reference, version and company; the firm, when it was submitted, where it was found; the status. */
export function ReviewHeader({ view }: { view: ReviewPackageView }) {
  const { t, locale } = useI18n();
  const { row } = view;
  const intl = intlLocale(locale);
  const facts = [
    t('reviewScreen.header.firm', { firm: row.firm }),
    row.submittedAt ? t('reviewScreen.header.submitted', { date: formatInstant(row.submittedAt, intl) }) : t('reviewScreen.header.notDated'),
    ...(row.siret ? [t('reviewScreen.header.siret', { siret: formatSiret(row.siret) })] : []),
    ...(view.engagement ? [view.engagement.engagement.wave, t(`projectType.${view.engagement.engagement.projectType}`)] : []),
  ];
  return (
    <header className="engagement-header review-header">
      <div className="engagement-heading">
        <h1 className="engagement-title" tabIndex={-1}>
          <span className="engagement-ref">{t('reviewScreen.header.ref', { ref: row.ref, version: row.version })}</span>
          <span className="visually-hidden"> — </span>
          <span className="engagement-company">{row.companyName ?? t('reviewScreen.header.noCompany')}</span>
        </h1>
        <ul className="engagement-facts">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
        <p className="review-header-folder">
          <span>{t('reviewScreen.header.folder')}</span> <span className="mono">{row.folder}</span>
        </p>
      </div>
      <ReviewStatusBadge status={row.status} size="lg" />
    </header>
  );
}
