import { useEffect, useState } from 'react';
import { Button, Checkbox, FileButton, Group, NumberInput, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconFileImport, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { QueryError } from '../../../ui/QueryError';
import { ApiErrorAlert } from './ApiErrorAlert';
import { EnrolmentBadge } from './SessionPage';
import { formatMeeting } from './format';
import { formatPercent } from '../../../format/format';
import { currentLanguage } from '../../../i18n';
import { sessionsApi, sessionsKeys, type AttendanceGrid, type SessionDetail } from './sessionsApi';

const markKey = (enrolmentId: string, meetingId: string) => `${enrolmentId}/${meetingId}`;

/** The trainer's grid: present per meeting and person, the final score when examined; import a sheet; close with results. */
export function AttendancePanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const grid = useQuery({ queryKey: sessionsKeys.attendance(session.id), queryFn: ({ signal }) => sessionsApi.attendance(session.id, signal) });
  const [marks, setMarks] = useState<Map<string, boolean>>(new Map());
  const [scores, setScores] = useState<Map<string, number | null>>(new Map());
  const load = (data: AttendanceGrid) => {
    setMarks(new Map(data.marks.map((m) => [markKey(m.enrolmentId, m.meetingId), m.present])));
    setScores(new Map(data.people.map((p) => [p.enrolmentId, p.finalScore])));
  };
  useEffect(() => {
    if (grid.data) load(grid.data);
  }, [grid.data]);
  const done = async (data: AttendanceGrid) => {
    queryClient.setQueryData(sessionsKeys.attendance(session.id), data);
    await queryClient.invalidateQueries({ queryKey: sessionsKeys.detail(session.id) });
    await queryClient.invalidateQueries({ queryKey: sessionsKeys.enrolments(session.id) });
  };
  const save = useMutation({
    mutationFn: () =>
      sessionsApi.saveAttendance(session.id, {
        marks: [...marks].map(([key, present]) => ({ enrolmentId: key.split('/')[0]!, meetingId: key.split('/')[1]!, present })),
        scores: grid.data!.passScore === null ? [] : [...scores].map(([enrolmentId, score]) => ({ enrolmentId, score })),
      }),
    onSuccess: done,
  });
  const importSheet = useMutation({ mutationFn: (file: File) => sessionsApi.importAttendance(session.id, file), onSuccess: done });
  const close = useMutation({ mutationFn: () => sessionsApi.close(session.id), onSuccess: done });

  if (grid.error) return <QueryError error={grid.error} onRetry={grid.refetch} />;
  if (!grid.data) return <Skeleton h={200} />;
  const data = grid.data;
  const closed = data.status === 'completed';
  const importErrors = isApiError(importSheet.error)
    ? ((
        importSheet.error.details as
          | { errors?: Array<{ row: number; field: 'staffCode' | 'meetingDate' | 'present'; code: 'unknown_person' | 'no_meeting' | 'invalid_value' }> }
          | undefined
      )?.errors ?? [])
    : [];

  return (
    <Stack>
      <Paper withBorder radius="md" p="md">
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="attendance-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainingSessions.person')}</Table.Th>
                {data.meetings.map((m, i) => (
                  <Table.Th key={m.id} title={formatMeeting(String(m.startsAt), String(m.endsAt))}>
                    {t('trainingSessions.meetingShort', { n: i + 1 })}
                  </Table.Th>
                ))}
                {data.passScore !== null && <Table.Th>{t('trainingSessions.score')}</Table.Th>}
                <Table.Th>{t('trainingSessions.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.people.map((p) => (
                <Table.Tr key={p.enrolmentId} data-testid="attendance-row">
                  <Table.Td>
                    {p.fullName}
                    <Text size="xs" c="dimmed">
                      {p.staffCode} · {p.agencyName}
                    </Text>
                  </Table.Td>
                  {data.meetings.map((m, i) => (
                    <Table.Td key={m.id}>
                      <Checkbox
                        aria-label={`${p.fullName} — ${t('trainingSessions.meetingShort', { n: i + 1 })}`}
                        checked={marks.get(markKey(p.enrolmentId, m.id)) ?? false}
                        disabled={closed}
                        onChange={(e) => {
                          const checked = e.currentTarget.checked;
                          setMarks((prev) => new Map(prev).set(markKey(p.enrolmentId, m.id), checked));
                        }}
                        data-testid="attendance-mark"
                      />
                    </Table.Td>
                  ))}
                  {data.passScore !== null && (
                    <Table.Td>
                      <NumberInput
                        aria-label={`${p.fullName} — ${t('trainingSessions.score')}`}
                        min={0}
                        max={100}
                        w={90}
                        disabled={closed}
                        value={scores.get(p.enrolmentId) ?? ''}
                        onChange={(v) => setScores((prev) => new Map(prev).set(p.enrolmentId, v === '' ? null : Number(v)))}
                        data-testid="attendance-score"
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    {closed ? (
                      <>
                        <EnrolmentBadge status={p.status} />{' '}
                        {p.attendanceShare !== null && (
                          <Text span size="xs">
                            {formatPercent(p.attendanceShare, currentLanguage(), 0)}
                          </Text>
                        )}
                      </>
                    ) : (
                      <Text c="dimmed">{t('common.none')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {data.people.length === 0 && <Text c="dimmed">{t('trainingSessions.nobodyEnrolled')}</Text>}
      </Paper>
      {!closed && (
        <Group>
          <Button
            leftSection={<IconCheck size={16} />}
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={data.people.length === 0}
            data-testid="attendance-save"
          >
            {t('trainingSessions.saveAttendance')}
          </Button>
          <FileButton onChange={(file) => file && importSheet.mutate(file)} accept=".xlsx,.csv">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileImport size={16} />} loading={importSheet.isPending} data-testid="attendance-import">
                {t('trainingSessions.importSheet')}
              </Button>
            )}
          </FileButton>
          <Button
            color="red"
            variant="light"
            leftSection={<IconLock size={16} />}
            onClick={() => {
              if (window.confirm(t('trainingSessions.closeConfirm'))) close.mutate();
            }}
            loading={close.isPending}
            data-testid="session-close"
          >
            {t('trainingSessions.close')}
          </Button>
        </Group>
      )}
      {!closed && (
        <Text size="xs" c="dimmed">
          {t('trainingSessions.importHint')}
        </Text>
      )}
      {save.isSuccess && !save.isPending && (
        <Text size="sm" c="green" data-testid="attendance-saved">
          {t('trainingSessions.saved')}
        </Text>
      )}
      <ApiErrorAlert error={save.error ?? close.error ?? importSheet.error} />
      {importErrors.length > 0 && (
        <Paper withBorder p="sm" data-testid="import-errors">
          {importErrors.slice(0, 50).map((e) => (
            <Text key={`${e.row}-${e.field}`} size="sm">
              {t('trainingSessions.importError', {
                row: e.row,
                field: t(`trainingSessions.importField.${e.field}`),
                problem: t(`trainingSessions.importProblem.${e.code}`),
              })}
            </Text>
          ))}
        </Paper>
      )}
      {closed && (
        <Text c="dimmed" data-testid="session-closed">
          {t('trainingSessions.closedNote')}
        </Text>
      )}
    </Stack>
  );
}
