import { useState } from 'react';
import { Badge, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryError } from '../../../ui/QueryError';
import { QuestionSetEditor } from './QuestionSetEditor';
import { questionSetKeys, questionSetsApi, type QuestionSet } from './questionSetsApi';
import { useQuestionSetsText } from './questionSetsText';

/** The question sets the trainer's institution (or the HR officer's agency) asks after its sessions. */
export function QuestionSetsPanel() {
  const { tq } = useQuestionSetsText();
  const client = useQueryClient();
  const sets = useQuery({ queryKey: questionSetKeys.all, queryFn: ({ signal }) => questionSetsApi.list(signal) });
  const [editing, setEditing] = useState<QuestionSet | 'new' | null>(null);
  if (sets.error) return <QueryError error={sets.error} onRetry={sets.refetch} />;
  if (!sets.data) return <Skeleton h={200} />;
  const items = [...sets.data.items].sort((a, b) => a.title.localeCompare(b.title, 'vi'));
  return (
    <Stack data-testid="question-sets">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {tq('hint')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="question-set-create">
          {tq('create')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{tq('none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tq('columns.title')}</Table.Th>
                <Table.Th>{tq('columns.target')}</Table.Th>
                <Table.Th ta="right">{tq('columns.questions')}</Table.Th>
                <Table.Th>{tq('columns.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id} data-testid="question-set-row">
                  <Table.Td>{s.title}</Table.Td>
                  <Table.Td>{s.sessionId ? tq('session') : tq('course')}</Table.Td>
                  <Table.Td ta="right">{s.questions.length}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={s.active ? 'teal' : 'gray'}>
                        {s.active ? tq('active') : tq('inactive')}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="xs" onClick={() => setEditing(s)} aria-label={`${tq('edit')}: ${s.title}`}>
                      {tq('edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <QuestionSetEditor
          set={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void client.invalidateQueries({ queryKey: questionSetKeys.all });
          }}
        />
      )}
    </Stack>
  );
}
