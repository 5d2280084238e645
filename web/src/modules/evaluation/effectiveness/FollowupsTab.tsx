import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, MultiSelect, NumberInput, Paper, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../../../i18n';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { effectivenessApi, effectivenessKeys, type FollowupStatusFilter } from './effectivenessApi';
import { registerEffectivenessMessages } from './effectiveness.i18n';
import { useEffectivenessText } from './effectivenessText';

registerEffectivenessMessages(i18n);
const MONTH_CHOICES = ['1', '2', '3', '4', '6', '9', '12', '18', '24'];
const STATUSES = ['scheduled', 'open', 'overdue', 'closed'] as const;

function FollowupSettings() {
  const { te } = useEffectivenessText();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: effectivenessKeys.settings, queryFn: ({ signal }) => effectivenessApi.settings(signal) });
  const [months, setMonths] = useState<string[]>([]);
  const [windowDays, setWindowDays] = useState(30);
  useEffect(() => {
    if (!settings.data) return;
    setMonths(settings.data.months.map(String));
    setWindowDays(settings.data.windowDays);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => effectivenessApi.saveSettings({ months: months.map(Number), windowDays }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: effectivenessKeys.all }),
  });
  if (settings.error) return <QueryError error={settings.error} onRetry={settings.refetch} />;
  return (
    <Paper withBorder radius="md" p="md">
      <Group align="flex-end">
        <MultiSelect label={te('followups.settings')} data={MONTH_CHOICES} value={months} onChange={setMonths} maxValues={4} w={280} />
        <NumberInput
          label={te('followups.windowDays')}
          value={windowDays}
          min={7}
          max={90}
          onChange={(v) => typeof v === 'number' && setWindowDays(v)}
          w={160}
        />
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {te('followups.save')}
        </Button>
        {settings.data && !settings.data.own && (
          <Text size="sm" c="dimmed">
            {te('followups.inherited')}
          </Text>
        )}
      </Group>
      {save.isSuccess && (
        <Alert color="green" mt="sm">
          {te('followups.saved')}
        </Alert>
      )}
      {save.error && <QueryError error={save.error} />}
    </Paper>
  );
}

/** HR's follow-ups: its schedule setting, and each trainee's follow-ups with their status and progress (counts only). */
export function FollowupsTab() {
  const { te } = useEffectivenessText();
  const [status, setStatus] = useState<FollowupStatusFilter>(undefined);
  const list = useQuery({ queryKey: effectivenessKeys.followups(status, 0), queryFn: ({ signal }) => effectivenessApi.followups(status, 0, signal) });
  const date = (iso: string) => iso.split('-').reverse().join('/');
  return (
    <>
      <PageHeader title={te('followups.title')} subtitle={te('followups.subtitle')} />
      <Stack gap="md">
        <FollowupSettings />
        <Select
          label={te('followups.status')}
          w={220}
          value={status ?? ''}
          onChange={(v) => setStatus(v ? (v as FollowupStatusFilter) : undefined)}
          data={[{ value: '', label: te('followups.all') }, ...STATUSES.map((s) => ({ value: s, label: te(`followups.statuses.${s}`) }))]}
        />
        {list.error && <QueryError error={list.error} onRetry={list.refetch} />}
        {list.isPending && <Skeleton h={200} radius="md" />}
        {list.data && list.data.items.length === 0 && <Text c="dimmed">{te('followups.empty')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <Paper withBorder radius="md">
            <Table striped data-testid="followups-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{te('followups.person')}</Table.Th>
                  <Table.Th>{te('followups.course')}</Table.Th>
                  <Table.Th>{te('followups.months')}</Table.Th>
                  <Table.Th>{te('followups.due')}</Table.Th>
                  <Table.Th>{te('followups.status')}</Table.Th>
                  <Table.Th ta="right">{te('followups.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>{f.fullName}</Table.Td>
                    <Table.Td>{f.courseTitle}</Table.Td>
                    <Table.Td>{te('followups.monthsAfter', { months: f.months })}</Table.Td>
                    <Table.Td>{date(f.dueOn)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none" color={f.overdue ? 'red' : f.status === 'closed' ? 'green' : 'blue'}>
                        {te(`followups.statuses.${f.overdue ? 'overdue' : f.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{f.cycleId ? `${f.answered}/${f.assigned}` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </>
  );
}
