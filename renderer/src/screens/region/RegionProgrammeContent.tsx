import { useState } from 'react';
import type { ProjectType } from '../../../../core/domain';
import type { ProgrammeSlice, RegionProgrammeView } from '../../../../core/review';
import { useI18n } from '../../i18n';
import { formatDepartement } from '../../lib/format';
import { MissionsTable } from './MissionsTable';
import { MeasureChoice } from './MeasureChoice';
import { EnvelopeCard, ProgrammeFiguresRow } from './ProgrammeEnvelope';
import type { Measure } from './programmeFigures';
import { SliceCard } from './SliceCard';
import { StatusCard } from './StatusCard';

/** The figures, charts and missions of the Région's programme (loaded on demand, with the charting library). */
export default function RegionProgrammeContent({ view }: { view: RegionProgrammeView }) {
  const { t } = useI18n();
  const [measure, setMeasure] = useState<Measure>('publicMoney');
  const unknown = t('regionProgramme.unknown');
  const plain = (slice: ProgrammeSlice) => slice.key || unknown;
  const slice = (key: 'byWave' | 'bySector' | 'byDepartement' | 'byProjectType' | 'byFirm', labelOf: (slice: ProgrammeSlice) => string, labelWidth: number) => (
    <SliceCard title={t(`regionProgramme.${key}`)} titleId={`region-${key}`} slices={view[key]} labelOf={labelOf} measure={measure} labelWidth={labelWidth} />
  );

  return (
    <div className="dashboard region-programme">
      <ProgrammeFiguresRow view={view} />
      <div className="dashboard-row dashboard-row--wide">
        <EnvelopeCard view={view} />
        <StatusCard missions={view.missions} />
      </div>
      <section className="region-breakdowns" aria-labelledby="region-breakdowns-title">
        <div className="region-breakdowns-header">
          <h2 id="region-breakdowns-title" className="region-section-title">
            {t('regionProgramme.breakdowns.title')}
          </h2>
          <MeasureChoice value={measure} onChange={setMeasure} />
        </div>
        <div className="dashboard-row dashboard-row--thirds">
          {slice('byWave', plain, 90)}
          {slice('byProjectType', (item) => (item.key ? t(`projectType.${item.key as ProjectType}`) : unknown), 170)}
          {slice('byFirm', plain, 130)}
        </div>
        <div className="dashboard-row dashboard-row--halves">
          {slice('bySector', plain, 200)}
          {slice('byDepartement', (item) => (item.key ? formatDepartement(item.key) : unknown), 150)}
        </div>
      </section>
      <MissionsTable missions={view.missions} />
    </div>
  );
}
