import { isApiError } from '../../../api/client';
import i18n from '../../../i18n';

/** The server's message, and the field it names (details.field) when it names one. */
export function apiErrorText(error: unknown): string {
  if (!isApiError(error)) return String(error);
  const field = (error.details as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? `${error.message} ${i18n.t('catalogue.form.fieldError', { field })}` : error.message;
}
