import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBuilding, IconChevronDown, IconId, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/CurrentUser';
import { useSignOut } from '../auth/session';

function initials(displayName: string): string {
  // Vietnamese names put the given name last: "Nguyễn Văn An" → "A"; two letters read better.
  const words = displayName.trim().split(/\s+/);
  const first = words.length > 1 ? (words[words.length - 2]?.[0] ?? '') : '';
  const last = words[words.length - 1]?.[0] ?? '';
  return (first + last).toLocaleUpperCase('vi');
}

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();

  return (
    <Menu position="bottom-end" width={280} withArrow shadow="md">
      <Menu.Target>
        {/* Named by what it shows (the name, then the role), so speech users can say what they see; the initials
            and the chevron are decoration. On phones only the initials show, and the name still says whose menu it is. */}
        <UnstyledButton aria-label={`${user.displayName}, ${t(`roles.${user.role}`)}`} title={t('userMenu.open')} data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size="md" aria-hidden>
              {initials(user.displayName)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm" maw={200}>
              <Text size="sm" fw={500} truncate>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {t(`roles.${user.role}`)}
              </Text>
            </Stack>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={2} px="sm" py="xs">
          <Text fw={600} data-testid="user-menu-name">
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.username}
          </Text>
        </Stack>
        <Menu.Divider />
        <Menu.Label>{t('userMenu.role')}</Menu.Label>
        <Group gap="xs" px="sm" pb="xs" wrap="nowrap">
          <IconId size={16} />
          <Text size="sm" data-testid="user-menu-role">
            {t(`roles.${user.role}`)}
          </Text>
        </Group>
        <Menu.Label>{t('userMenu.agency')}</Menu.Label>
        <Group gap="xs" px="sm" pb="xs" wrap="nowrap" align="flex-start">
          <IconBuilding size={16} style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" data-testid="user-menu-agency">
            {user.agency.name}
          </Text>
        </Group>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate()}
          closeMenuOnClick={false}
          disabled={signOut.isPending}
          data-testid="sign-out"
        >
          {t('userMenu.signOut')}
        </Menu.Item>
        {signOut.isError && (
          <Text size="xs" c="red" px="sm" pb="xs" role="alert">
            {t('auth.signOutFailed')}
          </Text>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
