import type { Consultant } from '../../../../core/domain';
import { useI18n } from '../../i18n';

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

interface Props {
  consultants: readonly Consultant[];
  highlightId: string | null;
  onEdit: (consultant: Consultant) => void;
}

/** The firm's consultants: a handful of rows, so a plain table. */
export function ConsultantsTable({ consultants, highlightId, onEdit }: Props) {
  const { t, money } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table directory-table consultants-table" aria-label={t('directory.consultants.title')}>
        <thead>
          <tr>
            <th scope="col">{t('directory.consultant.column.name')}</th>
            <th scope="col">{t('directory.consultant.column.email')}</th>
            <th scope="col" className="cell-number">
              {t('directory.consultant.column.rate')}
            </th>
            <th scope="col" className="cell-actions">
              <span className="visually-hidden">{t('directory.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {consultants.map((consultant) => (
            <tr key={consultant.id} className={`data-row directory-row${consultant.id === highlightId ? ' is-highlighted' : ''}`}>
              <td>
                <span className="person">
                  <span className="avatar" aria-hidden="true">
                    {initials(consultant.name)}
                  </span>
                  <span className="cell-primary">{consultant.name}</span>
                </span>
              </td>
              <td>
                <a href={`mailto:${consultant.email}`}>{consultant.email}</a>
              </td>
              <td className="cell-number num">{money(consultant.dailyRateCents)}</td>
              <td className="cell-actions">
                <button type="button" className="button button--ghost button--small" onClick={() => onEdit(consultant)}>
                  {t('directory.edit')}
                  <span className="visually-hidden"> {consultant.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
