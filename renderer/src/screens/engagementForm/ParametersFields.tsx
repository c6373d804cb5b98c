import { PHASES, PROJECT_TYPES, type Phase, type ProjectType } from '../../../../core/domain';
import type { ConsultantView, ProgrammeView } from '../../../../core/domainViews';
import { useI18n } from '../../i18n';
import { Field, ProblemMessage, type FieldProblem } from './FormField';
import { rateText, type ParameterField, type ParametersDraft } from './engagementDraft';

interface Props {
  /** Prefix of the controls' ids: `${idPrefix}-allowance`, … (a form focuses its first error by id). */
  idPrefix: string;
  programme: ProgrammeView;
  consultants: readonly ConsultantView[];
  draft: ParametersDraft;
  onChange: (patch: Partial<ParametersDraft>) => void;
  problems: Partial<Record<ParameterField, FieldProblem>>;
}

/** Wave, project type, phase, allowance, daily rate and consultants: shared by creation and editing. */
export function ParametersFields({ idPrefix, programme, consultants, draft, onChange, problems }: Props) {
  const { t, locale, date, money } = useI18n();
  const id = (field: ParameterField) => `${idPrefix}-${field}`;
  const wave = programme.waves.find((candidate) => candidate.id === draft.waveId);
  const firstConsultant = consultants.find((consultant) => consultant.id === draft.consultantIds[0]);
  const rateHint = draft.rate === null && firstConsultant ? t('programme.params.rate.fromConsultant', { name: firstConsultant.name }) : t('programme.params.rate.hint');

  function toggleConsultant(consultantId: string, checked: boolean) {
    onChange({ consultantIds: checked ? [...draft.consultantIds, consultantId] : draft.consultantIds.filter((chosen) => chosen !== consultantId) });
  }

  return (
    <div className="edit-grid edit-grid--parameters">
      <Field
        id={id('wave')}
        label={t('programme.params.wave')}
        problem={problems.wave}
        hint={wave ? (wave.deadlineOn ? t('programme.params.wave.deadline', { date: date(wave.deadlineOn, 'medium') }) : t('programme.params.wave.noDeadline')) : undefined}
      >
        {(control) => (
          <select {...control} className="select" value={draft.waveId} onChange={(event) => onChange({ waveId: event.target.value })}>
            {!wave && <option value="">{t('programme.params.choose')}</option>}
            {programme.waves.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('projectType')} label={t('programme.params.projectType')} problem={problems.projectType}>
        {(control) => (
          <select {...control} className="select" value={draft.projectType} onChange={(event) => onChange({ projectType: event.target.value as ProjectType })}>
            {draft.projectType === '' && <option value="">{t('programme.params.choose')}</option>}
            {PROJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`projectType.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('phase')} label={t('programme.params.phase')} problem={problems.phase}>
        {(control) => (
          <select {...control} className="select" value={draft.phase} onChange={(event) => onChange({ phase: event.target.value as Phase })}>
            {draft.phase === '' && <option value="">{t('programme.params.choose')}</option>}
            {PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {t(`phase.${phase}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={id('allowance')}
        className="edit-field--pair"
        label={t('programme.params.allowance')}
        problem={problems.allowance}
        hint={t('programme.params.allowance.hint', { min: programme.minDays, max: programme.maxDays })}
      >
        {(control) => (
          <div className="edit-control edit-control--suffix">
            <input
              {...control}
              className="input num"
              type="number"
              inputMode="numeric"
              min={programme.minDays}
              max={programme.maxDays}
              step={1}
              value={draft.allowance}
              onChange={(event) => onChange({ allowance: event.target.value })}
            />
            <span className="edit-suffix" aria-hidden="true">
              {t('programme.params.daysSuffix')}
            </span>
          </div>
        )}
      </Field>
      <Field id={id('rate')} className="edit-field--pair" label={t('programme.params.rate')} problem={problems.rate} hint={rateHint}>
        {(control) => (
          <div className="edit-control edit-control--suffix">
            <input
              {...control}
              className="input num"
              inputMode="decimal"
              autoComplete="off"
              maxLength={16}
              value={rateText(draft, consultants, locale)}
              onChange={(event) => onChange({ rate: event.target.value })}
            />
            <span className="edit-suffix" aria-hidden="true">
              €
            </span>
          </div>
        )}
      </Field>
      <fieldset
        className={`edit-fieldset edit-grid-wide${problems.consultants ? ` edit-field--${problems.consultants.severity}` : ''}`}
        aria-describedby={[problems.consultants ? `${id('consultants')}-problem` : null, `${id('consultants')}-hint`].filter(Boolean).join(' ')}
      >
        <legend className="edit-field-label">{t('programme.params.consultants')}</legend>
        {problems.consultants && <ProblemMessage id={`${id('consultants')}-problem`} problem={problems.consultants} />}
        <ul className="consultant-choices">
          {consultants.map((consultant, index) => {
            const checkboxId = index === 0 ? id('consultants') : `${id('consultants')}-${consultant.id}`;
            const order = draft.consultantIds.indexOf(consultant.id);
            return (
              <li key={consultant.id} className={`consultant-choice${order >= 0 ? ' is-chosen' : ''}`}>
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={order >= 0}
                  aria-describedby={`${checkboxId}-rate`}
                  onChange={(event) => toggleConsultant(consultant.id, event.target.checked)}
                />
                <label htmlFor={checkboxId}>{consultant.name}</label>
                <span id={`${checkboxId}-rate`} className="consultant-choice-rate num">
                  {t('programme.params.consultant.rate', { rate: money(consultant.dailyRateCents) })}
                </span>
                {order === 0 && draft.rate === null && <span className="consultant-choice-lead">{t('programme.params.consultant.lead')}</span>}
              </li>
            );
          })}
        </ul>
        <p id={`${id('consultants')}-hint`} className="edit-field-hint">
          {t('programme.params.consultants.hint')}
        </p>
      </fieldset>
    </div>
  );
}
