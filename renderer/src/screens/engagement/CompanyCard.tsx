import type { Company, Programme } from '../../../../core/domain';
import { Card, Definitions } from '../../components/Definitions';
import { useI18n } from '../../i18n';
import { formatDepartement, formatNaf, formatSiret } from '../../lib/format';

export function CompanyCard({ company, programme }: { company: Company; programme: Programme }) {
  const { t, number } = useI18n();
  // Outside the programme's départements is a warning, not a block (PRODUCT.md): postal codes do
  // not always match the commune's département.
  const outside = !programme.departements.includes(company.departement);
  return (
    <Card title={t('engagement.company')} titleId="company-title">
      <Definitions
        items={[
          { term: t('engagement.siret'), value: <span className="num nowrap">{formatSiret(company.siret)}</span> },
          { term: t('engagement.naf'), value: <span className="num">{formatNaf(company.nafCode)}</span> },
          { term: t('engagement.sector'), value: company.sector },
          { term: t('engagement.headcount'), value: t('engagement.headcount.value', { count: number(company.headcount) }) },
          {
            term: t('engagement.address'),
            value: (
              <>
                {company.postalCode} {company.city} · {formatDepartement(company.departement)}
                {outside && <span className="flag-badge flag-badge--warning">{t('engagement.outsideProgramme')}</span>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
