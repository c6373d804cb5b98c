// A failed call, spread over the form that made it: a `rule_violation` lists its findings in
// `details` (each naming its field), or — for the envelope — the figures of the overrun.
import type { Locale } from '../../../../core/domain';
import { ApiCallError } from '../../../../core/errors';
import type { Finding } from '../../../../core/rules';
import { errorMessage } from '../../api/errorMessage';
import type { FieldProblem } from './FormField';

/** The details of `rule.envelope.overrun`: every amount in cents. */
export interface EnvelopeOverrun {
  overrunCents: number;
  reservationCents: number;
  committedCents: number;
  envelopeCents: number;
}

export interface Refusal<F extends string> {
  /** The service's own sentence, in the user's language. */
  message: string;
  /** The first message about each field of the form, errors before warnings. */
  fields: Partial<Record<F, FieldProblem>>;
  /** What no field of the form can show; the whole message when nothing else is said. */
  general: string[];
  /** Every broken rule, in the service's order. */
  errors: Finding[];
  overrun: EnvelopeOverrun | null;
}

function isFinding(value: unknown): value is Finding {
  if (typeof value !== 'object' || value === null) return false;
  const finding = value as Partial<Finding>;
  return typeof finding.field === 'string' && typeof finding.message === 'string' && (finding.severity === 'error' || finding.severity === 'warning');
}

function overrunOf(details: unknown): EnvelopeOverrun | null {
  if (typeof details !== 'object' || details === null) return null;
  const figures = details as Partial<EnvelopeOverrun>;
  const { overrunCents, reservationCents, committedCents, envelopeCents } = figures;
  return typeof overrunCents === 'number' && typeof reservationCents === 'number' && typeof committedCents === 'number' && typeof envelopeCents === 'number'
    ? { overrunCents, reservationCents, committedCents, envelopeCents }
    : null;
}

export function readRefusal<F extends string>(error: unknown, locale: Locale, fieldOf: (serviceField: string) => F | null): Refusal<F> {
  const message = errorMessage(error, locale);
  const apiError = error instanceof ApiCallError ? error.error : null;
  const isRule = apiError?.code === 'rule_violation';
  const findings = isRule && Array.isArray(apiError.details) ? apiError.details.filter(isFinding) : [];
  const refusal: Refusal<F> = { message, fields: {}, general: [], errors: findings.filter((finding) => finding.severity === 'error'), overrun: isRule ? overrunOf(apiError.details) : null };

  const ordered = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const finding of ordered) {
    const field = fieldOf(finding.field);
    if (field !== null && !refusal.fields[field]) refusal.fields[field] = { text: finding.message, severity: finding.severity };
    else if (field === null && finding.severity === 'error') refusal.general.push(finding.message);
  }
  if (refusal.errors.length === 0) {
    // A single refusal (or not a rule at all): beside its field when the form has it.
    const field = apiError?.field ? fieldOf(apiError.field) : null;
    if (field !== null) refusal.fields[field] = { text: message, severity: 'error' };
    else refusal.general.push(message);
  }
  return refusal;
}
