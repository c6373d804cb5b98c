import { useId, useState } from 'react';
import type { BurnRow } from '../../../../core/domainViews';
import { AllowanceMeter } from '../../components/AllowanceMeter';
import { Card } from '../../components/Definitions';
import { StatusBadge } from '../../components/StatusBadge';
import { intlLocale, useI18n } from '../../i18n';
import { allowanceLevel } from '../../lib/format';
import { hrefs } from '../../router';

/**
 * Allowances burning down, the most used first (the service's order): amber from 80 %, red once
 * used up, each level also said in words.
 */
export function BurnTable({ rows }: { rows: readonly BurnRow[] }) {
  const { t, number, locale } = useI18n();
  const filterId = useId();
  const [atRiskOnly, setAtRiskOnly] = useState(false);
  const percentFormat = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 });
  const levels = rows.map((row) => ({ row, level: allowanceLevel(row.halfDaysLogged, row.allowanceDays) }));
  const exhausted = levels.filter((entry) => entry.level === 'exhausted').length;
  const warning = levels.filter((entry) => entry.level === 'warning').length;
  const shown = atRiskOnly ? levels.filter((entry) => entry.level !== 'normal') : levels;

  return (
    <Card
      title={t('programme.dashboard.burn')}
      titleId="dashboard-burn"
      className="card--flush burn-card"
      aside={<span className="card-count">{t('programme.dashboard.burn.count', { exhausted: number(exhausted), warning: number(warning), total: number(rows.length) })}</span>}
    >
      <div className="burn-toolbar">
        <p className="burn-intro">{t('programme.dashboard.burn.intro')}</p>
        <label className="checkbox-inline" htmlFor={filterId}>
          <input id={filterId} type="checkbox" checked={atRiskOnly} onChange={(event) => setAtRiskOnly(event.target.checked)} />
          {t('programme.dashboard.burn.atRiskOnly')}
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="card-empty">{t(rows.length === 0 ? 'programme.dashboard.burn.empty' : 'programme.dashboard.burn.noneAtRisk')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-grid burn-table" aria-labelledby="dashboard-burn">
            <thead>
              <tr>
                <th scope="col">{t('column.ref')}</th>
                <th scope="col">{t('column.company')}</th>
                <th scope="col">{t('column.status')}</th>
                <th scope="col" className="burn-meter-column">
                  {t('column.allowance')}
                </th>
                <th scope="col" className="num">
                  {t('programme.dashboard.burn.used')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ row, level }) => (
                <tr key={row.id} className={`burn-row burn-row--${level}`}>
                  <th scope="row" className="nowrap">
                    <a href={hrefs.engagement(row.id)} className="burn-ref">
                      {row.ref}
                    </a>
                  </th>
                  <td>{row.companyName}</td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  <td>
                    <AllowanceMeter halfDaysLogged={row.halfDaysLogged} allowanceDays={row.allowanceDays} />
                  </td>
                  <td className="num nowrap">
                    <span className="burn-percent">{percentFormat.format(row.usedRatio)}</span>
                    {level !== 'normal' && <span className={`burn-flag burn-flag--${level}`}>{t(`programme.dashboard.burn.level.${level}`)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
