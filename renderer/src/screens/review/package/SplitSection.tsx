import type { SplitComparison } from '../../../../../core/review';
import { Card } from '../../../components/Definitions';
import { useI18n } from '../../../i18n';
import { splitRows, type TotalsField } from './reviewFigures';

/** The cost split as the package states it beside the app's recomputation from the days. */
export function SplitSection({ split }: { split: SplitComparison | null }) {
  const { t, money, days, percent } = useI18n();
  const show = (field: TotalsField, value: number) =>
    // A figure beyond exact arithmetic (a forged package) cannot be recomputed.
    !Number.isFinite(value) ? t('reviewScreen.split.incalculable') : field === 'halfDaysLogged' ? t('engagement.days.unit', { days: days(value) }) : money(value);
  return (
    <Card
      title={t('reviewScreen.split.title')}
      titleId="review-split-title"
      aside={
        split && (
          <span className={`review-split-verdict review-split-verdict--${split.matches ? 'match' : 'differ'}`}>
            {t(split.matches ? 'reviewScreen.split.matches' : 'reviewScreen.split.differs')}
          </span>
        )
      }
      className="card--flush review-split"
    >
      {!split ? (
        <p className="card-empty">{t('reviewScreen.split.unavailable')}</p>
      ) : (
        <>
          <p className="review-section-note">
            {t('reviewScreen.split.basis', { rate: money(split.stated.dailyRateCents), share: percent(split.stated.publicShareBasisPoints) })}
          </p>
          <div className="table-wrap">
            <table className="days-table review-figures-table" aria-labelledby="review-split-title">
              <thead>
                <tr>
                  <th scope="col">{t('reviewScreen.split.figure')}</th>
                  <th scope="col" className="num">
                    {t('reviewScreen.split.stated')}
                  </th>
                  <th scope="col" className="num">
                    {t('reviewScreen.split.recomputed')}
                  </th>
                  <th scope="col">{t('reviewScreen.split.check')}</th>
                </tr>
              </thead>
              <tbody>
                {splitRows(split).map((row) => (
                  <tr key={row.field} className={row.differs ? 'is-different' : undefined}>
                    <th scope="row">{t(`reviewScreen.totals.${row.field}`)}</th>
                    <td className="num nowrap">{show(row.field, row.before)}</td>
                    <td className="num nowrap">{show(row.field, row.after)}</td>
                    <td className="nowrap">
                      {row.differs ? (
                        <span className="review-figure-mark review-figure-mark--differ">{t('reviewScreen.split.rowDiffers')}</span>
                      ) : (
                        <span className="review-figure-mark review-figure-mark--match">{t('reviewScreen.split.rowMatches')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
