import type { ProgrammeDashboard } from '../../../../core/domainViews';
import { useI18n } from '../../i18n';
import { formatDepartement } from '../../lib/format';
import { BreakdownCard } from './BreakdownCard';
import { BurnTable } from './BurnTable';
import { EnvelopeFiguresRow, EnvelopeOverview } from './EnvelopeOverview';
import { StatusDonut } from './StatusDonut';

/** The charts and tables of one programme's dashboard (loaded on demand, with the charting library). */
export default function DashboardContent({ data }: { data: ProgrammeDashboard }) {
  const { t } = useI18n();
  return (
    <div className="dashboard">
      <EnvelopeFiguresRow figures={data.programme.envelope} />
      <div className="dashboard-row dashboard-row--wide">
        <EnvelopeOverview figures={data.programme.envelope} />
        <StatusDonut rows={data.byStatus} />
      </div>
      <div className="dashboard-row dashboard-row--thirds">
        <BreakdownCard title={t('programme.dashboard.byWave')} titleId="dashboard-wave" rows={data.byWave} labelOf={(key) => key} labelWidth={90} />
        <BreakdownCard
          title={t('programme.dashboard.byProjectType')}
          titleId="dashboard-type"
          rows={data.byProjectType}
          labelOf={(key) => t(`projectType.${key as (typeof data.byProjectType)[number]['key']}`)}
          labelWidth={170}
        />
        <BreakdownCard title={t('programme.dashboard.byPhase')} titleId="dashboard-phase" rows={data.byPhase} labelOf={(key) => t(`phase.${key as (typeof data.byPhase)[number]['key']}`)} labelWidth={110} />
      </div>
      <div className="dashboard-row dashboard-row--halves">
        <BreakdownCard title={t('programme.dashboard.bySector')} titleId="dashboard-sector" rows={data.bySector} labelOf={(key) => key || t('programme.dashboard.noSector')} labelWidth={190} />
        <BreakdownCard title={t('programme.dashboard.byDepartement')} titleId="dashboard-departement" rows={data.byDepartement} labelOf={formatDepartement} labelWidth={150} />
      </div>
      <BurnTable rows={data.burn} />
    </div>
  );
}
