// A programme's parameters as typed in the form (percent, euros, lists as text), turned into
// what programmes.save takes (basis points, cents, arrays). The service checks the rules between
// fields (min ≤ max, opening before closing) and what existing engagements would break.
import type { InputOf } from '../../../../core/contract';
import type { Locale } from '../../../../core/domain';
import type { ProgrammeView } from '../../../../core/domainViews';
import { eurosInputText, parseEuros } from '../../components/form/euros';
import type { I18n } from '../../i18n';
import type { FieldProblem } from '../engagementForm/FormField';

export const PROGRAMME_FIELDS = ['name', 'funders', 'publicShare', 'envelope', 'minDays', 'maxDays', 'minHeadcount', 'maxHeadcount', 'departements', 'opensOn', 'closesOn', 'waves'] as const;
export type ProgrammeField = (typeof PROGRAMME_FIELDS)[number];

export interface WaveDraft {
  /** Stable key for React; the wave's id once saved. */
  key: string;
  id?: string;
  name: string;
  deadlineOn: string;
}

export type ProgrammeDraft = Record<Exclude<ProgrammeField, 'waves'>, string> & { waves: WaveDraft[] };
export type ProgrammeInput = InputOf<'programmes.save'>;

/** The service names fields by their stored form, and list items by their index (`waves.0.name`). */
const SERVICE_FIELDS: Record<string, ProgrammeField> = { publicShareBasisPoints: 'publicShare', envelopeCents: 'envelope' };
export function programmeFieldOf(serviceField: string): ProgrammeField | null {
  const head = serviceField.split('.')[0]!;
  return SERVICE_FIELDS[head] ?? ((PROGRAMME_FIELDS as readonly string[]).includes(head) ? (head as ProgrammeField) : null);
}

