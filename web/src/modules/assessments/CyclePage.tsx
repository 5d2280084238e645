import { Alert, Badge, Button, Card, Group, Progress as Bar, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconBell, IconCalculator, IconUsersPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useFormat } from '../../format/useFormat';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { EmptyState } from '../../ui/EmptyState';
import { assessmentApi, assessmentKeys, loc, type Subject } from './assessmentApi';
import { FormStatusBadge } from './FormStatusBadge';
import { AssignmentPreview } from './AssignmentPreview';
import { SubjectRaters } from './SubjectRaters';

/** HR's view of one cycle: bulk assignment, progress, reminders, raters, consolidation. */
export function CyclePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const format = useFormat();
  const cycle = useQuery({ queryKey: assessmentKeys.cycle(id), queryFn: () => assessmentApi.cycle(id) });
  const progress = useQuery({ queryKey: assessmentKeys.progress(id), queryFn: () => assessmentApi.progress(id) });
  const subjects = useQuery({ queryKey: assessmentKeys.subjects(id), queryFn: () => assessmentApi.subjects(id) });
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
  const onError = (error: unknown) => setMessage(isApiError(error) ? error.message : String(error));
  // "Phân công cả cơ quan" shows what it would create first; the forms are created only from the preview's button.
  const preview = useMutation({ mutationFn: () => assessmentApi.assignPreview(id), onError });
  const assign = useMutation({
    mutationFn: () => assessmentApi.assign(id),
    onSuccess: (r) => {
      preview.reset();
      setMessage(t('assessment.assigned', r));
      void refresh();
    },
    onError,
  });
  const remind = useMutation({
    mutationFn: (overdueOnly: boolean) => assessmentApi.remind(id, overdueOnly),
    onSuccess: (r) => {
      setMessage(t('assessment.reminded', r));
      void refresh();
    },
    onError,
  });
  const consolidate = useMutation({
    mutationFn: () => assessmentApi.consolidate(id),
    onSuccess: (r) => {
      setMessage(t('assessment.consolidated', r));
      void refresh();
    },
    onError,
  });
  const setStatus = useMutation({
    mutationFn: (status: 'open' | 'closed') => assessmentApi.updateCycle(id, { status }),
    onSuccess: () => void refresh(),
    onError,
  });

  if (cycle.error) return <QueryError error={cycle.error} onRetry={cycle.refetch} />;
  if (!cycle.data) return <Skeleton h={300} />;
  const c = cycle.data;
  const total = progress.data?.total;
  return (
    <>
      <PageHeader
        title={loc(c.name, c.nameEn)}
        subtitle={`${c.agencyName} · ${format.date(c.opensOn)} → ${format.date(c.closesOn)}`}
        actions={
          <Badge size="lg" variant="light" data-testid="cycle-status">
            {t(`assessment.cycleStatus.${c.status}`)}
          </Badge>
        }
      />
      <Stack gap="lg">
        <Group gap="sm" wrap="wrap">
          <Button leftSection={<IconUsersPlus size={16} />} onClick={() => preview.mutate()} loading={preview.isPending} data-testid="cycle-assign">
            {t('assessment.assignAll')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconBell size={16} />}
            onClick={() => remind.mutate(false)}
            loading={remind.isPending}
            data-testid="cycle-remind"
          >
            {t('assessment.remindPending')}
          </Button>
          <Button
            variant="light"
            color="teal"
            leftSection={<IconCalculator size={16} />}
            onClick={() => consolidate.mutate()}
            loading={consolidate.isPending}
            data-testid="cycle-consolidate"
          >
            {t('assessment.consolidate')}
          </Button>
          <Button
            variant="default"
            onClick={() => setStatus.mutate(c.status === 'closed' ? 'open' : 'closed')}
            loading={setStatus.isPending}
            data-testid={c.status === 'closed' ? 'cycle-open' : 'cycle-close'}
          >
            {c.status === 'closed' ? t('assessment.reopenCycle') : t('assessment.closeCycle')}
          </Button>
        </Group>
        {preview.data && (
          <AssignmentPreview preview={preview.data} onCancel={() => preview.reset()} onConfirm={() => assign.mutate()} pending={assign.isPending} />
        )}
        {message && (
          <Alert color="blue" withCloseButton onClose={() => setMessage(null)} data-testid="cycle-message">
            {message}
          </Alert>
        )}
        {total && (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Stat label={t('assessment.people')} value={total.subjects} />
            <Stat label={t('assessment.forms')} value={total.forms} />
            <Stat label={t('assessment.submitted')} value={total.submitted} testId="progress-submitted" />
            <Stat label={t('assessment.overdue')} value={total.overdue} />
          </SimpleGrid>
        )}
        {progress.data && progress.data.byAgency.length > 0 && (
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('assessment.byAgency')}
            </Title>
            <Stack gap="xs">
              {progress.data.byAgency.map((a) => (
                <div key={a.agencyId}>
                  <Group justify="space-between">
                    <Text size="sm">{a.agencyName}</Text>
                    <Text size="sm">
                      {a.submitted}/{a.forms}
                    </Text>
                  </Group>
                  <Bar value={a.forms ? (a.submitted / a.forms) * 100 : 0} aria-label={`${a.agencyName}: ${a.submitted}/${a.forms}`} />
                </div>
              ))}
            </Stack>
          </Card>
        )}
        {progress.data && progress.data.byRater.length > 0 && (
          <Card withBorder>
            <Title order={4} mb="sm">
              {t('assessment.byRater')}
            </Title>
            <Table.ScrollContainer minWidth={520}>
              <Table striped data-testid="rater-progress">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assessment.rater')}</Table.Th>
                    <Table.Th>{t('assessment.agency')}</Table.Th>
                    <Table.Th>{t('assessment.submitted')}</Table.Th>
                    <Table.Th>{t('assessment.overdue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {progress.data.byRater.map((r) => (
                    <Table.Tr key={r.raterKey}>
                      <Table.Td>{r.raterName}</Table.Td>
                      <Table.Td>{r.raterAgency}</Table.Td>
                      <Table.Td>
                        {r.submitted}/{r.forms}
                      </Table.Td>
                      <Table.Td>{r.overdue || ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
        {subjects.data && <Subjects cycleId={id} subjects={subjects.data} onChange={() => void refresh()} />}
      </Stack>
    </>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId?: string }) {
  const format = useFormat();
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} data-testid={testId}>
        {format.count(value)}
      </Text>
    </Card>
  );
}

/** People assessed and their raters; HR adds or removes raters and reopens forms (never sees levels). */
function Subjects({ cycleId, subjects, onChange }: { cycleId: string; subjects: Subject[]; onChange: () => void }) {
  const { t } = useTranslation();
  const experts = useQuery({ queryKey: assessmentKeys.experts, queryFn: assessmentApi.experts });
  const people = subjects.map((s) => ({ value: s.personId, label: s.fullName }));
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('assessment.subjects')}
      </Title>
      {subjects.length === 0 && <EmptyState title={t('emptyState.subjectsTitle')} hint={t('emptyState.subjectsHint')} />}
      <Stack gap="md">
        {subjects.map((s) => (
          <Stack key={s.personId} gap={4} data-testid="subject">
            <Group justify="space-between">
              <Text fw={600}>
                {s.fullName}{' '}
                <Text span c="dimmed" size="sm">
                  · {s.agencyName} · <Link to={`/assessments/reports/${s.personId}`}>{t('assessment.report')}</Link>
                </Text>
              </Text>
              <FormStatusSummary subject={s} />
            </Group>
            <SubjectRaters cycleId={cycleId} subject={s} people={people} experts={experts.data ?? []} onChange={onChange} />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

function FormStatusSummary({ subject }: { subject: Subject }) {
  const submitted = subject.raters.filter((r) => r.status === 'submitted').length;
  return <FormStatusBadge status={submitted === subject.raters.length ? 'submitted' : submitted > 0 ? 'draft' : 'pending'} />;
}
