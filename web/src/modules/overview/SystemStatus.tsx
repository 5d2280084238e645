import type { ReactNode } from 'react';
import { ColorSwatch, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/QueryError';
import { overviewApi, overviewKeys } from './overviewApi';

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

/** Which database engine and schema version the server runs, from the public health check. */
export function SystemStatus() {
  const { t, i18n } = useTranslation();
  const health = useQuery({ queryKey: overviewKeys.health, queryFn: ({ signal }) => overviewApi.health(signal) });

  // Known values get a label; anything new from the server is shown as sent.
  const label = (prefix: 'overview.status' | 'overview.engine', value: string) =>
    i18n.exists(`${prefix}.${value}`) ? t(`${prefix}.${value}` as 'overview.status.ok') : value;

  return (
    <Paper withBorder radius="md" p="lg" data-testid="system-status">
      <Group gap="xs" mb="sm">
        <IconDatabase size={20} />
        <Title order={4}>{t('overview.system.title')}</Title>
      </Group>
      {health.isPending && <Skeleton h={72} />}
      {health.error && <QueryError error={health.error} onRetry={health.refetch} />}
      {health.data && (
        <Stack gap="sm">
          <StatusLine label={t('overview.system.status')}>
            <Group gap={8} wrap="nowrap">
              <ColorSwatch
                color={health.data.status === 'ok' ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-orange-6)'}
                size={10}
                withShadow={false}
              />
              <Text size="sm" fw={500} data-testid="health-status">
                {label('overview.status', health.data.status)}
              </Text>
            </Group>
          </StatusLine>
          <StatusLine label={t('overview.system.engine')}>
            <Text size="sm" fw={500} data-testid="health-engine">
              {label('overview.engine', health.data.engine)}
            </Text>
          </StatusLine>
          <StatusLine label={t('overview.system.migration')}>
            <Text size="sm" ff="monospace" data-testid="health-migration" style={{ wordBreak: 'break-all' }}>
              {health.data.migration ?? t('common.none')}
            </Text>
          </StatusLine>
        </Stack>
      )}
    </Paper>
  );
}
