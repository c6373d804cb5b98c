// The parameters of an engagement as a person types them, checked and turned into what the
// contract takes (whole days, integer cents). The service checks them again and has the last word.
import { PHASES, PROJECT_TYPES, type EngagementDetail, type Locale, type Phase, type ProjectType } from '../../../../core/domain';
import type { ConsultantView, ProgrammeView } from '../../../../core/domainViews';
import { eurosInputText, parseEuros } from '../../components/form/euros';
import type { I18n } from '../../i18n';
import type { FieldProblem } from './FormField';

export const PARAMETER_FIELDS = ['wave', 'projectType', 'phase', 'allowance', 'rate', 'consultants'] as const;
export type ParameterField = (typeof PARAMETER_FIELDS)[number];

export interface ParametersDraft {
  waveId: string;
  projectType: ProjectType | '';
  phase: Phase | '';
  /** Whole days, as typed. */
  allowance: string;
  /** The rate as typed; null while it follows the rate of the first consultant chosen. */
  rate: string | null;
  /** In the order they were chosen: the first one's rate is the default rate. */
  consultantIds: string[];
}

export interface ParametersInput {
  waveId: string;
  projectType: ProjectType;
  phase: Phase;
  allowanceDays: number;
  dailyRateCents: number;
  consultantIds: string[];
}

/** An existing engagement's parameters, as the edit form starts from them. */
export function parametersOf(detail: EngagementDetail): ParametersInput {
  const { engagement } = detail;
  return {
    waveId: engagement.waveId,
    projectType: engagement.projectType,
    phase: engagement.phase,
    allowanceDays: engagement.allowanceDays,
    dailyRateCents: engagement.dailyRateCents,
    consultantIds: detail.consultants.map((consultant) => consultant.id),
  };
}

/**
 * What an edit sends to engagements.update: only the parameters that differ from those the form
 * started from (`base`). A parameter left out keeps its current value, which sync may have brought
 * from another device since the form was opened; sent back as loaded, it would overwrite that
 * change on every device. The consultants are compared as a set: their order is not kept.
 */
export function changedParameters(base: ParametersInput, input: ParametersInput): Partial<ParametersInput> & { consultantIdsBase?: string[] } {
  const changed: Partial<ParametersInput> & { consultantIdsBase?: string[] } = {};
  if (input.waveId !== base.waveId) changed.waveId = input.waveId;
  if (input.projectType !== base.projectType) changed.projectType = input.projectType;
  if (input.phase !== base.phase) changed.phase = input.phase;
  if (input.allowanceDays !== base.allowanceDays) changed.allowanceDays = input.allowanceDays;
  if (input.dailyRateCents !== base.dailyRateCents) changed.dailyRateCents = input.dailyRateCents;
  const staffed = new Set(base.consultantIds);
  if (input.consultantIds.length !== staffed.size || input.consultantIds.some((id) => !staffed.has(id))) {
    // With the staffing it started from: only who the user added or removed changes.
    changed.consultantIds = input.consultantIds;
    changed.consultantIdsBase = base.consultantIds;
  }
  return changed;
}

/** The wave a new engagement most likely belongs to: the first still open, else the last one. */
export function openWaveId(programme: ProgrammeView, today: string): string {
  const open = programme.waves.find((wave) => wave.deadlineOn === null || wave.deadlineOn >= today);
  return (open ?? programme.waves[programme.waves.length - 1])?.id ?? '';
}

/** A new engagement starts on the open wave, the first project type and phase (a study). */
export function newParameters(programme: ProgrammeView, today: string): ParametersDraft {
  return { waveId: openWaveId(programme, today), projectType: PROJECT_TYPES[0], phase: PHASES[0], allowance: '', rate: null, consultantIds: [] };
}

/** The service names fields by their stored form. */
const SERVICE_FIELDS: Record<string, ParameterField> = {
  waveId: 'wave',
  projectType: 'projectType',
  phase: 'phase',
  allowanceDays: 'allowance',
  dailyRateCents: 'rate',
  consultantIds: 'consultants',
};

export const parameterFieldOf = (serviceField: string): ParameterField | null => SERVICE_FIELDS[serviceField] ?? null;

/** The rate shown in the field: what was typed, else the first chosen consultant's rate. */
export function rateText(draft: ParametersDraft, consultants: readonly ConsultantView[], locale: Locale): string {
  if (draft.rate !== null) return draft.rate;
  const first = consultants.find((consultant) => consultant.id === draft.consultantIds[0]);
  return first ? eurosInputText(first.dailyRateCents, locale) : '';
}

export function allowanceDaysOf(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : null;
}

export function rateCentsOf(text: string): number | null {
  const cents = parseEuros(text);
  return typeof cents === 'number' && cents > 0 ? cents : null;
}

export interface CheckedParameters {
  problems: Partial<Record<ParameterField, FieldProblem>>;
  /** Set when nothing blocks: what to send. */
  input: ParametersInput | null;
}

/** The checks that need no service: everything chosen, whole days within the programme's range. */
export function checkParameters(draft: ParametersDraft, programme: ProgrammeView, consultants: readonly ConsultantView[], i18n: Pick<I18n, 't' | 'locale'>): CheckedParameters {
  const { t } = i18n;
  const problems: Partial<Record<ParameterField, FieldProblem>> = {};
  const error = (text: string): FieldProblem => ({ text, severity: 'error' });

  if (!programme.waves.some((wave) => wave.id === draft.waveId)) problems.wave = error(t('programme.params.wave.required'));
  if (draft.projectType === '') problems.projectType = error(t('programme.params.projectType.required'));
  if (draft.phase === '') problems.phase = error(t('programme.params.phase.required'));

  const allowanceDays = allowanceDaysOf(draft.allowance);
  if (draft.allowance.trim() === '') problems.allowance = error(t('programme.params.allowance.required'));
  else if (allowanceDays === null || allowanceDays < programme.minDays || allowanceDays > programme.maxDays) {
    problems.allowance = error(t('programme.params.allowance.range', { min: programme.minDays, max: programme.maxDays }));
  }

  const typedRate = rateText(draft, consultants, i18n.locale);
  const parsedRate = parseEuros(typedRate);
  const dailyRateCents = rateCentsOf(typedRate);
  if (parsedRate === null) problems.rate = error(t('programme.params.rate.required'));
  else if (parsedRate === 'invalid') problems.rate = error(t('programme.params.rate.invalid'));
  else if (dailyRateCents === null) problems.rate = error(t('programme.params.rate.positive'));

  if (draft.consultantIds.length === 0) problems.consultants = error(t('programme.params.consultants.required'));

  const blocked = Object.keys(problems).length > 0;
  return {
    problems,
    input:
      blocked || draft.projectType === '' || draft.phase === '' || allowanceDays === null || dailyRateCents === null
        ? null
        : { waveId: draft.waveId, projectType: draft.projectType, phase: draft.phase, allowanceDays, dailyRateCents, consultantIds: draft.consultantIds },
  };
}

const FIELD_OF_DRAFT_KEY: Record<keyof ParametersDraft, ParameterField> = {
  waveId: 'wave',
  projectType: 'projectType',
  phase: 'phase',
  allowance: 'allowance',
  rate: 'rate',
  consultantIds: 'consultants',
};

/** The fields a change touches (choosing consultants may change the proposed rate too). */
export function fieldsChangedBy(patch: Partial<ParametersDraft>): ParameterField[] {
  const fields = (Object.keys(patch) as (keyof ParametersDraft)[]).map((key) => FIELD_OF_DRAFT_KEY[key]);
  return fields.includes('consultants') ? [...fields, 'rate'] : fields;
}
