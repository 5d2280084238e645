import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { isApiError } from '../api/client';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useSignIn } from './session';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { prefetchOverviewData, preloadOverviewPage } from '../app/overviewPrefetch';

// Keys, not texts, so a language switch also translates a message already shown.
interface FieldErrors {
  username?: 'auth.usernameRequired';
  password?: 'auth.passwordRequired';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('auth.title') });
  }, [t]);

  // Most sign-ins land on the overview: its code loads while the user types (see overviewPrefetch.ts).
  const queryClient = useQueryClient();
  const landsOnOverview = useLocation().pathname === '/';
  useEffect(() => (landsOnOverview ? preloadOverviewPage() : undefined), [landsOnOverview]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!username.trim()) errors.username = 'auth.usernameRequired';
    if (!password) errors.password = 'auth.passwordRequired';
    setFieldErrors(errors);
    if (errors.username || errors.password) return;
    signIn.mutate(
      { username: username.trim(), password },
      { onSuccess: (session) => landsOnOverview && !session.mustChangePassword && prefetchOverviewData(queryClient) },
    );
  }

  const errorMessage = signIn.error ? (isApiError(signIn.error) ? signIn.error.message : t('errors.network')) : null;
  const pending = signIn.isPending;

  return (
    <Center component="main" mih="100dvh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="lg">
        <Group justify="space-between" align="center">
          <Stack gap={0}>
            <Title order={1} size="h2" c="blue.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Stack>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <form onSubmit={submit} noValidate data-testid="sign-in-form">
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={3}>{t('auth.title')}</Title>
                <Text size="sm" c="dimmed">
                  {t('auth.subtitle')}
                </Text>
              </Stack>
              {errorMessage && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('auth.failed')} data-testid="sign-in-error">
                  {errorMessage}
                </Alert>
              )}
              <TextInput
                label={t('auth.username')}
                name="username"
                autoComplete="username"
                autoFocus
                value={username}
                onChange={(event) => setUsername(event.currentTarget.value)}
                error={fieldErrors.username && t(fieldErrors.username)}
                disabled={pending}
                data-testid="sign-in-username"
              />
              <PasswordInput
                label={t('auth.password')}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrors.password && t(fieldErrors.password)}
                disabled={pending}
                data-testid="sign-in-password"
              />
              <Button type="submit" fullWidth leftSection={<IconLock size={18} />} loading={pending} disabled={pending} data-testid="sign-in-submit">
                {t('auth.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
