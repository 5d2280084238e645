import { Badge, Center, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { navItem, type NavKey } from '../app/navigation';
import { PageHeader } from './PageHeader';

/** Stand-in for a module that is not built yet; each module's page file replaces it. */
export function ComingSoon({ module }: { module: NavKey }) {
  const { t } = useTranslation();
  const title = t(`nav.${module}`);
  const Icon = navItem(module).icon;
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder radius="md" p="xl" data-testid="coming-soon">
        <Center>
          <Stack align="center" gap="sm" maw={480} ta="center">
            <ThemeIcon size={64} radius="xl" variant="light">
              <Icon size={34} />
            </ThemeIcon>
            <Badge leftSection={<IconTools size={12} />} variant="light" color="orange">
              {t('comingSoon.badge')}
            </Badge>
            <Text c="dimmed">{t('comingSoon.body', { module: title })}</Text>
          </Stack>
        </Center>
      </Paper>
    </>
  );
}
