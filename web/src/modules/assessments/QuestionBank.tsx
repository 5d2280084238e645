import { Button, Card, Group, List, NativeSelect, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { assessmentApi, assessmentKeys, loc } from './assessmentApi';

/** HR's question banks: per competency, multiple-choice questions for the online knowledge tests. */
export function QuestionBank() {
  const { t } = useTranslation();
  const versions = useQuery({ queryKey: assessmentKeys.frameworkVersions, queryFn: assessmentApi.frameworkVersions });
  const [versionId, setVersionId] = useState('');
  const version = versionId || versions.data?.[0]?.id || '';
  const competencies = useQuery({
    queryKey: assessmentKeys.versionCompetencies(version),
    queryFn: () => assessmentApi.versionCompetencies(version),
    enabled: !!version,
  });
  const [competencyId, setCompetencyId] = useState('');
  const competency = competencyId || competencies.data?.[0]?.id || '';
  const questions = useQuery({ queryKey: assessmentKeys.questions(competency), queryFn: () => assessmentApi.questions(competency), enabled: !!competency });
  const [stem, setStem] = useState('');
  const [options, setOptions] = useState(['', '', '', '']);
  const [correct, setCorrect] = useState('0');
  const add = useMutation({
    mutationFn: () =>
      assessmentApi.addQuestion({
        competencyId: competency,
        stem,
        options: options.filter((o) => o.trim()).map((o) => ({ vi: o, en: '' })),
        correctOption: Number(correct),
      }),
    onSuccess: () => {
      setStem('');
      setOptions(['', '', '', '']);
      void questions.refetch();
    },
  });
  const withdraw = useMutation({ mutationFn: (id: string) => assessmentApi.withdrawQuestion(id), onSuccess: () => void questions.refetch() });
  return (
    <Stack gap="sm">
      <Title order={3}>{t('assessment.questionBank')}</Title>
      <Group gap="xs" wrap="wrap">
        <NativeSelect
          value={version}
          onChange={(e) => {
            setVersionId(e.currentTarget.value);
            setCompetencyId('');
          }}
          aria-label={t('assessment.frameworkVersion')}
          data-testid="bank-version"
          data={(versions.data ?? []).map((v) => ({ value: v.id, label: `${loc(v.name, v.nameEn)} (v${v.versionNo})` }))}
        />
        <NativeSelect
          value={competency}
          onChange={(e) => setCompetencyId(e.currentTarget.value)}
          aria-label={t('assessment.competency')}
          data={(competencies.data ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${loc(c.name, c.nameEn)}` }))}
          data-testid="bank-competency"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('assessment.bankSize', { count: questions.data?.length ?? 0 })}
      </Text>
      {questions.data && questions.data.length > 0 && (
        <List size="sm" spacing={4}>
          {questions.data.map((q) => (
            <List.Item key={q.id}>
              {loc(q.stem, q.stemEn)} —{' '}
              <Text span c="green" size="sm">
                {loc(q.options[q.correctOption]?.vi ?? '', q.options[q.correctOption]?.en)}
              </Text>{' '}
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                loading={withdraw.isPending && withdraw.variables === q.id}
                onClick={() => window.confirm(t('assessment.confirmWithdrawQuestion')) && withdraw.mutate(q.id)}
                data-testid="bank-withdraw"
              >
                {t('assessment.withdrawQuestion')}
              </Button>
            </List.Item>
          ))}
        </List>
      )}
      <Card withBorder padding="sm">
        <Stack gap="xs">
          <TextInput label={t('assessment.question')} value={stem} onChange={(e) => setStem(e.currentTarget.value)} data-testid="bank-stem" />
          <Radio.Group label={t('assessment.options')} value={correct} onChange={setCorrect}>
            <Stack gap={4}>
              {options.map((o, i) => (
                <Group key={i} gap="xs" wrap="nowrap">
                  <Radio value={String(i)} aria-label={t('assessment.correctOption')} data-testid={`bank-correct-${i}`} />
                  <TextInput
                    style={{ flex: 1 }}
                    value={o}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setOptions((all) => all.map((x, k) => (k === i ? v : x)));
                    }}
                    placeholder={t('assessment.option', { n: i + 1 })}
                    data-testid={`bank-option-${i}`}
                  />
                </Group>
              ))}
            </Stack>
          </Radio.Group>
          {withdraw.error && (
            <Text c="red" size="sm">
              {isApiError(withdraw.error) ? withdraw.error.message : String(withdraw.error)}
            </Text>
          )}
          {add.error && (
            <Text c="red" size="sm">
              {isApiError(add.error) ? add.error.message : String(add.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              size="xs"
              data-testid="bank-add"
              onClick={() => add.mutate()}
              loading={add.isPending}
              disabled={!stem.trim() || options.filter((o) => o.trim()).length < 2 || !options[Number(correct)]?.trim()}
            >
              {t('assessment.addQuestion')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
