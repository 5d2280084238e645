import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, client, setCsrfToken } from '../api/client';
import { useFormErrors } from '../ui/useFormErrors';
import { sessionQueryKey } from './session';

/** Shown instead of the app while the account still has the first password HR handed out (on paper or by e-mail). */
export function FirstPasswordPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const change = useMutation({
    mutationFn: () => call(client.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
    onSuccess: async ({ csrfToken }) => {
      setCsrfToken(csrfToken);
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
  const { errorFor, general } = useFormErrors(change.error, { currentPassword, newPassword });
  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder radius="md" p="lg" maw={420} w="100%" component="main">
        <Stack gap="sm">
          <Title order={1} size="h3">
            {t('mustChange.title')}
          </Title>
          <Text size="sm">{t('mustChange.hint')}</Text>
          <PasswordInput
            label={t('mustChange.current')}
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errorFor('currentPassword', t('mustChange.current'))}
            autoComplete="current-password"
            data-testid="first-password-current"
          />
          <PasswordInput
            label={t('mustChange.next')}
            value={newPassword}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errorFor('newPassword', t('mustChange.next'))}
            autoComplete="new-password"
            data-testid="first-password-new"
          />
          {general && <Alert color="red">{general}</Alert>}
          <Button
            onClick={() => change.mutate()}
            disabled={!currentPassword || newPassword.length < 10}
            loading={change.isPending}
            data-testid="first-password-save"
          >
            {t('mustChange.save')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
