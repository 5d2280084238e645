import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';

/** The server's message, and the field it names (details.field), so the user knows what to fix. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const field = isApiError(error) ? (error.details as { field?: unknown } | undefined)?.field : undefined;
  return (
    <Alert color="red" data-testid="session-error">
      {isApiError(error) ? error.message : String(error)}
      {typeof field === 'string' && ` (${t('trainingSessions.field')}: ${field})`}
    </Alert>
  );
}
