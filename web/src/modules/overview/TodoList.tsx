import { Anchor, Badge, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { QueryError } from '../../ui/QueryError';
import { EmptyState } from '../../ui/EmptyState';
import { todayIso } from '../../ui/dates';
import { overviewApi, overviewKeys } from './overviewApi';
import { useOverviewText } from './overviewText';

/** What the signed-in user has to do now, each line linking to the page that does it (GET /api/overview/todo). */
export function TodoList() {
  const { to, date, itemText } = useOverviewText();
  const todo = useQuery({ queryKey: overviewKeys.todo, queryFn: ({ signal }) => overviewApi.todo(signal) });
  const today = todayIso();

  return (
    <Stack gap="sm" data-testid="overview-todo">
      <Group gap="xs">
        <IconChecklist size={20} aria-hidden />
        <Title order={2} size="h4">
          {to('title')}
        </Title>
      </Group>
      {todo.isPending && <Skeleton h={96} />}
      {todo.error && <QueryError error={todo.error} onRetry={todo.refetch} />}
      {todo.data && todo.data.items.length === 0 && <EmptyState title={to('empty')} hint={to('emptyHint')} testId="overview-todo-empty" />}
      {todo.data && todo.data.items.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {todo.data.items.map((item) => (
            <Paper key={item.key} component="li" withBorder radius="md" p="sm" data-testid={`todo-${item.key}`}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                {/* The line itself is the link: its name says where it goes. */}
                <Anchor component={Link} to={item.link} fw={500} data-testid={`todo-link-${item.key}`}>
                  {itemText(item.key, item.count)}
                </Anchor>
                {item.dueOn && (
                  <Badge variant="light" color={item.dueOn < today ? 'red' : 'blue'} data-testid={`todo-due-${item.key}`}>
                    {item.dueOn < today ? to('overdue', { date: date(item.dueOn) }) : to('due', { date: date(item.dueOn) })}
                  </Badge>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
