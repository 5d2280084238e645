import { Alert, Badge, Button, Card, Group, List, Modal, Radio, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconCheck, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useFormat } from '../../format/useFormat';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { assessmentApi, assessmentKeys, loc, type FormCompetency, type RatingForm, type RatingInput } from './assessmentApi';
import { FormStatusBadge } from './FormStatusBadge';

type Draft = Record<string, RatingInput>;

/**
 * One rating form. Each competency shows the behaviours of every level, so the
 * rater picks the level whose behaviours they have observed. One column of
 * cards: it reads the same on a phone as on a desk.
 */
export function RatingFormPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const format = useFormat();
  const form = useQuery({ queryKey: assessmentKeys.form(id), queryFn: () => assessmentApi.form(id) });
  const [draft, setDraft] = useState<Draft>({});
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (form.data) setDraft(Object.fromEntries(form.data.ratings.map((r) => [r.competencyId, r])));
  }, [form.data]);
  const ratings = () => Object.values(draft);
  const done = () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
  const save = useMutation({ mutationFn: () => assessmentApi.saveDraft(id, ratings()), onSuccess: () => void done() });
  const submit = useMutation({
    mutationFn: () => assessmentApi.submit(id, ratings()),
    onSuccess: () => {
      setConfirming(false);
      void done();
    },
  });

  if (form.error) return <QueryError error={form.error} onRetry={form.refetch} />;
  if (!form.data) return <Skeleton h={400} />;
  const f = form.data;
  const locked = f.status === 'submitted' || f.cycle.status !== 'open';
  const rated = f.competencies.filter((c) => draft[c.id]?.level).length;
  const error = save.error ?? submit.error;
  const update = (competencyId: string, patch: Partial<RatingInput>) =>
    setDraft((d) => ({ ...d, [competencyId]: { competencyId, level: d[competencyId]?.level ?? null, ...d[competencyId], ...patch } }));

  return (
    <>
      <PageHeader
        title={f.source === 'self' ? t('assessment.selfAssessment') : t('assessment.rating', { name: f.subject.fullName })}
        subtitle={`${t(`assessment.sources.${f.source}`)} · ${loc(f.cycle.name, f.cycle.nameEn)} · ${t('assessment.due', { date: format.date(f.cycle.closesOn) })}`}
        actions={<FormStatusBadge status={f.status} />}
      />
      <Stack gap="md" maw={860}>
        {f.source !== 'self' && f.source !== 'leader' && f.source !== 'expert' && <Alert color="blue">{t('assessment.anonymousNote')}</Alert>}
        {f.status === 'submitted' && (
          <Alert color="green" icon={<IconCheck size={18} />} data-testid="form-submitted">
            {t('assessment.submittedNote')}
          </Alert>
        )}
        {f.competencies.map((c, index) => (
          <CompetencyCard
            key={c.id}
            index={index}
            competency={c}
            levels={f.levels}
            rating={draft[c.id]}
            locked={locked}
            onChange={(patch) => update(c.id, patch)}
          />
        ))}
        {error && (
          <Alert color="red" data-testid="form-error">
            {isApiError(error) ? error.message : String(error)}
          </Alert>
        )}
        {!locked && (
          <Card withBorder padding="sm" style={{ position: 'sticky', bottom: 8, zIndex: 2 }}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" data-testid="form-count">
                {t('assessment.ratedCount', { rated, total: f.competencies.length })}
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  leftSection={<IconDeviceFloppy size={16} />}
                  onClick={() => save.mutate()}
                  loading={save.isPending}
                  data-testid="form-save-draft"
                >
                  {t('assessment.saveDraft')}
                </Button>
                <Button
                  leftSection={<IconSend size={16} />}
                  disabled={rated < f.competencies.length}
                  onClick={() => setConfirming(true)}
                  data-testid="form-submit"
                >
                  {t('assessment.submit')}
                </Button>
              </Group>
            </Group>
            {save.isSuccess && (
              <Text size="xs" c="dimmed" mt={4} data-testid="form-saved">
                {t('assessment.draftSaved')}
              </Text>
            )}
          </Card>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('assessment.submitTitle')}>
        <Text size="sm" mb="md">
          {t('assessment.submitWarning')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.close')}
          </Button>
          <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="form-submit-confirm">
            {t('assessment.submit')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

function CompetencyCard({
  index,
  competency: c,
  levels,
  rating,
  locked,
  onChange,
}: {
  index: number;
  competency: FormCompetency;
  levels: RatingForm['levels'];
  rating: RatingInput | undefined;
  locked: boolean;
  onChange: (patch: Partial<RatingInput>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="competency-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed">
              {loc(c.groupName, c.groupNameEn)}
            </Text>
            <Title order={4}>
              {index + 1}. {loc(c.name, c.nameEn)}
            </Title>
          </div>
          {c.requiredLevel !== null && (
            <Badge variant="light" style={{ flexShrink: 0 }}>
              {t('assessment.required', { level: c.requiredLevel })}
            </Badge>
          )}
        </Group>
        {c.description && (
          <Text size="sm" c="dimmed">
            {loc(c.description, c.descriptionEn)}
          </Text>
        )}
        <Radio.Group value={rating?.level ? String(rating.level) : null} onChange={(v) => onChange({ level: Number(v) })} aria-label={loc(c.name, c.nameEn)}>
          <Stack gap={6}>
            {levels.map((l) => {
              const indicators = c.indicators.filter((i) => i.level === l.level);
              return (
                <Radio.Card
                  key={l.level}
                  value={String(l.level)}
                  disabled={locked}
                  radius="md"
                  p="sm"
                  data-testid={`level-${l.level}`}
                  style={{ borderColor: rating?.level === l.level ? 'var(--mantine-color-blue-6)' : undefined }}
                >
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator />
                    <div>
                      <Text fw={600} size="sm">
                        {t('assessment.level', { level: l.level })} — {loc(l.name, l.nameEn)}
                      </Text>
                      {indicators.length > 0 ? (
                        <List size="sm" spacing={2}>
                          {indicators.map((i, k) => (
                            <List.Item key={k}>{loc(i.text, i.textEn)}</List.Item>
                          ))}
                        </List>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {loc(l.description, l.descriptionEn)}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Radio.Card>
              );
            })}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('assessment.comment')}
          autosize
          minRows={1}
          maxLength={2000}
          disabled={locked}
          value={rating?.comment ?? ''}
          onChange={(e) => onChange({ comment: e.currentTarget.value })}
        />
        <TextInput
          label={t('assessment.evidence')}
          type="url"
          placeholder="https://"
          disabled={locked}
          value={rating?.evidenceUrl ?? ''}
          onChange={(e) => onChange({ evidenceUrl: e.currentTarget.value })}
        />
      </Stack>
    </Card>
  );
}
