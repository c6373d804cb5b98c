import type { Locale } from '../../../core/domain';
import { ApiCallError } from '../../../core/errors';
import { translate } from '../../../core/i18n';

/**
 * The message to show for a failed call: the application's own (already translated) text; when
 * the service did not answer at all, the client's note, phrased in the user's language.
 */
export function errorMessage(error: unknown, locale: Locale): string {
  if (error instanceof ApiCallError) {
    const { code, message, details } = error.error;
    return code === 'transport' && typeof details === 'string' ? translate(locale, 'error.transport', { details }) : message;
  }
  return error instanceof Error ? error.message : String(error);
}
