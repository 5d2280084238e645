import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { ChangeFailure, ReadFailure } from './RecruitmentStates';
import { recruitmentApi, recruitmentKeys } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

/** A panel member's conflict-of-interest declaration: the applications they will not rate, and why. */
export function DeclarationForm() {
  const { id = '' } = useParams();
  const { tr, when } = useRecruitmentText();
  const queryClient = useQueryClient();
  const declaration = useQuery({ queryKey: recruitmentKeys.declaration(id), queryFn: ({ signal }) => recruitmentApi.declaration(id, signal) });
  const [edits, setEdits] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (conflicts: Array<{ applicationId: string; reason: string }>) => recruitmentApi.declare(id, conflicts),
    // The campaign page offers rating links only to a member who has declared: it reloads too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: recruitmentKeys.declaration(id) }),
        queryClient.invalidateQueries({ queryKey: recruitmentKeys.campaign(id) }),
      ]),
  });
  if (declaration.isLoading) return <PageLoader />;
  if (declaration.error || !declaration.data) return <ReadFailure error={declaration.error} onRetry={declaration.refetch} />;
  const d = declaration.data;
  const conflicts = edits ?? Object.fromEntries(d.conflicts.map((c) => [c.applicationId, c.reason]));
  return (
    <>
      <PageHeader title={tr('declaration')} subtitle={tr('declarationHint')} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          {d.declaredAt ? <Alert color="green">{tr('declaredAt', { at: when(d.declaredAt) })}</Alert> : <Text c="dimmed">{tr('notDeclared')}</Text>}
          <Table data-testid="declaration-applications">
            <Table.Tbody>
              {d.applications.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Checkbox
                      label={`${a.candidateName} — ${a.positionTitle}`}
                      checked={a.id in conflicts}
                      onChange={(e) => {
                        const next = { ...conflicts };
                        if (e.currentTarget.checked) next[a.id] = '';
                        else delete next[a.id];
                        setEdits(next);
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    {a.id in conflicts && (
                      <TextInput
                        aria-label={tr('reason')}
                        placeholder={tr('reason')}
                        value={conflicts[a.id]}
                        onChange={(e) => setEdits({ ...conflicts, [a.id]: e.currentTarget.value })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ChangeFailure error={save.error} />
          <Group>
            <Button
              onClick={() => save.mutate(Object.entries(conflicts).map(([applicationId, reason]) => ({ applicationId, reason })))}
              loading={save.isPending}
              data-testid="declaration-submit"
            >
              {tr('declare')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
