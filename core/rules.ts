import type { MessageKey, MessageParams } from './i18n';

/** One broken or doubtful rule about one field, phrased later in the user's language. */
export interface RuleIssue {
  field: string;
  messageKey: MessageKey;
  params: MessageParams;
  /** An error refuses the save; a warning is shown and the save goes on. */
  severity: 'error' | 'warning';
}

export const ruleError = (field: string, messageKey: MessageKey, params: MessageParams = {}): RuleIssue => ({ field, messageKey, params, severity: 'error' });
export const ruleWarning = (field: string, messageKey: MessageKey, params: MessageParams = {}): RuleIssue => ({ field, messageKey, params, severity: 'warning' });

export const hasErrors = (issues: RuleIssue[]): boolean => issues.some((issue) => issue.severity === 'error');

/** A rule issue once translated: what crosses the contract inside results and error details. */
export interface Finding {
  field: string;
  rule: MessageKey;
  message: string;
  severity: 'error' | 'warning';
}
