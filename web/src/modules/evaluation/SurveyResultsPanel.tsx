import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryError } from '../../ui/QueryError';
import { reactionApi, reactionKeys } from './reactionApi';
import { useReactionText } from './reactionText';
import { SurveyReportView } from './SurveyReportView';

/** The evaluation tab of the institution and HR: each course's pooled figures, then each session's. */
export function SurveyResultsPanel() {
  const { tr, date, pick } = useReactionText();
  const results = useQuery({ queryKey: reactionKeys.results, queryFn: ({ signal }) => reactionApi.results(signal) });
  if (results.error) return <QueryError error={results.error} onRetry={results.refetch} />;
  if (!results.data) return <Skeleton h={200} />;
  const { threshold, surveys, courses } = results.data;
  return (
    <Stack data-testid="survey-results">
      <Text size="sm" c="dimmed">
        {tr('resultsHint', { threshold })}
      </Text>
      {surveys.length === 0 && <Text c="dimmed">{tr('noResults')}</Text>}
      {courses.map((c) => (
        <Paper key={`${c.courseId}:${c.setId}`} withBorder p="md" radius="md">
          <Title order={5}>{pick(c.courseTitle, c.courseTitleEn)}</Title>
          <Text size="sm" c="dimmed" mb="xs">
            {c.setTitle} · {tr('allSessions', { sessions: c.sessions })}
          </Text>
          <SurveyReportView report={c.report} />
          <Stack gap="xs" mt="md">
            {surveys
              .filter((s) => s.courseId === c.courseId && s.setId === c.setId)
              .map((s) => (
                <Paper key={s.surveyId} withBorder p="sm" radius="sm" data-testid="survey-session">
                  <Group gap="xs" mb="xs">
                    <Text fw={500}>
                      {tr('session')} {s.sessionCode}
                    </Text>
                    {s.owner === 'agency' && <Badge variant="light">{tr('ownerAgency')}</Badge>}
                    <Text size="xs" c="dimmed">
                      {tr('invited', { invited: s.invited })}
                      {s.invitedNotCompleted > 0 && ` (${tr('invitedNotCompleted', { count: s.invitedNotCompleted })})`} ·{' '}
                      {tr('closesOn', { date: date(String(s.closesAt)) })}
                    </Text>
                  </Group>
                  <SurveyReportView report={s.report} />
                  {s.byCompletion && (
                    // Shown apart only when both groups reach the threshold (the server says too_few otherwise).
                    <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm" data-testid="survey-by-completion">
                      <Stack gap={4}>
                        <Text size="sm" fw={500}>
                          {tr('completedGroup')}
                        </Text>
                        <SurveyReportView report={s.byCompletion.completed} />
                      </Stack>
                      <Stack gap={4}>
                        <Text size="sm" fw={500}>
                          {tr('notCompletedGroup')}
                        </Text>
                        <SurveyReportView report={s.byCompletion.notCompleted} />
                      </Stack>
                    </SimpleGrid>
                  )}
                </Paper>
              ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
