import { useState } from 'react';
import { currentLanguage } from '../../../i18n';
import { formatPercent } from '../../../format/format';
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, List, Modal, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCalendarDown, IconEdit, IconHandFinger } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/CurrentUser';
import type { LooseT } from '../../../i18n/moduleTexts';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { ApiErrorAlert } from './ApiErrorAlert';
import { AttendancePanel } from './AttendancePanel';
import { EnrolmentsPanel } from './EnrolmentsPanel';
import { PaperScoresPanel } from '../../evaluation/paperScores/PaperScoresPanel';
import { SessionForm } from './SessionForm';
import { formatDay, formatDong, formatMeeting } from './format';
import { sessionsApi, sessionsKeys, type Enrolment } from './sessionsApi';

const ENROLMENT_READERS = new Set(['national_admin', 'hr_officer', 'leader', 'trainer']);

/** One session: its facts and meetings for everyone; enrolments for HR, leaders and trainers; attendance and results for its trainers. */
export default function SessionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const session = useQuery({ queryKey: sessionsKeys.detail(id), queryFn: ({ signal }) => sessionsApi.get(id, signal) });
  const ask = useMutation({
    mutationFn: () => sessionsApi.request(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKeys.all }),
  });

  if (session.error) return <QueryError error={session.error} onRetry={session.refetch} />;
  if (!session.data) return <Skeleton h={400} />;
  const s = session.data;
  const title = i18n.language === 'en' && s.courseTitleEn ? s.courseTitleEn : s.courseTitle;
  const closed = s.status === 'completed';

  return (
    <>
      <Anchor component={Link} to="/training/sessions" size="sm">
        ← {t('trainingSessions.title')}
      </Anchor>
      <PageHeader
        title={`${s.code} — ${title}`}
        subtitle={s.institutionName}
        actions={
          <>
            <Button
              component="a"
              href={sessionsApi.icsUrl(s.id)}
              download
              variant="default"
              leftSection={<IconCalendarDown size={16} />}
              data-testid="session-ics"
            >
              {t('trainingSessions.downloadIcs')}
            </Button>
            {s.canManage && !closed && (
              <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)} data-testid="session-edit">
                {t('trainingSessions.edit')}
              </Button>
            )}
            {user.personId && s.enrolmentOpen && (
              <Button
                leftSection={<IconHandFinger size={16} />}
                onClick={() => ask.mutate()}
                loading={ask.isPending}
                disabled={ask.isSuccess}
                data-testid="session-request"
              >
                {ask.isSuccess ? t('trainingSessions.requested') : t('trainingSessions.request')}
              </Button>
            )}
          </>
        }
      />
      <ApiErrorAlert error={ask.error} />
      <Paper withBorder radius="md" p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('trainingSessions.dates')} value={`${formatDay(s.startsOn)} – ${formatDay(s.endsOn)}`} />
          <Fact label={t('trainingSessions.enrolWindow')} value={`${formatDay(s.enrolOpensOn)} – ${formatDay(s.enrolClosesOn)}`} />
          <Fact
            label={t('trainingSessions.seats')}
            value={
              t('trainingSessions.seatsTaken', { enrolled: s.enrolled, seats: s.seats }) +
              (s.waitlisted ? ` (${t('trainingSessions.waitingCount', { count: s.waitlisted })})` : '')
            }
            testId="session-seats-taken"
          />
          <Fact label={t('trainingSessions.place')} value={s.place || t('common.none')} />
          <Fact label={t('trainingSessions.onlineUrl')} value={s.onlineUrl ?? t('common.none')} />
          <Fact label={t('trainingSessions.costPerSeat')} value={formatDong(s.costPerSeat)} />
          <Fact
            label={t('trainingSessions.rule')}
            value={t('trainingSessions.ruleText', { share: formatPercent(s.minAttendance, currentLanguage(), 0), score: s.passScore ?? t('common.none') })}
          />
          <Fact label={t('trainingSessions.lecturers')} value={s.lecturers.map((l) => l.fullName).join(', ') || t('common.none')} />
          <Fact
            label={t('trainingSessions.status')}
            value={s.enrolmentOpen ? t('trainingSessions.enrolmentOpen') : t(`trainingSessions.sessionStatus.${s.status}`)}
            testId="session-status"
          />
        </SimpleGrid>
        <Title order={5} mt="md">
          {t('trainingSessions.meetings')}
        </Title>
        {s.meetings.length === 0 ? (
          <Text c="dimmed">{t('common.none')}</Text>
        ) : (
          <List size="sm">
            {s.meetings.map((m) => (
              <List.Item key={m.id}>
                {formatMeeting(String(m.startsAt), String(m.endsAt))}
                {m.topic && ` — ${m.topic}`}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      {(ENROLMENT_READERS.has(user.role) || s.canManage) && (
        <Tabs defaultValue="enrolments" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="enrolments" data-testid="tab-enrolments">
              {t('trainingSessions.enrolments')}
            </Tabs.Tab>
            {s.canManage && (
              <Tabs.Tab value="attendance" data-testid="tab-attendance">
                {t('trainingSessions.attendance')}
              </Tabs.Tab>
            )}
            {s.canManage && (
              <Tabs.Tab value="scores" data-testid="tab-paper-scores">
                {(t as unknown as LooseT)('paperScores.tab')}
              </Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="enrolments">
            <EnrolmentsPanel session={s} />
          </Tabs.Panel>
          {s.canManage && (
            <Tabs.Panel value="attendance">
              <AttendancePanel session={s} />
            </Tabs.Panel>
          )}
          {s.canManage && (
            <Tabs.Panel value="scores">
              <PaperScoresPanel sessionId={s.id} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('trainingSessions.edit')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && <SessionForm session={s} onDone={() => setEditing(false)} />}
      </Modal>
    </>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text data-testid={testId}>{value}</Text>
    </Stack>
  );
}

export function EnrolmentBadge({ status }: { status: Enrolment['status'] }) {
  const { t } = useTranslation();
  const color =
    { enrolled: 'blue', completed: 'green', not_completed: 'orange', waitlisted: 'yellow', pending_approval: 'grape', rejected: 'red', cancelled: 'gray' }[
      status
    ] ?? 'gray';
  return (
    <Badge color={color} data-testid="enrolment-status">
      {t(`trainingSessions.enrolmentStatus.${status}`)}
    </Badge>
  );
}
