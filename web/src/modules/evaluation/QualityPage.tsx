import { useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, NumberInput, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { useCurrentUser } from '../../auth/CurrentUser';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { QualityEditModal } from './QualityEditModal';
import { qualityApi, qualityKeys, type QualityRecord } from './qualityApi';
import { registerQualityMessages } from './quality.i18n';
import { useQualityText } from './qualityText';

registerQualityMessages(i18n);

/** The agency's annual classification: who is rated what, the 20 % quota, import of earlier years, making the year final. */
export function QualityPage() {
  const { tq, score, date } = useQualityText();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState<QualityRecord | null>(null);
  const agencyId = user.agency.id;
  const quality = useQuery({ queryKey: qualityKeys.agency(agencyId, year), queryFn: ({ signal }) => qualityApi.agency(agencyId, year, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: qualityKeys.all });
  const finalize = useMutation({ mutationFn: () => qualityApi.finalize(agencyId, year), onSuccess: refresh });
  const importFile = useMutation({ mutationFn: (file: File) => qualityApi.import(file), onSuccess: refresh });
  const data = quality.data;
  const canWrite = user.role === 'hr_officer' || user.role === 'national_admin';
  const problems = isApiError(importFile.error)
    ? ((importFile.error.details as { problems?: Array<{ row: number; field: string; code: string }> })?.problems ?? [])
    : [];

  return (
    <>
      <PageHeader
        title={tq('title')}
        subtitle={tq('subtitle')}
        actions={
          canWrite && (
            <FileButton onChange={(f) => f && importFile.mutate(f)} accept=".xlsx,.csv">
              {(props) => (
                <Button variant="default" loading={importFile.isPending} {...props}>
                  {tq('import')}
                </Button>
              )}
            </FileButton>
          )
        }
      />
      <Stack gap="md">
        <Group align="flex-end">
          <NumberInput label={tq('year')} value={year} min={2000} max={2100} onChange={(v) => typeof v === 'number' && setYear(v)} w={120} />
          <Text size="sm" c="dimmed">
            {tq('importHint')}
          </Text>
        </Group>
        {importFile.data && <Alert color="green">{tq('imported', importFile.data)}</Alert>}
        {importFile.error && <QueryError error={importFile.error} />}
        {problems.length > 0 && (
          <Stack gap={2} component="ul">
            {problems.slice(0, 50).map((p, i) => (
              <Text component="li" size="sm" key={i}>
                {tq('importErrors', p)}
              </Text>
            ))}
          </Stack>
        )}
        {quality.error && <QueryError error={quality.error} onRetry={quality.refetch} />}
        {quality.isPending && <Skeleton h={240} radius="md" />}
        {data && (
          <>
            <Group gap="sm">
              <Badge size="lg" variant="light" color={data.quota.ok ? 'green' : 'red'} tt="none" data-testid="quality-quota">
                {tq('quota', data.quota)}
              </Badge>
              {!data.quota.ok && <Text size="sm">{tq('quotaExceeded', data.quota)}</Text>}
              {data.finalizedAt ? (
                <Badge variant="outline" tt="none">
                  {tq('finalized', { date: date(String(data.finalizedAt)) })}
                </Badge>
              ) : (
                canWrite && (
                  <Button size="xs" onClick={() => finalize.mutate()} loading={finalize.isPending}>
                    {tq('finalize')}
                  </Button>
                )
              )}
            </Group>
            {finalize.error && <QueryError error={finalize.error} />}
            {data.items.length === 0 ? (
              <Text c="dimmed">{tq('empty')}</Text>
            ) : (
              <Paper withBorder radius="md" p="md">
                <Table.ScrollContainer minWidth={560}>
                  <Table striped data-testid="quality-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{tq('person')}</Table.Th>
                        <Table.Th ta="right">{tq('score')}</Table.Th>
                        <Table.Th>{tq('eligible')}</Table.Th>
                        <Table.Th>{tq('level')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((r) => (
                        <Table.Tr key={r.personId}>
                          <Table.Td>
                            {r.fullName}
                            <Text size="xs" c="dimmed">
                              {r.staffCode}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right">{r.score === null ? '—' : score(r.score)}</Table.Td>
                          <Table.Td>{r.eligibleLevel ? tq(`levels.${r.eligibleLevel}`) : '—'}</Table.Td>
                          <Table.Td>{r.level ? tq(`levels.${r.level}`) : <Text c="dimmed">{tq('notRecorded')}</Text>}</Table.Td>
                          <Table.Td>
                            {canWrite && !data.finalizedAt && year >= 2026 && (
                              <Button size="xs" variant="subtle" onClick={() => setEditing(r)}>
                                {tq('edit')}
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </>
        )}
      </Stack>
      {editing && (
        <QualityEditModal
          record={editing}
          year={year}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
    </>
  );
}
