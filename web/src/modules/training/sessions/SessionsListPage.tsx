import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, Skeleton, Table, Text } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/CurrentUser';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { SessionForm } from './SessionForm';
import { formatDay } from './format';
import { sessionsApi, sessionsKeys, type SessionListQuery } from './sessionsApi';

type Filter = 'all' | 'open' | 'mine';

/** Every session on offer; trainers plan new ones for their institution's courses. */
export default function SessionsListPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const planner = user.role === 'trainer' || user.role === 'national_admin';
  const [filter, setFilter] = useState<Filter>(user.role === 'trainer' ? 'mine' : 'all');
  const [creating, setCreating] = useState(false);
  // A course's page links here with ?courseId=: its sessions only.
  const courseId = useSearchParams()[0].get('courseId') ?? undefined;
  const query: SessionListQuery = {
    limit: 200,
    offset: 0,
    ...(courseId ? { courseId } : {}),
    ...(filter === 'open' ? { open: 'true' } : filter === 'mine' ? { mine: 'true' } : {}),
  };
  const list = useQuery({ queryKey: sessionsKeys.list(query), queryFn: ({ signal }) => sessionsApi.list(query, signal) });
  const title = (s: { courseTitle: string; courseTitleEn: string }) => (i18n.language === 'en' && s.courseTitleEn ? s.courseTitleEn : s.courseTitle);

  return (
    <>
      <PageHeader
        title={t('trainingSessions.title')}
        subtitle={t('trainingSessions.subtitle')}
        actions={
          planner && (
            <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setCreating(true)} data-testid="session-new">
              {t('trainingSessions.create')}
            </Button>
          )
        }
      />
      <Group mb="md">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'all', label: t('trainingSessions.filterAll') },
            { value: 'open', label: t('trainingSessions.filterOpen') },
            ...(user.role === 'trainer' ? [{ value: 'mine', label: t('trainingSessions.filterMine') }] : []),
          ]}
          data-testid="sessions-filter"
        />
      </Group>
      {list.error && <QueryError error={list.error} onRetry={list.refetch} />}
      {list.isPending && <Skeleton h={300} />}
      {list.data && (
        <Paper withBorder radius="md" p="md">
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover data-testid="sessions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('trainingSessions.code')}</Table.Th>
                  <Table.Th>{t('trainingSessions.course')}</Table.Th>
                  <Table.Th>{t('trainingSessions.institution')}</Table.Th>
                  <Table.Th>{t('trainingSessions.dates')}</Table.Th>
                  <Table.Th>{t('trainingSessions.seats')}</Table.Th>
                  <Table.Th>{t('trainingSessions.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/training/sessions/${s.id}`}>
                        {s.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{title(s)}</Table.Td>
                    <Table.Td>{s.institutionName}</Table.Td>
                    <Table.Td>
                      {formatDay(s.startsOn)} – {formatDay(s.endsOn)}
                    </Table.Td>
                    <Table.Td>
                      {t('trainingSessions.seatsTaken', { enrolled: s.enrolled, seats: s.seats })}
                      {s.waitlisted > 0 && ` (${t('trainingSessions.waitingCount', { count: s.waitlisted })})`}
                    </Table.Td>
                    <Table.Td>
                      {s.enrolmentOpen ? (
                        <Badge color="green">{t('trainingSessions.enrolmentOpen')}</Badge>
                      ) : (
                        <Badge color="gray">{t(`trainingSessions.sessionStatus.${s.status}`)}</Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.items.length === 0 && <Text c="dimmed">{t('trainingSessions.none')}</Text>}
        </Paper>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('trainingSessions.create')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && <SessionForm session={null} onDone={() => setCreating(false)} />}
      </Modal>
    </>
  );
}
