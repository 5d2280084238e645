import { Alert, Button, Card, Radio, Skeleton, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { assessmentApi, assessmentKeys, loc } from './assessmentApi';

/** An online knowledge test: one pass, the score maps to a level counted as one more source. */
export function KnowledgeTestPage() {
  const { t } = useTranslation();
  const { cycleId = '', competencyId = '' } = useParams();
  const queryClient = useQueryClient();
  const test = useQuery({
    queryKey: assessmentKeys.test(cycleId, competencyId),
    queryFn: () => assessmentApi.startTest(cycleId, competencyId),
    retry: false,
    staleTime: Infinity,
  });
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const submit = useMutation({
    mutationFn: () => assessmentApi.submitTest(test.data!.attemptId, answers),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.tests }),
  });
  if (test.error) return <QueryError error={test.error} />;
  if (!test.data) return <Skeleton h={300} />;
  return (
    <>
      <PageHeader title={t('assessment.knowledgeTest')} />
      <Stack maw={760}>
        {test.data.questions.map((q, i) => (
          <Card key={q.id} withBorder>
            <Text fw={600} mb="xs">
              {i + 1}. {loc(q.stem, q.stemEn)}
            </Text>
            <Radio.Group value={answers[q.id] === undefined ? null : String(answers[q.id])} onChange={(v) => setAnswers({ ...answers, [q.id]: Number(v) })}>
              <Stack gap={6}>
                {q.options.map((o, k) => (
                  <Radio key={k} value={String(k)} label={loc(o.vi, o.en)} disabled={submit.isSuccess} data-testid={`answer-${i}-${k}`} />
                ))}
              </Stack>
            </Radio.Group>
          </Card>
        ))}
        {submit.data && (
          <Alert color="green" data-testid="test-result">
            {t('assessment.testResult', submit.data)}
          </Alert>
        )}
        {submit.error && <Alert color="red">{isApiError(submit.error) ? submit.error.message : String(submit.error)}</Alert>}
        {!submit.isSuccess && (
          <Button
            data-testid="test-submit"
            onClick={() => submit.mutate()}
            loading={submit.isPending}
            disabled={Object.keys(answers).length < test.data.questions.length}
          >
            {t('assessment.submitTest')}
          </Button>
        )}
      </Stack>
    </>
  );
}
