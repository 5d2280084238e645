import type { ReactNode } from 'react';
import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/QueryError';
import { overviewApi, overviewKeys } from './overviewApi';
import { useOverviewText } from './overviewText';

function StatusLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

const MB = 1024 * 1024;

/** The database engine, size and schema version: the national administrator's only (GET /api/overview/database). */
export function SystemStatus() {
  const { t, i18n } = useTranslation();
  const { to, number } = useOverviewText();
  const details = useQuery({ queryKey: overviewKeys.database, queryFn: ({ signal }) => overviewApi.database(signal) });
  // Known engines get a label; anything new from the server is shown as sent.
  const engine = (value: string) => (i18n.exists(`overview.engine.${value}`) ? t(`overview.engine.${value}` as 'overview.engine.pglite') : value);

  return (
    <Paper withBorder radius="md" p="lg" data-testid="system-status">
      <Group gap="xs" mb="sm">
        <IconDatabase size={20} aria-hidden />
        <Title order={2} size="h4">
          {t('overview.system.title')}
        </Title>
      </Group>
      {details.isPending && <Skeleton h={72} />}
      {details.error && <QueryError error={details.error} onRetry={details.refetch} />}
      {details.data && (
        <Stack gap="sm">
          <StatusLine label={t('overview.system.engine')}>
            <Text size="sm" fw={500} data-testid="health-engine">
              {engine(details.data.engine)}
            </Text>
          </StatusLine>
          <StatusLine label={to('database.size')}>
            <Text size="sm" fw={500} data-testid="database-size">
              {number(Math.max(1, Math.round(details.data.sizeBytes / MB)))} MB
            </Text>
          </StatusLine>
          <StatusLine label={to('database.migrations')}>
            <Text size="sm" fw={500} data-testid="database-migrations">
              {number(details.data.migrationCount)}
            </Text>
          </StatusLine>
          <StatusLine label={t('overview.system.migration')}>
            <Text size="sm" ff="monospace" data-testid="health-migration" style={{ wordBreak: 'break-all' }}>
              {details.data.latestMigration ?? t('common.none')}
            </Text>
          </StatusLine>
        </Stack>
      )}
    </Paper>
  );
}
