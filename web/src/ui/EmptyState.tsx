import type { ReactNode } from 'react';
import { Paper, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';

/** An empty list says why it is empty and what to do about it (issue 18): a title, a hint and, where there is one, the action. */
export function EmptyState({ title, hint, action, testId = 'empty-state' }: { title: string; hint: string; action?: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Stack align="center" gap={6}>
        <IconInbox size={28} aria-hidden />
        <Text fw={600} ta="center">
          {title}
        </Text>
        <Text size="sm" c="dimmed" ta="center" maw={520}>
          {hint}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}
