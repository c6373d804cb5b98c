import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../core/contract';
import type { Locale } from '../core/domain';
import { CarnetError, type ApiError, type ApiResult } from '../core/errors';
import { translate } from '../core/i18n';
import type { ServiceContext } from './context';
import { handlers } from './handlers';

const zodLocales = { fr: z.locales.fr(), en: z.locales.en() } as const;

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

export interface DispatcherOptions {
  /** Where unexpected failures are reported (with their stack); the caller only sees a reference. */
  logError?: (reference: string, error: unknown) => void;
}

function invalidInput(method: MethodName, issues: z.core.$ZodIssue[], locale: Locale): ApiError {
  // An unknown key has an empty path and its name in `keys`: report each such key as a field.
  const described = issues.flatMap((issue) => {
    const base = issue.path.map(String);
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...base, key].join('.')) : [base.join('.')];
    return fields.map((field) => ({ field, message: issue.message }));
  });
  const text = described
    .map(({ field, message }) => (field ? translate(locale, 'error.invalid_input.field', { field, issue: message }) : message))
    .join(' ; ');
  return {
    code: 'invalid_input',
    message: translate(locale, 'error.invalid_input', { method, details: text }),
    field: described[0]?.field || undefined,
    details: described,
  };
}

/** A refusal of the services as it crosses the contract: code, message in `locale`, field, details. */
export function apiErrorOf(error: CarnetError, locale: Locale): ApiError {
  return {
    code: error.code,
    message: translate(locale, error.messageKey, error.params),
    ...(error.options.field ? { field: error.options.field } : {}),
    ...(error.options.details !== undefined ? { details: error.options.details } : {}),
  };
}

/**
 * The one entry point of the application: validates the input against the contract, runs the
 * handler, and turns every outcome into data (`result` or a structured, translated error).
 */
export function createDispatcher(context: ServiceContext, options: DispatcherOptions = {}): Dispatch {
  const logError = options.logError ?? ((reference, error) => console.error(`[carnet] ${reference}`, error));
  return async (method, input) => {
    const locale = context.settings.get().locale;
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: translate(locale, 'error.unknown_method', { method }) } };
    }
    const parsed = contract[method].input.safeParse(input ?? {}, { error: zodLocales[locale].localeError });
    if (!parsed.success) return { ok: false, error: invalidInput(method, parsed.error.issues, locale) };
    try {
      const handler = handlers[method] as (input: unknown, context: ServiceContext) => unknown;
      return { ok: true, result: await handler(parsed.data, context) };
    } catch (error) {
      if (error instanceof CarnetError) {
        // A handler may change the language (settings.update) before failing: read it again.
        return { ok: false, error: apiErrorOf(error, context.settings.get().locale) };
      }
      const reference = randomUUID().slice(0, 8);
      logError(reference, error);
      return { ok: false, error: { code: 'internal', message: translate(locale, 'error.internal', { reference }) } };
    }
  };
}
