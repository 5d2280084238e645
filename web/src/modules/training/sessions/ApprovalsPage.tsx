import { Link } from 'react-router';
import { Anchor, Button, Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { ApiErrorAlert } from './ApiErrorAlert';
import { formatDay } from './format';
import { sessionsApi, sessionsKeys } from './sessionsApi';

/** The leader's queue: requests of people of their agency subtree, approved (a seat or the waiting list) or rejected. */
export default function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const pending = useQuery({ queryKey: sessionsKeys.pending, queryFn: ({ signal }) => sessionsApi.pending(signal) });
  const decide = useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) => (approve ? sessionsApi.approve(id) : sessionsApi.reject(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKeys.all }),
  });
  return (
    <>
      <PageHeader title={t('trainingSessions.approvalsTitle')} subtitle={t('trainingSessions.approvalsSubtitle')} />
      <ApiErrorAlert error={decide.error} />
      {pending.error && <QueryError error={pending.error} onRetry={pending.refetch} />}
      {pending.isPending && <Skeleton h={200} />}
      {pending.data && (
        <Paper withBorder radius="md" p="md">
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="approvals-table">
              <Table.Tbody>
                {pending.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      {e.fullName}
                      <Text size="xs" c="dimmed">
                        {e.staffCode} · {e.agencyName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/training/sessions/${e.sessionId}`}>
                        {e.sessionCode}
                      </Anchor>
                      <Text size="xs">{i18n.language === 'en' && e.courseTitleEn ? e.courseTitleEn : e.courseTitle}</Text>
                    </Table.Td>
                    <Table.Td>
                      {formatDay(e.startsOn)} – {formatDay(e.endsOn)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        <Button size="xs" onClick={() => decide.mutate({ id: e.id, approve: true })} loading={decide.isPending} data-testid="approve">
                          {t('trainingSessions.approve')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => decide.mutate({ id: e.id, approve: false })}
                          loading={decide.isPending}
                          data-testid="reject"
                        >
                          {t('trainingSessions.reject')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pending.data.items.length === 0 && <Text c="dimmed">{t('trainingSessions.noApprovals')}</Text>}
        </Paper>
      )}
    </>
  );
}
