import type { ReactNode } from 'react';
import { Button, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface StatusPageProps {
  icon: ReactNode;
  color?: string;
  title: string;
  body: string;
  /** Extra actions beside "Back to overview". */
  actions?: ReactNode;
  testId?: string;
}

/** A friendly full-page message (not found, no access, crash) instead of a blank screen. */
export function StatusPage({ icon, color = 'blue', title, body, actions, testId }: StatusPageProps) {
  const { t } = useTranslation();
  return (
    <Center py={64} data-testid={testId}>
      <Stack align="center" gap="md" maw={520} ta="center">
        <ThemeIcon size={72} radius="xl" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed">{body}</Text>
        <Group justify="center">
          <Button component={Link} to="/" variant="light" leftSection={<IconArrowLeft size={16} />}>
            {t('common.backToOverview')}
          </Button>
          {actions}
        </Group>
      </Stack>
    </Center>
  );
}
