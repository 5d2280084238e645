import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconBell, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/CurrentUser';
import { useFormat } from '../../format/useFormat';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { EmptyState } from '../../ui/EmptyState';
import { assessmentApi, assessmentKeys, loc } from './assessmentApi';
import { CycleCreateModal } from './CycleCreateModal';
import { FormStatusBadge } from './FormStatusBadge';
import { QuestionBank } from './QuestionBank';

const isHr = (role: string) => role === 'hr_officer' || role === 'national_admin';

export function AssessmentHome() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('assessment.title')} subtitle={t('assessment.subtitle')} />
      <Stack gap="xl">
        <Notifications />
        <MyForms />
        <MyTests />
        {(isHr(user.role) || user.role === 'leader') && <TeamResults />}
        {isHr(user.role) && <Cycles />}
        {isHr(user.role) && <QuestionBank />}
      </Stack>
    </>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = useQuery({ queryKey: assessmentKeys.notifications, queryFn: assessmentApi.notifications });
  const unread = (notes.data ?? []).filter((n) => !n.readAt);
  if (unread.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="assessment-notifications">
      {unread.slice(0, 3).map((n) => (
        <Alert
          key={n.id}
          icon={<IconBell size={18} />}
          color="orange"
          withCloseButton
          onClose={() => void assessmentApi.markRead(n.id).then(() => notes.refetch())}
        >
          {t('assessment.reminder', {
            pending: n.payload.pending ?? 0,
            cycle: loc(n.payload.cycleName ?? '', n.payload.cycleNameEn),
            date: format.date(n.payload.closesOn),
          })}
        </Alert>
      ))}
    </Stack>
  );
}

function MyForms() {
  const { t } = useTranslation();
  const format = useFormat();
  const forms = useQuery({ queryKey: assessmentKeys.myForms, queryFn: assessmentApi.myForms });
  return (
    <Stack gap="sm">
      <Title order={3}>{t('assessment.myForms')}</Title>
      {forms.error && <QueryError error={forms.error} onRetry={forms.refetch} />}
      {forms.isPending && <Skeleton h={120} />}
      {forms.data?.length === 0 && (
        <Text c="dimmed" data-testid="my-forms-empty">
          {t('assessment.noForms')}
        </Text>
      )}
      {forms.data?.map((f) => (
        <Card key={f.id} withBorder padding="sm" data-testid="my-form" data-source={f.source} data-subject={f.subjectName} data-cycle={f.cycleId}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Text fw={600}>{f.source === 'self' ? t('assessment.selfAssessment') : f.subjectName}</Text>
              <Text size="sm" c="dimmed">
                {t(`assessment.sources.${f.source}`)} · {loc(f.cycleName, f.cycleNameEn)} ·{' '}
                <span data-testid="my-form-due">{t('assessment.due', { date: format.date(f.closesOn) })}</span>
              </Text>
            </Stack>
            <Group gap="xs">
              <FormStatusBadge status={f.status} />
              <Button
                component={Link}
                to={`/assessments/forms/${f.id}`}
                size="xs"
                variant={f.status === 'submitted' ? 'default' : 'filled'}
                data-testid="my-form-open"
              >
                {f.status === 'submitted' ? t('assessment.view') : t('assessment.fill')}
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function Cycles() {
  const { t } = useTranslation();
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const cycles = useQuery({ queryKey: assessmentKeys.cycles, queryFn: assessmentApi.cycles });
  const participated = useQuery({ queryKey: [...assessmentKeys.cycles, 'participated'], queryFn: assessmentApi.participatedCycles });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('assessment.cycles')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="cycle-create">
          {t('assessment.newCycle')}
        </Button>
      </Group>
      {cycles.error && <QueryError error={cycles.error} onRetry={cycles.refetch} />}
      {cycles.data && cycles.data.length === 0 && <EmptyState title={t('emptyState.cyclesTitle')} hint={t('emptyState.cyclesHint')} testId="cycles-empty" />}
      {cycles.data && cycles.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="cycle-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.cycleName')}</Table.Th>
                <Table.Th>{t('assessment.agency')}</Table.Th>
                <Table.Th>{t('assessment.window')}</Table.Th>
                <Table.Th>{t('assessment.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cycles.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Link to={`/assessments/cycles/${c.id}`}>{loc(c.name, c.nameEn)}</Link>
                  </Table.Td>
                  <Table.Td>{c.agencyName}</Table.Td>
                  <Table.Td data-testid="cycle-window">
                    {format.date(c.opensOn)} → {format.date(c.closesOn)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`assessment.cycleStatus.${c.status}`)}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {participated.data && participated.data.length > 0 && (
        <Card withBorder data-testid="cycles-participated">
          <Title order={4}>{t('emptyState.participatedTitle')}</Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('emptyState.participatedHint')}
          </Text>
          <Stack gap={4}>
            {participated.data.map((c) => (
              <Group key={c.id} gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {loc(c.name, c.nameEn)}
                </Text>
                <Text size="sm" c="dimmed">
                  {c.agencyName} · {t('emptyState.participatedPeople', { count: c.subjectsInScope })}
                </Text>
                <Badge variant="light">{t(`assessment.cycleStatus.${c.status}`)}</Badge>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      <CycleCreateModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

/** Knowledge tests offered in the cycles where the user is assessed (they have a self-assessment form). */
function MyTests() {
  const { t } = useTranslation();
  const forms = useQuery({ queryKey: assessmentKeys.myForms, queryFn: assessmentApi.myForms });
  // Tests can be taken only while the cycle is open.
  const cycleIds = [...new Set((forms.data ?? []).filter((f) => f.source === 'self' && f.cycleStatus === 'open').map((f) => f.cycleId))];
  const tests = useQuery({
    queryKey: assessmentKeys.testsOf(cycleIds),
    queryFn: async () => (await Promise.all(cycleIds.map(async (id) => (await assessmentApi.myTests(id)).map((x) => ({ ...x, cycleId: id }))))).flat(),
    enabled: cycleIds.length > 0,
  });
  if (!tests.data || tests.data.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3}>{t('assessment.knowledgeTests')}</Title>
      {tests.data.map((x) => (
        <Card key={`${x.cycleId}:${x.competencyId}`} withBorder padding="sm">
          <Group justify="space-between">
            <Text>{loc(x.name, x.nameEn)}</Text>
            {x.submittedAt ? (
              <Badge color="green" variant="light" data-testid="test-done">
                {t('assessment.level', { level: x.level })}
              </Badge>
            ) : (
              <Button component={Link} to={`/assessments/tests/${x.cycleId}/${x.competencyId}`} size="xs" data-testid="take-test">
                {t('assessment.takeTest')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** Leaders and HR: people of their agency subtree with published results. */
function TeamResults() {
  const { t } = useTranslation();
  const people = useQuery({ queryKey: assessmentKeys.reportable, queryFn: assessmentApi.reportablePeople });
  if (!people.data || people.data.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3}>{t('assessment.teamResults')}</Title>
      <Group gap="xs" wrap="wrap">
        {people.data.map((p) => (
          <Button key={p.id} component={Link} to={`/assessments/reports/${p.id}`} variant="light" size="xs" data-testid="team-result">
            {p.fullName} · {p.agencyName}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
