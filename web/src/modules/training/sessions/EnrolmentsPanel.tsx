import { useState } from 'react';
import { Badge, Button, CloseButton, Group, Menu, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDots, IconUsersGroup, IconUsersPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../auth/CurrentUser';
import { QueryError } from '../../../ui/QueryError';
import { ApiErrorAlert } from './ApiErrorAlert';
import { GroupEnrolmentModal } from './GroupEnrolmentModal';
import { PersonPicker } from './PersonPicker';
import { EnrolmentBadge } from './SessionPage';
import { sessionsApi, sessionsKeys, type Enrolment, type SessionDetail } from './sessionsApi';

const ENROLLERS = new Set(['national_admin', 'hr_officer']);
const GROUPS = [
  { key: 'seated', statuses: ['enrolled', 'completed', 'not_completed'] },
  { key: 'waiting', statuses: ['waitlisted'] },
  { key: 'pending', statuses: ['pending_approval'] },
  { key: 'ended', statuses: ['cancelled', 'rejected'] },
] as const;

/** Who holds a seat, who waits, who asked; HR enrols people of their scope, cancels and replaces. */
export function EnrolmentsPanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const enrolments = useQuery({ queryKey: sessionsKeys.enrolments(session.id), queryFn: ({ signal }) => sessionsApi.enrolments(session.id, signal) });
  const [chosen, setChosen] = useState<Array<{ id: string; fullName: string; staffCode: string }>>([]);
  const [replacing, setReplacing] = useState<Enrolment | null>(null);
  const [groupOpen, setGroupOpen] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsKeys.all });
  const enrol = useMutation({
    mutationFn: () =>
      sessionsApi.enrol(
        session.id,
        chosen.map((p) => p.id),
      ),
    onSuccess: async () => {
      setChosen([]);
      await refresh();
    },
  });
  const cancel = useMutation({ mutationFn: (id: string) => sessionsApi.cancel(id), onSuccess: refresh });
  const replace = useMutation({
    mutationFn: ({ id, personId }: { id: string; personId: string }) => sessionsApi.replace(id, personId),
    onSuccess: async () => {
      setReplacing(null);
      await refresh();
    },
  });
  const canEnrol = ENROLLERS.has(user.role) && session.status !== 'completed';

  return (
    <Stack>
      {canEnrol && (
        <Paper withBorder radius="md" p="md">
          <Title order={5} mb="xs">
            {t('trainingSessions.enrolPeople')}
          </Title>
          <Group align="flex-end">
            <PersonPicker
              label={t('trainingSessions.addPerson')}
              onPick={(p) => setChosen((list) => (list.some((x) => x.id === p.id) ? list : [...list, p]))}
              testId="enrol-person"
            />
            <Button
              leftSection={<IconUsersPlus size={16} />}
              disabled={chosen.length === 0 || !session.enrolmentOpen}
              loading={enrol.isPending}
              onClick={() => enrol.mutate()}
              data-testid="enrol-submit"
            >
              {t('trainingSessions.enrolChosen', { count: chosen.length })}
            </Button>
            <Button
              variant="light"
              leftSection={<IconUsersGroup size={16} />}
              disabled={!session.enrolmentOpen}
              onClick={() => setGroupOpen(true)}
              data-testid="group-open"
            >
              {t('trainingSessions.groupEnrol.open')}
            </Button>
          </Group>
          <GroupEnrolmentModal session={session} opened={groupOpen} onClose={() => setGroupOpen(false)} />
          {!session.enrolmentOpen && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('trainingSessions.windowClosed')}
            </Text>
          )}
          <Group gap="xs" mt="xs">
            {chosen.map((p) => (
              <Badge
                key={p.id}
                variant="light"
                rightSection={<CloseButton size="xs" aria-label={t('common.close')} onClick={() => setChosen((list) => list.filter((x) => x.id !== p.id))} />}
              >
                {p.fullName} · {p.staffCode}
              </Badge>
            ))}
          </Group>
          <ApiErrorAlert error={enrol.error} />
        </Paper>
      )}
      <ApiErrorAlert error={cancel.error ?? replace.error} />
      {enrolments.error && <QueryError error={enrolments.error} onRetry={enrolments.refetch} />}
      {enrolments.data &&
        GROUPS.map((group) => {
          const rows = enrolments.data.items.filter((e) => (group.statuses as readonly string[]).includes(e.status));
          if (rows.length === 0 && group.key !== 'seated') return null;
          return (
            <Paper key={group.key} withBorder radius="md" p="md" data-testid={`enrolments-${group.key}`}>
              <Title order={5} mb="xs">
                {t(`trainingSessions.group.${group.key}`)} ({rows.length})
              </Title>
              <Table.ScrollContainer minWidth={640}>
                <Table striped>
                  <Table.Tbody>
                    {rows.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>{e.fullName}</Table.Td>
                        <Table.Td>{e.staffCode}</Table.Td>
                        <Table.Td>{e.agencyName}</Table.Td>
                        <Table.Td>
                          <EnrolmentBadge status={e.status} />
                        </Table.Td>
                        <Table.Td>
                          {ENROLLERS.has(user.role) && ['enrolled', 'waitlisted', 'pending_approval'].includes(e.status) && (
                            <Menu position="bottom-end">
                              <Menu.Target>
                                <Button variant="subtle" size="xs" aria-label={t('trainingSessions.actions')} data-testid="enrolment-actions">
                                  <IconDots size={16} />
                                </Button>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item onClick={() => cancel.mutate(e.id)}>{t('trainingSessions.cancel')}</Menu.Item>
                                {e.status === 'enrolled' && <Menu.Item onClick={() => setReplacing(e)}>{t('trainingSessions.replace')}</Menu.Item>}
                              </Menu.Dropdown>
                            </Menu>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {rows.length === 0 && (
                <Text c="dimmed" size="sm">
                  {t('common.none')}
                </Text>
              )}
            </Paper>
          );
        })}
      <Modal
        opened={replacing !== null}
        onClose={() => setReplacing(null)}
        title={t('trainingSessions.replaceTitle', { name: replacing?.fullName ?? '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {replacing && (
          <PersonPicker
            label={t('trainingSessions.replaceWith')}
            onPick={(p) => replace.mutate({ id: replacing.id, personId: p.id })}
            testId="replace-person"
          />
        )}
        <ApiErrorAlert error={replace.error} />
      </Modal>
    </Stack>
  );
}