function percentText(basisPoints: number, locale: Locale): string {
  const units = Math.floor(basisPoints / 100);
  const fraction = basisPoints % 100;
  return fraction === 0 ? String(units) : `${units}${locale === 'fr' ? ',' : '.'}${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

export function draftOf(programme: ProgrammeView, locale: Locale): ProgrammeDraft {
  return {
    name: programme.name,
    funders: programme.funders.join('\n'),
    publicShare: percentText(programme.publicShareBasisPoints, locale),
    envelope: eurosInputText(programme.envelopeCents, locale),
    minDays: String(programme.minDays),
    maxDays: String(programme.maxDays),
    minHeadcount: String(programme.minHeadcount),
    maxHeadcount: String(programme.maxHeadcount),
    departements: programme.departements.join(', '),
    opensOn: programme.opensOn,
    closesOn: programme.closesOn,
    waves: programme.waves.map((wave) => ({ key: wave.id, id: wave.id, name: wave.name, deadlineOn: wave.deadlineOn ?? '' })),
  };
}

/** A new programme starts from the usual rules of the firm's schemes; the rest is to fill in. */
export function newProgrammeDraft(): ProgrammeDraft {
  return {
    name: '',
    funders: '',
    publicShare: '80',
    envelope: '',
    minDays: '6',
    maxDays: '12',
    minHeadcount: '10',
    maxHeadcount: '5000',
    departements: '',
    opensOn: '',
    closesOn: '',
    waves: [{ key: 'new-1', name: '', deadlineOn: '' }],
  };
}

/** « 80 », « 80,5 », « 80.25 » → basis points; null when not a percentage with two decimals at most. */
export function basisPointsOf(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s%\u00a0\u202f]/g, ''));
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
}

/** Whole numbers, with or without thousands separators (« 5 000 »). */
function integerOf(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  return /^\d{1,9}$/.test(compact) ? Number(compact) : null;
}

export const linesOf = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);
export const departementsOf = (text: string): string[] => text.split(/[\s,;]+/).map((code) => code.trim().toUpperCase()).filter(Boolean);

/** A programme's parameters and waves as the form edits them (no id, no base). */
export type ProgrammeEdit = Omit<ProgrammeInput, 'id' | 'base'>;

export interface CheckedProgramme {
  problems: Partial<Record<ProgrammeField, FieldProblem>>;
  input: ProgrammeEdit | null;
}

/** A saved programme as the form starts from it, in the shape programmes.save takes as `base`. */
export function programmeBaseOf(programme: ProgrammeView): NonNullable<ProgrammeInput['base']> {
  return {
    name: programme.name,
    funders: programme.funders,
    publicShareBasisPoints: programme.publicShareBasisPoints,
    minDays: programme.minDays,
    maxDays: programme.maxDays,
    envelopeCents: programme.envelopeCents,
    minHeadcount: programme.minHeadcount,
    maxHeadcount: programme.maxHeadcount,
    departements: programme.departements,
    opensOn: programme.opensOn,
    closesOn: programme.closesOn,
    waves: programme.waves.map(({ id, name, deadlineOn }) => ({ id, name, deadlineOn })),
  };
}

/**
 * What the form sends to programmes.save: the programme as edited and, for an existing one, `base`:
 * the programme as the form loaded it. The service then writes only the parameters and the waves
 * that differ from it, and keeps another device's change to any other (core/contract.ts).
 */
export function programmeSaveInput(loaded: ProgrammeView | null, edited: ProgrammeEdit): ProgrammeInput {
  return loaded ? { id: loaded.id, ...edited, base: programmeBaseOf(loaded) } : edited;
}

/** Formats and required values; the rules between fields are the service's. */
export function checkProgramme(draft: ProgrammeDraft, { t }: Pick<I18n, 't'>): CheckedProgramme {
  const problems: Partial<Record<ProgrammeField, FieldProblem>> = {};
  const error = (text: string): FieldProblem => ({ text, severity: 'error' });

  if (!draft.name.trim()) problems.name = error(t('programme.edit.name.required'));
  const funders = linesOf(draft.funders);
  if (funders.length === 0) problems.funders = error(t('programme.edit.funders.required'));
  else if (funders.length > 10 || funders.some((funder) => funder.length > 120)) problems.funders = error(t('programme.edit.funders.tooMany'));

  const publicShareBasisPoints = basisPointsOf(draft.publicShare);
  if (publicShareBasisPoints === null || publicShareBasisPoints > 10_000) problems.publicShare = error(t('programme.edit.publicShare.invalid'));
  const envelope = parseEuros(draft.envelope);
  if (envelope === null) problems.envelope = error(t('programme.edit.envelope.required'));
  else if (envelope === 'invalid') problems.envelope = error(t('programme.params.rate.invalid'));

  const numbers = { minDays: integerOf(draft.minDays), maxDays: integerOf(draft.maxDays), minHeadcount: integerOf(draft.minHeadcount), maxHeadcount: integerOf(draft.maxHeadcount) };
  for (const field of ['minDays', 'maxDays'] as const) {
    const value = numbers[field];
    if (value === null || value < 1 || value > 365) problems[field] = error(t('programme.edit.days.invalid'));
  }
  for (const field of ['minHeadcount', 'maxHeadcount'] as const) {
    const value = numbers[field];
    if (value === null || (field === 'maxHeadcount' && value < 1)) problems[field] = error(t('programme.edit.headcount.invalid'));
  }

  const departements = departementsOf(draft.departements);
  const wrong = departements.filter((code) => !/^(\d{2,3}|2A|2B)$/.test(code));
  if (wrong.length > 0) problems.departements = error(t('programme.edit.departements.invalid', { codes: wrong.join(', ') }));

  for (const field of ['opensOn', 'closesOn'] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft[field])) problems[field] = error(t('programme.edit.date.required'));
  }
  if (draft.waves.some((wave) => !wave.name.trim())) problems.waves = error(t('programme.edit.waves.nameRequired'));
  else if (draft.waves.some((wave) => wave.name.trim().length > 80)) problems.waves = error(t('programme.edit.waves.nameTooLong'));

  if (Object.keys(problems).length > 0 || publicShareBasisPoints === null || typeof envelope !== 'number') return { problems, input: null };
  return {
    problems,
    input: {
      name: draft.name.trim(),
      funders,
      publicShareBasisPoints,
      envelopeCents: envelope,
      minDays: numbers.minDays!,
      maxDays: numbers.maxDays!,
      minHeadcount: numbers.minHeadcount!,
      maxHeadcount: numbers.maxHeadcount!,
      departements,
      opensOn: draft.opensOn,
      closesOn: draft.closesOn,
      waves: draft.waves.map((wave) => ({ ...(wave.id ? { id: wave.id } : {}), name: wave.name.trim(), deadlineOn: wave.deadlineOn || null })),
    },
  };
}
