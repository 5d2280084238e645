import { Link } from 'react-router';
import { Alert, Anchor, Button, Code, CopyButton, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { ApiErrorAlert } from './ApiErrorAlert';
import { EnrolmentBadge } from './SessionPage';
import { formatDay } from './format';
import { sessionsApi, sessionsKeys } from './sessionsApi';
// Evaluation (issue 16): the surveys and pre/post tests of the trainee's sessions.
import { MySurveysPanel } from '../../evaluation/MySurveysPanel';
import { MyTestsPanel } from '../../evaluation/MyTestsPanel';

/** The civil servant's training: their requests, seats and results, and the calendar feed link. */
export default function MyTrainingPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: sessionsKeys.mine, queryFn: ({ signal }) => sessionsApi.mine(signal) });
  const feed = useQuery({ queryKey: sessionsKeys.feed, queryFn: ({ signal }) => sessionsApi.feed(signal) });
  const renew = useMutation({ mutationFn: () => sessionsApi.renewFeed(), onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKeys.feed }) });
  const cancel = useMutation({
    mutationFn: (id: string) => sessionsApi.cancel(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKeys.all }),
  });
  const feedUrl = renew.data?.path ? new URL(renew.data.path, window.location.origin).href : null;

  return (
    <>
      <PageHeader
        title={t('trainingSessions.myTitle')}
        subtitle={t('trainingSessions.mySubtitle')}
        actions={
          <Button component={Link} to="/training/sessions" variant="default">
            {t('trainingSessions.browse')}
          </Button>
        }
      />
      {mine.error && <QueryError error={mine.error} onRetry={mine.refetch} />}
      {mine.isPending && <Skeleton h={200} />}
      <ApiErrorAlert error={cancel.error} />
      {mine.data && (
        <Paper withBorder radius="md" p="md" mb="md">
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="my-enrolments">
              <Table.Tbody>
                {mine.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/training/sessions/${e.sessionId}`}>
                        {i18n.language === 'en' && e.courseTitleEn ? e.courseTitleEn : e.courseTitle}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {e.sessionCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {formatDay(e.startsOn)} – {formatDay(e.endsOn)}
                    </Table.Td>
                    <Table.Td>
                      <EnrolmentBadge status={e.status} />
                      {e.finalScore !== null && (
                        <Text span size="xs">
                          {' '}
                          {t('trainingSessions.scoreValue', { score: e.finalScore })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {['pending_approval', 'waitlisted', 'enrolled'].includes(e.status) && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            if (window.confirm(t('trainingSessions.cancelConfirm'))) cancel.mutate(e.id);
                          }}
                        >
                          {t('trainingSessions.cancel')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {mine.data.items.length === 0 && <Text c="dimmed">{t('trainingSessions.noTraining')}</Text>}
        </Paper>
      )}
      <MySurveysPanel />
      <MyTestsPanel />
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Title order={5}>{t('trainingSessions.feedTitle')}</Title>
          <Text size="sm">{t('trainingSessions.feedHint')}</Text>
          {feed.data?.active && !feedUrl && (
            <Text size="sm" c="dimmed">
              {t('trainingSessions.feedActive')}
            </Text>
          )}
          {feedUrl && (
            <Alert color="blue" data-testid="feed-url">
              <Group gap="xs">
                <Code style={{ wordBreak: 'break-all' }}>{feedUrl}</Code>
                <CopyButton value={feedUrl}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('trainingSessions.copied') : t('trainingSessions.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="xs" mt="xs">
                {t('trainingSessions.feedOnce')}
              </Text>
            </Alert>
          )}
          <Group>
            <Button leftSection={<IconRefresh size={16} />} variant="light" onClick={() => renew.mutate()} loading={renew.isPending} data-testid="feed-renew">
              {feed.data?.active ? t('trainingSessions.feedRenew') : t('trainingSessions.feedCreate')}
            </Button>
          </Group>
          <ApiErrorAlert error={renew.error} />
        </Stack>
      </Paper>
    </>
  );
}
