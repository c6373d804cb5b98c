import type { EngagementDetail } from '../../../../core/domain';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n';
import { formatDepartement } from '../../lib/format';

export function EngagementHeader({ detail }: { detail: EngagementDetail }) {
  const { t } = useI18n();
  const { engagement, company, wave } = detail;
  const facts = [
    `${company.city} · ${formatDepartement(company.departement)}`,
    wave.name,
    t(`projectType.${engagement.projectType}`),
    t(`phase.${engagement.phase}`),
  ];
  return (
    <header className="engagement-header">
      <div className="engagement-heading">
        <h1 className="engagement-title" tabIndex={-1}>
          <span className="engagement-ref">{engagement.ref}</span>
          <span className="visually-hidden"> — </span>
          <span className="engagement-company">{company.name}</span>
        </h1>
        <ul className="engagement-facts">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      </div>
      <StatusBadge status={engagement.status} size="lg" />
    </header>
  );
}
