import { Badge, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, client } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';

const formatTime = (iso: string) => formatDateTime(iso);

/** The national administrator's view of the job queue: what waits, runs, failed, and the last error. */
export default function JobsPage() {
  const { t } = useTranslation();
  // Refreshed every half minute: the page is watched while jobs run.
  const queues = useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => call(client.GET('/api/jobs/', { signal })),
    refetchInterval: 30_000,
  });
  return (
    <>
      <PageHeader title={t('jobs.title')} subtitle={t('jobs.subtitle')} />
      {queues.error && <QueryError error={queues.error} onRetry={queues.refetch} />}
      {queues.isPending && <Skeleton h={240} radius="md" />}
      {queues.data && (
        <Paper withBorder radius="md" p="md">
          {queues.data.items.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl" data-testid="jobs-empty">
              {t('jobs.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="sm" data-testid="jobs-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('jobs.columns.name')}</Table.Th>
                    <Table.Th ta="right">{t('jobs.columns.pending')}</Table.Th>
                    <Table.Th ta="right">{t('jobs.columns.active')}</Table.Th>
                    <Table.Th ta="right">{t('jobs.columns.failed')}</Table.Th>
                    <Table.Th ta="right">{t('jobs.columns.completed')}</Table.Th>
                    <Table.Th>{t('jobs.columns.lastError')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {queues.data.items.map((queue) => (
                    <Table.Tr key={queue.name}>
                      <Table.Td>
                        <Text ff="monospace" size="sm">
                          {queue.name}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{queue.pending}</Table.Td>
                      <Table.Td ta="right">{queue.active}</Table.Td>
                      <Table.Td ta="right">{queue.failed > 0 ? <Badge color="red">{queue.failed}</Badge> : 0}</Table.Td>
                      <Table.Td ta="right">{queue.completed}</Table.Td>
                      <Table.Td>
                        {queue.lastError ? (
                          <Text size="sm">
                            {queue.lastErrorAt && (
                              <Text span c="dimmed" size="sm">
                                {formatTime(queue.lastErrorAt)} ·{' '}
                              </Text>
                            )}
                            {queue.lastError}
                          </Text>
                        ) : (
                          <Text c="dimmed" size="sm">
                            {t('jobs.noError')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
    </>
  );
}
