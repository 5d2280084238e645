import { useState } from 'react';
import { Alert, Button, Divider, Group, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { foldedFilter } from '../../ui/foldText';
import { isApiError } from '../../api/client';
import type { Role } from '../../auth/roles';
import { liveAgencyOptions, orgApi, orgKeys } from '../org/orgApi';
import { useFormErrors } from '../../ui/useFormErrors';
import { accountsApi, accountsKeys, type Account } from './accountsApi';
import { PersonLink } from './PersonLink';

const errorText = (error: unknown) => (isApiError(error) ? error.message : String(error));

/** Create an account (no `account`) or change one; the server decides what the caller may grant. */
export function AccountForm({ account, roles, onDone }: { account: Account | null; roles: Role[]; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agencies = useQuery({ queryKey: orgKeys.agencies(''), queryFn: ({ signal }) => orgApi.agencies('', signal) });
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(account?.displayName ?? '');
  const [role, setRole] = useState<Role | null>(account?.role ?? null);
  const [agencyId, setAgencyId] = useState<string | null>(account?.agencyId ?? null);
  const [active, setActive] = useState(account?.active ?? true);
  const [password, setPassword] = useState('');
  const [personId, setPersonId] = useState<string | null>(account?.personId ?? null);
  const agencyOptions = liveAgencyOptions(agencies.data?.items ?? []);

  const save = useMutation({
    mutationFn: () =>
      account
        ? accountsApi.update(account.id, { displayName, role: role!, agencyId: agencyId!, active, personId })
        : accountsApi.create({ username, displayName, role: role!, agencyId: agencyId!, password, personId }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountsKeys.all });
      onDone();
    },
  });
  const reset = useMutation({ mutationFn: () => accountsApi.setPassword(account!.id, password) });
  const { errorFor, general } = useFormErrors(save.error, { username, displayName, role, agencyId, personId, password });
  // Said as it is typed: the server lowercases and trims, but refuses inner spaces and accents.
  const usernameProblem = /\s/.test(username.trim())
    ? t('formErrors.usernameSpaces')
    : username.trim() !== '' && !/^[a-z0-9._-]{3,60}$/i.test(username.trim())
      ? t('formErrors.usernameChars')
      : undefined;
  const ready =
    usernameProblem === undefined &&
    displayName.trim() !== '' &&
    role !== null &&
    agencyId !== null &&
    (account !== null || (username.trim().length >= 3 && password.length >= 10));

  return (
    <Stack gap="sm" data-testid="account-form">
      {account ? (
        <TextInput label={t('accounts.username')} value={account.username} readOnly />
      ) : (
        <TextInput
          label={t('accounts.username')}
          description={t('accounts.usernameHint')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={usernameProblem ?? errorFor('username', t('accounts.username'))}
          required
          data-testid="account-username"
        />
      )}
      <TextInput
        label={t('accounts.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        error={errorFor('displayName', t('accounts.displayName'))}
        required
        data-testid="account-display-name"
      />
      <Select
        label={t('accounts.role')}
        data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={role}
        onChange={(v) => setRole(v as Role | null)}
        error={errorFor('role', t('accounts.role'))}
        required
        data-testid="account-role"
      />
      <Select
        label={t('accounts.agency')}
        data={agencyOptions}
        value={agencyId}
        onChange={setAgencyId}
        searchable
        filter={foldedFilter}
        required
        nothingFoundMessage={t('common.none')}
        error={errorFor('agencyId', t('accounts.agency'))}
        data-testid="account-agency"
      />
      <PersonLink
        value={personId}
        initialLabel={account?.personName ? `${account.personName} (${account.staffCode})` : null}
        onChange={setPersonId}
        error={errorFor('personId', t('accountBulk.linkPerson'))}
      />
      {account ? (
        <Switch
          label={t('accounts.active')}
          description={t('accounts.activeHint')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          data-testid="account-active"
        />
      ) : (
        <PasswordInput
          label={t('accounts.firstPassword')}
          description={t('accounts.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errorFor('password', t('accounts.firstPassword'))}
          required
          data-testid="account-password"
        />
      )}
      {general && <Alert color="red">{general}</Alert>}
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} disabled={!ready} loading={save.isPending} data-testid="account-save">
          {account ? t('accounts.save') : t('accounts.create')}
        </Button>
      </Group>
      {account && (
        <>
          <Divider label={t('accounts.newPassword')} labelPosition="left" />
          <PasswordInput
            description={t('accounts.passwordResetHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            data-testid="account-new-password"
          />
          {reset.error && <Alert color="red">{errorText(reset.error)}</Alert>}
          {reset.isSuccess && <Alert color="green">{t('accounts.passwordSet')}</Alert>}
          <Group justify="flex-end">
            <Button variant="light" onClick={() => reset.mutate()} disabled={password.length < 10} loading={reset.isPending}>
              {t('accounts.setPassword')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
