import type { ReactNode } from 'react';
import { Anchor, Card, Grid, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuilding, IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navItemsFor, type NavKey } from '../../app/navigation';
import { useCurrentUser } from '../../auth/CurrentUser';
import { SystemStatus } from './SystemStatus';

function Fact({ icon, label, children, testId }: { icon: ReactNode; label: string; children: ReactNode; testId: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" radius="xl" size="md">
        {icon}
      </ThemeIcon>
      <Text size="sm" pt={2}>
        <Text span c="dimmed">
          {label}:{' '}
        </Text>
        <Text span fw={500} data-testid={testId}>
          {children}
        </Text>
      </Text>
    </Group>
  );
}

export default function OverviewPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const modules = navItemsFor(user.role).filter((item): item is typeof item & { key: Exclude<NavKey, 'overview'> } => item.key !== 'overview');

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Title order={1} size="h2" mb="sm" data-testid="overview-greeting">
          {t('overview.greeting', { name: user.displayName })}
        </Title>
        <Group gap="xl" align="flex-start" style={{ rowGap: 'var(--mantine-spacing-xs)' }}>
          <Fact icon={<IconId size={16} />} label={t('overview.role')} testId="overview-role">
            {t(`roles.${user.role}`)}
          </Fact>
          <Fact icon={<IconBuilding size={16} />} label={t('overview.agency')} testId="overview-agency">
            {user.agency.name}
          </Fact>
        </Group>
      </Paper>

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm">
            <Title order={4}>{t('overview.modulesTitle')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {modules.map((item) => (
                <Card key={item.key} withBorder radius="md" padding="md" component={Link} to={item.path} data-testid={`overview-module-${item.key}`}>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon variant="light" size="lg" radius="md">
                      <item.icon size={20} />
                    </ThemeIcon>
                    <Stack gap={2}>
                      <Anchor component="span" fw={600}>
                        {t(`nav.${item.key}`)}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {t(`modules.${item.key}`)}
                      </Text>
                    </Stack>
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SystemStatus />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
