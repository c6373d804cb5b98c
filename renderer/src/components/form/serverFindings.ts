import type { Locale } from '../../../../core/domain';
import { ApiCallError } from '../../../../core/errors';
import type { Finding } from '../../../../core/rules';
import { errorMessage } from '../../api/errorMessage';
import type { FieldFeedback } from './FieldMessage';

export interface RefusalByField<F extends string> {
  /** The first message about each field of the form, errors before warnings. */
  fields: Partial<Record<F, FieldFeedback>>;
  /** What no field of the form can show: a message about another field, or the whole failure. */
  general: string[];
}

function isFinding(value: unknown): value is Finding {
  if (typeof value !== 'object' || value === null) return false;
  const finding = value as Partial<Finding>;
  return typeof finding.field === 'string' && typeof finding.message === 'string' && (finding.severity === 'error' || finding.severity === 'warning');
}

/**
 * Spreads a failed save over the form: a `rule_violation` lists its findings in `details`, each
 * naming its field (`fieldOf` maps the service's field names to the form's, e.g.
 * `dailyRateCents` → `dailyRate`); any other failure is a message for the whole form.
 */
export function refusalByField<F extends string>(error: unknown, locale: Locale, fieldOf: (serviceField: string) => F | null): RefusalByField<F> {
  const refusal: RefusalByField<F> = { fields: {}, general: [] };
  const findings = error instanceof ApiCallError && error.error.code === 'rule_violation' && Array.isArray(error.error.details) ? error.error.details.filter(isFinding) : [];
  const ordered = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const finding of ordered) {
    const field = fieldOf(finding.field);
    if (field === null) {
      if (finding.severity === 'error') refusal.general.push(finding.message);
    } else if (!refusal.fields[field]) {
      refusal.fields[field] = { text: finding.message, severity: finding.severity };
    }
  }
  const placed = Object.values<FieldFeedback | undefined>(refusal.fields).some((feedback) => feedback?.severity === 'error');
  if (!placed && refusal.general.length === 0) {
    // Not a rule refusal, or one about no field of this form: say the service's own words.
    const field = error instanceof ApiCallError && error.error.field ? fieldOf(error.error.field) : null;
    if (field) refusal.fields[field] = { text: errorMessage(error, locale), severity: 'error' };
    else refusal.general.push(errorMessage(error, locale));
  }
  return refusal;
}
