import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Badge, Button, Group, Paper, Radio, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { recruitmentAssessmentApi, recruitmentAssessmentKeys } from './assessmentApi';
import { useRecruitmentAssessmentText } from './assessmentText';

/** A panel member's sheet: per competency of the profile, a level chosen against each level's behavioural indicators. */
export function RatingSheetView() {
  const { applicationId = '', stageId = '' } = useParams();
  const { tr, en } = useRecruitmentAssessmentText();
  const queryClient = useQueryClient();
  const sheet = useQuery({
    queryKey: recruitmentAssessmentKeys.sheet(applicationId, stageId),
    queryFn: ({ signal }) => recruitmentAssessmentApi.sheet(applicationId, stageId, signal),
  });
  const [levels, setLevels] = useState<Record<string, number>>({});
  useEffect(() => {
    if (sheet.data) setLevels(Object.fromEntries(sheet.data.ratings.map((r) => [r.competencyId, r.level])));
  }, [sheet.data]);
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      recruitmentAssessmentApi.saveSheet(applicationId, stageId, {
        ratings: Object.entries(levels).map(([competencyId, level]) => ({ competencyId, level })),
        submit,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(recruitmentAssessmentKeys.sheet(applicationId, stageId), data);
      void queryClient.invalidateQueries({ queryKey: recruitmentAssessmentKeys.all });
    },
  });
  const data = sheet.data;
  const locked = data?.status === 'submitted';

  return (
    <>
      <PageHeader title={tr('sheetTitle', { name: data?.candidate.fullName ?? '' })} subtitle={tr('sheetSubtitle')} />
      <Stack gap="md">
        {sheet.error && <QueryError error={sheet.error} onRetry={sheet.refetch} />}
        {sheet.isPending && <Skeleton h={240} radius="md" />}
        {locked && <Badge color="green">{tr('submitted')}</Badge>}
        {data?.competencies.map((c) => (
          <Paper withBorder p="md" radius="md" key={c.id}>
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h5">
                {c.code} {en ? c.nameEn : c.name}
              </Title>
              {c.requiredLevel !== null && <Text size="sm">{tr('required', { level: c.requiredLevel })}</Text>}
            </Group>
            <Radio.Group
              value={levels[c.id] ? String(levels[c.id]) : null}
              onChange={(v) => setLevels((l) => ({ ...l, [c.id]: Number(v) }))}
              data-testid={`sheet-${c.code}`}
            >
              <Stack gap={6}>
                {data.levels.map((level) => (
                  <Radio
                    key={level.level}
                    value={String(level.level)}
                    disabled={locked}
                    label={`${level.level}. ${en ? level.nameEn : level.name}`}
                    description={c.indicators
                      .filter((i) => i.level === level.level)
                      .map((i) => (en ? i.textEn : i.text))
                      .join(' · ')}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Paper>
        ))}
        {save.error && <QueryError error={save.error} />}
        {save.isSuccess && !locked && <Alert color="green">{tr('saved')}</Alert>}
        {data && !locked && (
          <Group>
            <Button variant="default" loading={save.isPending} onClick={() => save.mutate(false)}>
              {tr('saveDraft')}
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate(true)} data-testid="sheet-submit">
              {tr('submit')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
