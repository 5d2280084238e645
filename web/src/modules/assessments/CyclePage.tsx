import { ActionIcon, Alert, Badge, Button, Card, Group, NativeSelect, Progress as Bar, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconBell, IconCalculator, IconLockOpen, IconTrash, IconUsersPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { assessmentApi, assessmentKeys, loc, type Subject } from './assessmentApi';
import { FormStatusBadge } from './FormStatusBadge';

/** HR's view of one cycle: bulk assignment, progress, reminders, raters, consolidation. */
export function CyclePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const cycle = useQuery({ queryKey: assessmentKeys.cycle(id), queryFn: () => assessmentApi.cycle(id) });
  const progress = useQuery({ queryKey: assessmentKeys.progress(id), queryFn: () => assessmentApi.progress(id) });
  const subjects = useQuery({ queryKey: assessmentKeys.subjects(id), queryFn: () => assessmentApi.subjects(id) });
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
  const onError = (error: unknown) => setMessage(isApiError(error) ? error.message : String(error));
  const assign = useMutation({
    mutationFn: () => assessmentApi.assign(id),
    onSuccess: (r) => {
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
        subtitle={`${c.agencyName} · ${c.opensOn} → ${c.closesOn}`}
        actions={
          <Badge size="lg" variant="light" data-testid="cycle-status">
            {t(`assessment.cycleStatus.${c.status}`)}
          </Badge>
        }
      />
      <Stack gap="lg">
        <Group gap="sm" wrap="wrap">
          <Button leftSection={<IconUsersPlus size={16} />} onClick={() => assign.mutate()} loading={assign.isPending} data-testid="cycle-assign">
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
        {subjects.data && subjects.data.length > 0 && <Subjects cycleId={id} subjects={subjects.data} onChange={() => void refresh()} />}
      </Stack>
    </>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

/** People assessed and their raters; HR adds or removes raters and reopens forms (never sees levels). */
function Subjects({ cycleId, subjects, onChange }: { cycleId: string; subjects: Subject[]; onChange: () => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<Record<string, string>>({});
  const [source, setSource] = useState<'peer' | 'subordinate' | 'leader' | 'expert'>('peer');
  const experts = useQuery({ queryKey: assessmentKeys.experts, queryFn: assessmentApi.experts });
  const people = subjects.map((s) => ({ value: s.personId, label: s.fullName }));
  const candidates = (subjectId: string) =>
    source === 'expert'
      ? (experts.data ?? []).map((e) => ({ value: e.id, label: `${e.displayName} (${e.agencyName})` }))
      : people.filter((p) => p.value !== subjectId);
  // Experts are accounts (often without a staff record); everyone else is a person of the register.
  const add = (subjectId: string) =>
    assessmentApi
      .addRater(cycleId, subjectId, source === 'expert' ? { source, userId: adding[subjectId] } : { source, personId: adding[subjectId] })
      .then(onChange);
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('assessment.subjects')}
      </Title>
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
            </Group>
            <Group gap={6} wrap="wrap">
              {s.raters.map((r) => (
                <Badge
                  key={r.id}
                  variant="outline"
                  color={r.status === 'submitted' ? 'green' : 'gray'}
                  rightSection={
                    r.status === 'submitted' ? (
                      <ActionIcon size="xs" variant="transparent" title={t('assessment.reopen')} onClick={() => void assessmentApi.reopen(r.id).then(onChange)}>
                        <IconLockOpen size={12} />
                      </ActionIcon>
                    ) : r.source !== 'self' ? (
                      <ActionIcon
                        size="xs"
                        variant="transparent"
                        title={t('assessment.remove')}
                        onClick={() => void assessmentApi.removeRater(r.id).then(onChange)}
                      >
                        <IconTrash size={12} />
                      </ActionIcon>
                    ) : null
                  }
                >
                  {t(`assessment.sources.${r.source}`)}: {r.raterName}
                </Badge>
              ))}
            </Group>
            <Group gap="xs" wrap="wrap">
              <NativeSelect
                size="xs"
                aria-label={`${t('assessment.sourcesTitle')}: ${s.fullName}`}
                value={source}
                onChange={(e) => setSource(e.currentTarget.value as typeof source)}
                data={(['peer', 'subordinate', 'leader', 'expert'] as const).map((v) => ({ value: v, label: t(`assessment.sources.${v}`) }))}
              />
              <NativeSelect
                size="xs"
                aria-label={`${t('assessment.choosePerson')} ${s.fullName}`}
                value={adding[s.personId] ?? ''}
                onChange={(e) => setAdding({ ...adding, [s.personId]: e.currentTarget.value })}
                data={[{ value: '', label: t('assessment.choosePerson') }, ...candidates(s.personId)]}
              />
              <Button size="xs" variant="light" disabled={!adding[s.personId]} onClick={() => void add(s.personId)}>
                {t('assessment.addRater')}
              </Button>
              <FormStatusSummary subject={s} />
            </Group>
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
