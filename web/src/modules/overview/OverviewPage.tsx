import type { ReactNode } from 'react';
import { Button, Grid, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuilding, IconFileTypePdf, IconId, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import i18n, { currentLanguage } from '../../i18n';
import { useCurrentUser } from '../../auth/CurrentUser';
import { SystemStatus } from './SystemStatus';
import { TodoList } from './TodoList';
import { nationalReportPdfUrl } from './overviewApi';
import { registerOverviewMessages } from './overview.i18n';
import { useOverviewText } from './overviewText';

registerOverviewMessages(i18n);

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

/** A side card: a title, a line of why, and the one thing to do. */
function SideCard({ icon, title, hint, action, testId }: { icon: ReactNode; title: string; hint: string; action: ReactNode; testId: string }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Group gap="xs" mb="xs">
        {icon}
        <Title order={2} size="h4">
          {title}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {hint}
      </Text>
      {action}
    </Paper>
  );
}

/**
 * The first page after signing in: what the user has to do now (issue 18, item 9), the leader's way to
 * their team, and for the national administrator the national report and the database details.
 */
export default function OverviewPage() {
  const { t } = useTranslation();
  const { to } = useOverviewText();
  const user = useCurrentUser();
  const isAdmin = user.role === 'national_admin';

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
          <TodoList />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            {user.role === 'leader' && (
              <SideCard
                testId="overview-team"
                icon={<IconUsersGroup size={20} aria-hidden />}
                title={to('team.title')}
                hint={to('team.hint')}
                action={
                  <Button component={Link} to="/assessments/team" variant="light" data-testid="overview-team-link">
                    {to('team.open')}
                  </Button>
                }
              />
            )}
            {isAdmin && (
              <SideCard
                testId="overview-national-report"
                icon={<IconFileTypePdf size={20} aria-hidden />}
                title={to('national.title')}
                hint={to('national.hint')}
                action={
                  <Button component="a" href={nationalReportPdfUrl(currentLanguage())} target="_blank" variant="light" data-testid="national-report-pdf">
                    {to('national.pdf')}
                  </Button>
                }
              />
            )}
            {isAdmin && <SystemStatus />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
