import { useId } from 'react';
import { useI18n } from '../../i18n';
import { MEASURES, type Measure } from './programmeFigures';

/** What the charts of slices count: public money or missions (a radio group: arrows move, the choice applies at once). */
export function MeasureChoice({ value, onChange }: { value: Measure; onChange: (measure: Measure) => void }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="region-measure">
      <legend className="region-measure-legend">{t('regionProgramme.measure.legend')}</legend>
      <div className="region-measure-options">
        {MEASURES.map((measure) => (
          <label key={measure} className={`region-measure-option${measure === value ? ' is-checked' : ''}`}>
            <input type="radio" name={name} value={measure} checked={measure === value} onChange={() => onChange(measure)} />
            {t(`regionProgramme.measure.${measure}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
