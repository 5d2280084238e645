import { Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryError } from '../../ui/QueryError';
import { reactionApi, reactionKeys } from './reactionApi';
import { useReactionText } from './reactionText';

/** The evaluation tab of learning: per course and competency the mean pre, post and gain; then each trainee's. */
export function LearningGainsPanel() {
  const { tr, num, pick } = useReactionText();
  const gains = useQuery({ queryKey: reactionKeys.gains, queryFn: ({ signal }) => reactionApi.gains(signal) });
  if (gains.error) return <QueryError error={gains.error} onRetry={gains.refetch} />;
  if (!gains.data) return <Skeleton h={200} />;
  const signed = (n: number) => (n > 0 ? `+${num(n)}` : num(n));
  return (
    <Stack data-testid="learning-gains">
      <Text size="sm" c="dimmed">
        {tr('gainsHint')}
      </Text>
      {gains.data.courses.length === 0 && <Text c="dimmed">{tr('noGains')}</Text>}
      {gains.data.courses.map((c) => (
        <Paper key={c.courseId} withBorder p="md" radius="md">
          <Title order={5} mb="xs">
            {pick(c.courseTitle, c.courseTitleEn)} · {tr('people')}: {c.people}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tr('competency')}</Table.Th>
                  <Table.Th>{tr('people')}</Table.Th>
                  <Table.Th>{tr('meanPre')}</Table.Th>
                  <Table.Th>{tr('meanPost')}</Table.Th>
                  <Table.Th>{tr('gain')}</Table.Th>
                  <Table.Th>{tr('levelGain')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.competencies.map((k) => (
                  <Table.Tr key={k.competencyId}>
                    <Table.Td>{pick(k.name, k.nameEn)}</Table.Td>
                    <Table.Td>{k.people}</Table.Td>
                    <Table.Td>{num(k.meanPre)}</Table.Td>
                    <Table.Td>{num(k.meanPost)}</Table.Td>
                    <Table.Td fw={600}>{signed(k.meanScoreGain)}</Table.Td>
                    <Table.Td>{signed(k.meanLevelGain)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Table mt="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tr('person')}</Table.Th>
                <Table.Th>{tr('session')}</Table.Th>
                <Table.Th>{tr('gain')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gains.data.people
                .filter((p) => p.courseId === c.courseId)
                .map((p) => (
                  <Table.Tr key={`${p.personId}:${p.sessionCode}`}>
                    <Table.Td>
                      {p.fullName}
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {p.staffCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.sessionCode}</Table.Td>
                    <Table.Td>{signed(p.meanScoreGain)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
