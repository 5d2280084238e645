import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf } from './formErrors';

/**
 * The one form-error helper of the web app: `errorFor('code', label)` is the
 * message to put on that field (Mantine's `error` prop), in the user's
 * language and stating the limit; it disappears as soon as the field's value
 * changes from the one refused. `general` is what names no field.
 */
export function useFormErrors(error: unknown, values: Record<string, unknown>) {
  const { t } = useTranslation();
  const fields = Object.keys(values);
  const mapped = useMemo(() => formErrorsOf(error, fields), [error, fields.join('|')]); // eslint-disable-line react-hooks/exhaustive-deps
  // The values as they were when this error arrived: an edited field's error no longer applies.
  const refused = useRef<{ error: unknown; values: Record<string, string> }>({ error: null, values: {} });
  if (refused.current.error !== error) refused.current = { error, values: Object.fromEntries(fields.map((f) => [f, JSON.stringify(values[f] ?? null)])) };
  const errorFor = (field: string, label?: string): string | undefined => {
    const problem = mapped.fields[field];
    if (!problem || refused.current.values[field] !== JSON.stringify(values[field] ?? null)) return undefined;
    return problem.issue && label ? t('formErrors.withLabel', { label, message: problem.message }) : problem.message;
  };
  return { errorFor, general: mapped.general };
}
