import { useMemo } from 'react';
import type { EngagementDetail, EngagementStatus } from '../../../../core/domain';
import { Card } from '../../components/Definitions';
import { intlLocale, useI18n } from '../../i18n';
import { hrefs } from '../../router';
import { PackageIcon } from './closing/closingIcons';
import { useRevealPackage } from './closing/useRevealPackage';
import { DecisionCell } from './review/DecisionCell';
import { ignoredByVersion } from './review/firmReview';
import { IgnoredDecisions } from './review/IgnoredDecisions';
import { CheckAgainIcon } from './review/reviewIcons';
import { useDecisionCheck } from './review/useDecisionCheck';
import '../../styles/closing.css';
import '../../styles/firmReview.css';

/** Before completion there is nothing to package yet: the card would only say so. */
const BEFORE_COMPLETION: readonly EngagementStatus[] = ['draft', 'committed', 'in_progress'];

/**
 * « Dossiers de clôture »: every version written for the engagement, where it is, a way to open
 * it, and the Région's decision on it; « Vérifier les décisions » reads the exchange folder now,
 * and the decision files read and ignored are shown as a warning.
 */
export function PackagesCard({ detail, onChanged }: { detail: EngagementDetail; onChanged: () => void }) {
  const { t, locale, number, days, money } = useI18n();
  const { packages, reviews, ignoredDecisions, engagement } = detail;
  const status = engagement.status;
  const format = useMemo(() => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short' }), [locale]);
  const ordered = useMemo(() => [...packages].sort((a, b) => a.version - b.version), [packages]);
  const reviewOf = useMemo(() => new Map(reviews.map((record) => [record.version, record])), [reviews]);
  const ignoredOf = useMemo(() => ignoredByVersion(ignoredDecisions), [ignoredDecisions]);
  const { reveal, pending, outcome } = useRevealPackage();
  const decisions = useDecisionCheck(engagement.id, onChanged, ignoredDecisions.length > 0);
  const revealed = outcome ? ordered.find((record) => record.id === outcome.packageId) : undefined;
  const latestVersion = ordered.at(-1)?.version ?? null;
  if (ordered.length === 0 && BEFORE_COMPLETION.includes(status)) return null;

  return (
    <Card
      title={t('closingUi.packages.title')}
      titleId="packages-title"
      className="card--flush packages-card"
      aside={
        ordered.length > 0 ? (
          <>
            <span className="card-count">{number(ordered.length)}</span>
            <button type="button" className="button button--secondary button--small" aria-disabled={decisions.checking || undefined} onClick={() => void decisions.check()}>
              {decisions.checking ? <span className="spinner" aria-hidden="true" /> : <CheckAgainIcon />}
              {t('firmReview.check')}
            </button>
          </>
        ) : undefined
      }
    >
      {ordered.length === 0 ? (
        <p className="card-empty">{t('closingUi.packages.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="packages-table" aria-labelledby="packages-title">
            <thead>
              <tr>
                <th scope="col">{t('closingUi.packages.version')}</th>
                <th scope="col">{t('closingUi.packages.createdAt')}</th>
                <th scope="col">{t('closingUi.packages.createdBy')}</th>
                <th scope="col" className="num">
                  {t('closingUi.packages.days')}
                </th>
                <th scope="col" className="num">
                  {t('closingUi.packages.amount')}
                </th>
                <th scope="col">{t('firmReview.packages.decision')}</th>
                <th scope="col">{t('closingUi.packages.folder')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('closingUi.packages.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((record) => (
                <tr key={record.id}>
                  <th scope="row">
                    <span className="version-pill">
                      <PackageIcon />
                      {t('closingUi.version', { version: record.version })}
                    </span>
                  </th>
                  <td className="nowrap">
                    <time dateTime={record.createdAt}>{format.format(new Date(record.createdAt))}</time>
                  </td>
                  <td>{record.createdBy}</td>
                  <td className="num nowrap">{t('engagement.days.unit', { days: days(record.halfDaysLogged) })}</td>
                  <td className="num nowrap">{money(record.amountCents)}</td>
                  <td className="packages-decision">
                    <DecisionCell review={reviewOf.get(record.version)} ignored={ignoredOf.get(record.version) ?? []} latest={record.version === latestVersion} status={status} />
                  </td>
                  <td className="packages-folder mono">{record.folder}</td>
                  <td className="packages-action">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('closingUi.packages.open', { version: record.version })}
                      aria-disabled={pending !== null || undefined}
                      onClick={() => void reveal(record.id)}
                    >
                      {pending === record.id && <span className="spinner" aria-hidden="true" />}
                      {t('closingUi.folder.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <IgnoredDecisions decisions={ignoredDecisions} />
      <div className="packages-note" role="status">
        {outcome && revealed && (
          <p className={`package-folder-note package-folder-note--${outcome.tone}`}>
            <strong>{t('closingUi.version', { version: revealed.version })}</strong> — {outcome.text}
          </p>
        )}
      </div>
      <div className="packages-note packages-check" role="status">
        {decisions.outcome && (
          <div className={`decision-check decision-check--${decisions.outcome.tone}`}>
            {decisions.outcome.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {decisions.outcome.noFolder && (
              <p>
                <a href={hrefs.settings()}>{t('firmReview.check.noFolder.link')}</a>
              </p>
            )}
          </div>
        )}
      </div>
      {status === 'submitted' && <p className="packages-check-hint">{t('firmReview.check.hint')}</p>}
    </Card>
  );
}
