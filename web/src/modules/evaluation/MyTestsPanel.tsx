import { useState } from 'react';
import { Button, Group, Modal, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiErrorAlert } from '../training/sessions/ApiErrorAlert';
import { reactionApi, reactionKeys, type MyTest, type Phase, type TestPaper } from './reactionApi';
import { useReactionText } from './reactionText';

function PhaseCell({ test, phase, onStart }: { test: MyTest; phase: Phase; onStart: () => void }) {
  const { tr, num } = useReactionText();
  const state = test[phase];
  if (state.state === 'submitted')
    return (
      <Stack gap={0}>
        {state.scores.map((s) => (
          <Text key={s.competencyId} size="sm">
            {tr('scoreLevel', { score: num(s.score), level: s.level })}
          </Text>
        ))}
      </Stack>
    );
  if (phase === 'post' && test.pre.state !== 'submitted')
    return (
      <Text size="xs" c="dimmed">
        {tr('preFirst')}
      </Text>
    );
  return (
    <Button size="xs" variant="light" onClick={onStart} data-testid={`test-${phase}`}>
      {state.state === 'started' ? tr('resume') : tr('take')}
    </Button>
  );
}

function TestModal({ paper, onClose }: { paper: TestPaper; onClose: () => void }) {
  const { tr, pick } = useReactionText();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const submit = useMutation({
    mutationFn: () => reactionApi.submit(paper.attemptId, answers),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reactionKeys.all });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={paper.phase === 'pre' ? tr('pre') : tr('post')} size="lg">
      <Stack>
        {paper.questions.map((q, i) => (
          <Radio.Group
            key={q.id}
            label={`${i + 1}. ${pick(q.stem, q.stemEn)}`}
            value={answers[q.id] === undefined ? null : String(answers[q.id])}
            onChange={(v) => setAnswers({ ...answers, [q.id]: Number(v) })}
          >
            <Stack gap={4} mt={4}>
              {q.options.map((o, j) => (
                <Radio key={j} value={String(j)} label={pick(o.vi, o.en)} />
              ))}
            </Stack>
          </Radio.Group>
        ))}
        <ApiErrorAlert error={submit.error} />
        <Group>
          <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="test-submit">
            {tr('submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** On the trainee's training page: the pre- and post-test of each course with questions in the banks. */
export function MyTestsPanel() {
  const { tr, pick } = useReactionText();
  const [paper, setPaper] = useState<TestPaper | null>(null);
  const mine = useQuery({ queryKey: reactionKeys.myTests, queryFn: ({ signal }) => reactionApi.myTests(signal) });
  const start = useMutation({ mutationFn: (o: { enrolmentId: string; phase: Phase }) => reactionApi.start(o.enrolmentId, o.phase), onSuccess: setPaper });
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" mb="md" data-testid="my-tests">
      <Title order={5} mb="xs">
        {tr('myTests')}
      </Title>
      <ApiErrorAlert error={start.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tr('course')}</Table.Th>
              <Table.Th>{tr('pre')}</Table.Th>
              <Table.Th>{tr('post')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((test) => (
              <Table.Tr key={test.enrolmentId}>
                <Table.Td>
                  {pick(test.courseTitle, test.courseTitleEn)}
                  <Text size="xs" c="dimmed">
                    {test.sessionCode}
                  </Text>
                </Table.Td>
                {(['pre', 'post'] as const).map((phase) => (
                  <Table.Td key={phase}>
                    <PhaseCell test={test} phase={phase} onStart={() => start.mutate({ enrolmentId: test.enrolmentId, phase })} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paper && <TestModal paper={paper} onClose={() => setPaper(null)} />}
    </Paper>
  );
}
