import { useEffect } from 'react';
import { AppShell, Burger, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/CurrentUser';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { AppRoutes } from './AppRoutes';
import { LanguageSwitch } from './LanguageSwitch';
import { activeNavItem, navItemsFor } from './navigation';
import { UserMenu } from './UserMenu';
import { SkipLink } from './SkipLink';
import { useFocusPageHeading } from './useFocusPageHeading';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const [navbarOpened, navbar] = useDisclosure(false);
  const items = navItemsFor(user.role);
  const active = activeNavItem(location.pathname);

  // On phones the menu covers the page: close it once the user has picked a page.
  useEffect(() => navbar.close(), [location.pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  useFocusPageHeading(location.pathname);

  const pageName = active ? t(`nav.${active.key}`) : null;
  useEffect(() => {
    document.title = pageName ? t('app.pageTitle', { page: pageName }) : t('app.name');
  }, [pageName, t]);

  return (
    <>
      <SkipLink />
      <AppShell header={{ height: 60 }} navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={navbarOpened} onClick={navbar.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} data-testid="navbar-toggle" />
              <Group gap={8} wrap="nowrap" renderRoot={(props) => <Link to="/" {...props} />} style={{ textDecoration: 'none', color: 'inherit' }}>
                <ThemeIcon size="lg" radius="md" variant="filled">
                  <IconCertificate size={22} />
                </ThemeIcon>
                <Text fw={700} size="lg" data-testid="product-name">
                  {t('app.name')}
                </Text>
              </Group>
            </Group>
            <Group gap="md" wrap="nowrap">
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
          <AppShell.Section grow component={ScrollArea}>
            <div data-testid="main-nav">
              {items.map((item) => (
                <NavLink
                  key={item.key}
                  component={Link}
                  to={item.path}
                  label={t(`nav.${item.key}`)}
                  leftSection={<item.icon size={20} stroke={1.6} />}
                  active={active?.key === item.key}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  mb={2}
                  data-testid={`nav-${item.key}`}
                />
              ))}
            </div>
          </AppShell.Section>
          <AppShell.Section pt="sm">
            <Text size="xs" c="dimmed" px="sm">
              {t('app.tagline')}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main bg="gray.0" id="main-content">
          <ErrorBoundary resetKey={location.pathname}>
            <AppRoutes />
          </ErrorBoundary>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
