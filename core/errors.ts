import type { MessageKey, MessageParams } from './i18n';

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'database_not_empty',
  'rule_violation',
  /** A file or folder could not be read or written (shared folder unreachable, disk full…). */
  'file_system',
  'internal',
  'transport',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses every transport when a call fails: data, never a stack trace. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/**
 * A refusal raised by the application. It carries a message key rather than text so that the
 * dispatcher can phrase it in the language of whoever made the call.
 */
export class CarnetError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    readonly options: { field?: string; details?: unknown } = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'CarnetError';
  }
}

/** Thrown on the client side of a transport so callers can `catch` a structured failure. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}
