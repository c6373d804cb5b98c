import type { Locale } from '../core/domain';
import { CarnetError } from '../core/errors';
import { translate } from '../core/i18n';
import { hasErrors, type Finding, type RuleIssue } from '../core/rules';

export function toFindings(issues: RuleIssue[], locale: Locale): Finding[] {
  return issues.map((issue) => ({
    field: issue.field,
    rule: issue.messageKey,
    message: translate(locale, issue.messageKey, issue.params),
    severity: issue.severity,
  }));
}

/**
 * Refuses the operation when any issue is an error: a `rule_violation` whose message names every
 * broken rule, whose field is the first one's, and whose details list them all (warnings too).
 */
export function refuseOnErrors(issues: RuleIssue[], locale: Locale): void {
  if (!hasErrors(issues)) return;
  const errors = issues.filter((issue) => issue.severity === 'error');
  const findings = toFindings(issues, locale);
  if (errors.length === 1) {
    const [only] = errors;
    throw new CarnetError('rule_violation', only!.messageKey, only!.params, { field: only!.field, details: findings });
  }
  throw new CarnetError(
    'rule_violation',
    'error.rules',
    { count: errors.length, messages: toFindings(errors, locale).map((finding) => finding.message).join(' ') },
    { field: errors[0]!.field, details: findings },
  );
}
