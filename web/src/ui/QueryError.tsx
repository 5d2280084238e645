import { Alert, Button } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => unknown;
}

/** Shows why data could not be loaded, in the server's own words when it gave some. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
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
