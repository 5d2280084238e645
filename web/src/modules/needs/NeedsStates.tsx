import type { ReactNode } from 'react';
import { Button, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconChartGridDots, IconMapPinQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { QueryError } from '../../ui/QueryError';
import { useNeedsText } from './useNeedsText';

/** A clear message where a table or chart would be, never a blank area. */
export function NeedsEmpty({ title, body, testId, icon }: { title: string; body: string; testId: string; icon?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid={testId}>
      <Center>
        <Stack align="center" gap="sm" maw={520} ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" color="gray">
            {icon ?? <IconChartGridDots size={30} />}
          </ThemeIcon>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text c="dimmed">{body}</Text>
        </Stack>
      </Center>
    </Paper>
  );
}

/** Out of scope answers 404 exactly like a missing unit: say so, and offer the way back. */
export function NeedsNotFound() {
  const { tn } = useNeedsText();
  return (
    <Paper withBorder radius="md" p="xl" data-testid="needs-not-found">
      <Center>
        <Stack align="center" gap="sm" maw={520} ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" color="orange">
            <IconMapPinQuestion size={30} />
          </ThemeIcon>
          <Title order={3} size="h4">
            {tn('notFound.title')}
          </Title>
          <Text c="dimmed">{tn('notFound.body')}</Text>
          <Button component={Link} to="/needs" variant="light" leftSection={<IconArrowLeft size={16} />}>
            {tn('notFound.back')}
          </Button>
        </Stack>
      </Center>
    </Paper>
  );
}

/** A failed query: the not-found state for 404, the server's message otherwise. */
export function NeedsQueryError({ error, onRetry }: { error: unknown; onRetry?: () => unknown }) {
  if (isApiError(error) && error.status === 404) return <NeedsNotFound />;
  return <QueryError error={error} onRetry={onRetry} />;
}
