import { Alert, Button } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { NotFoundPage } from './NotFoundPage';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => unknown;
}

/**
 * The server did not find what the address names: a 404 (an unknown id, or one outside the caller's scope,
 * which the server reports the same way), or an id in the path that is not even well formed.
 */
function isNotFound(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 404) return true;
  const details = error.details;
  return (
    error.code === 'validation_failed' &&
    Array.isArray(details) &&
    details.length > 0 &&
    details.every((d) => typeof d === 'object' && d !== null && (d as { in?: unknown }).in === 'params')
  );
}

/** Shows why data could not be loaded, in the server's own words when it gave some; a missing record as a not-found page. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  if (isNotFound(error)) return <NotFoundPage what="record" />;
  const message = isApiError(error) ? error.message : t('errors.network');
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('errors.loadFailed')} data-testid="query-error">
      {message}
      {onRetry && (
        <Button mt="sm" size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={() => void onRetry()}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
