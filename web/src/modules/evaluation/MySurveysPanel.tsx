import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiErrorAlert } from '../training/sessions/ApiErrorAlert';
import { reactionApi, reactionKeys, type MySurvey, type SurveyAnswers } from './reactionApi';
import { useReactionText } from './reactionText';

/** The 360° threshold the server applies (surveys.rules.ts); shown to reassure the trainee. */
const THRESHOLD = 3;

function SurveyForm({ survey, onDone }: { survey: MySurvey; onDone: () => void }) {
  const { tr, pick } = useReactionText();
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const send = useMutation({ mutationFn: () => reactionApi.answer(survey.surveyId, answers), onSuccess: onDone });
  const complete = survey.questions.every((q) => q.kind === 'text' || typeof answers[q.id] === 'number');
  return (
    <Stack gap="sm" data-testid="survey-form">
      {survey.questions.map((q) =>
        q.kind === 'scale' ? (
          <Radio.Group
            key={q.id}
            label={pick(q.text, q.textEn)}
            value={answers[q.id] === undefined ? null : String(answers[q.id])}
            onChange={(v) => setAnswers({ ...answers, [q.id]: Number(v) })}
          >
            <Group gap="md" mt={4}>
              {q.points.map((p, i) => (
                <Radio key={i} value={String(i + 1)} label={pick(p.label, p.labelEn)} />
              ))}
            </Group>
          </Radio.Group>
        ) : (
          <Textarea
            key={q.id}
            label={`${pick(q.text, q.textEn)} — ${tr('freeText')}`}
            maxLength={2000}
            autosize
            minRows={2}
            value={typeof answers[q.id] === 'string' ? (answers[q.id] as string) : ''}
            onChange={(e) => setAnswers({ ...answers, [q.id]: e.currentTarget.value })}
          />
        ),
      )}
      <ApiErrorAlert error={send.error} />
      <Group>
        <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!complete} data-testid="survey-send">
          {tr('send')}
        </Button>
      </Group>
    </Stack>
  );
}

/** On the trainee's training page: the surveys of their completed sessions, answered here once. */
export function MySurveysPanel() {
  const { tr, date, pick } = useReactionText();
  const queryClient = useQueryClient();
  const [openId, setOpenId] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const mine = useQuery({ queryKey: reactionKeys.mySurveys, queryFn: ({ signal }) => reactionApi.mySurveys(signal) });
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" mb="md" data-testid="my-surveys">
      <Stack gap="sm">
        <Title order={5}>{tr('mySurveys')}</Title>
        <Text size="sm" c="dimmed">
          {tr('mySurveysHint', { threshold: THRESHOLD })}
        </Text>
        {sent && <Alert color="green">{tr('sent')}</Alert>}
        {items.map((s) => (
          <Paper key={s.surveyId} withBorder p="sm" radius="sm">
            <Group justify="space-between">
              <div>
                <Text fw={500}>{s.title}</Text>
                <Text size="xs" c="dimmed">
                  {pick(s.courseTitle, s.courseTitleEn)} · {s.sessionCode} · {tr('closesOn', { date: date(String(s.closesAt)) })}
                </Text>
              </div>
              {s.answeredAt ? (
                <Badge color="green">{tr('answered')}</Badge>
              ) : !s.open ? (
                <Badge color="gray">{tr('closed')}</Badge>
              ) : (
                openId !== s.surveyId && (
                  <Button size="xs" onClick={() => setOpenId(s.surveyId)} data-testid="survey-answer">
                    {tr('answer')}
                  </Button>
                )
              )}
            </Group>
            {openId === s.surveyId && s.open && (
              <SurveyForm
                survey={s}
                onDone={() => {
                  setOpenId(null);
                  setSent(true);
                  void queryClient.invalidateQueries({ queryKey: reactionKeys.all });
                }}
              />
            )}
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
