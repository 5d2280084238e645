import { SimpleGrid, Paper, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconCalendarEvent, IconCertificate, IconChecklist, IconFileSpreadsheet, IconRoute, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import i18n from '../../i18n';
import type { Role } from '../../auth/roles';
import { useCurrentUser } from '../../auth/CurrentUser';
import { PageHeader } from '../../ui/PageHeader';
import { registerPlansMessages } from './plans/plans.i18n';
import { usePlansText } from './plans/planText';

registerPlansMessages(i18n);

type Entry = { to: string; icon: typeof IconRoute; label: string; roles: readonly Role[] | 'person' };

/** /training: the next steps of each role (my plan, my sessions, my certificates; HR's plans and reports; trainers' sessions). */
export function TrainingHome() {
  const { t } = useTranslation();
  const { tp } = usePlansText();
  const user = useCurrentUser();
  const entries: Entry[] = [
    { to: 'plan', icon: IconRoute, label: tp('title'), roles: 'person' },
    { to: 'me', icon: IconCalendarEvent, label: t('trainingSessions.myTitle'), roles: 'person' },
    { to: 'certificates', icon: IconCertificate, label: t('trainingCredentials.title'), roles: 'person' },
    { to: 'sessions', icon: IconCalendarEvent, label: t('trainingSessions.title'), roles: ['national_admin', 'hr_officer', 'leader', 'trainer'] },
    { to: 'approvals', icon: IconChecklist, label: t('trainingSessions.approvalsTitle'), roles: ['leader'] },
    { to: 'plans', icon: IconUsersGroup, label: tp('list.title'), roles: ['national_admin', 'hr_officer', 'leader'] },
    { to: 'records', icon: IconFileSpreadsheet, label: t('trainingRecords.title'), roles: ['national_admin', 'hr_officer', 'leader', 'civil_servant', 'expert'] },
  ];
  const visible = entries.filter((e) => (e.roles === 'person' ? !!user.personId : e.roles.includes(user.role)));
  return (
    <>
      <PageHeader title={t('nav.training')} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="training-home">
        {visible.map(({ to, icon: Icon, label }) => (
          <UnstyledButton key={to} component={Link} to={to} data-testid={`training-link-${to}`}>
            <Paper withBorder p="md" radius="md">
              <Group gap="sm">
                <ThemeIcon variant="light" size="lg">
                  <Icon size={20} />
                </ThemeIcon>
                <Text fw={500}>{label}</Text>
              </Group>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </>
  );
}
