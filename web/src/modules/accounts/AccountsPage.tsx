import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Anchor, Badge, Button, Group, Modal, Paper, Skeleton, Table, Text, TextInput } from '@mantine/core';
import { IconUserPlus, IconUsersPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { EmptyState } from '../../ui/EmptyState';
import { AccountForm } from './AccountForm';
import { BulkAccountsForm } from './BulkAccountsForm';
import { accountsApi, accountsKeys, type Account } from './accountsApi';

/** Sign-in accounts of the caller's scope: create, change role or agency, deactivate, set a password. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [bulk, setBulk] = useState(false);
  const list = useQuery({ queryKey: accountsKeys.list(q), queryFn: ({ signal }) => accountsApi.list(q, signal) });
  const lastLogin = (iso: string | null) => (iso ? formatDateTime(iso) : t('accounts.never'));

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        actions={
          <Group gap="xs">
            <Button variant="light" leftSection={<IconUsersPlus size={16} />} onClick={() => setBulk(true)} disabled={!list.data} data-testid="account-bulk">
              {t('accountBulk.open')}
            </Button>
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('new')} disabled={!list.data} data-testid="account-new">
              {t('accounts.create')}
            </Button>
          </Group>
        }
      />
      <TextInput label={t('accounts.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} mb="md" data-testid="account-search" />
      {list.error && <QueryError error={list.error} onRetry={list.refetch} />}
      {list.isPending && <Skeleton h={300} />}
      {list.data && list.data.items.length === 0 && <EmptyState title={t('emptyState.accountsTitle')} hint={t('emptyState.accountsHint')} />}
      {list.data && list.data.items.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover data-testid="accounts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounts.username')}</Table.Th>
                  <Table.Th>{t('accounts.displayName')}</Table.Th>
                  <Table.Th>{t('accounts.role')}</Table.Th>
                  <Table.Th>{t('accounts.agency')}</Table.Th>
                  <Table.Th>{t('accounts.lastLogin')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component="button" onClick={() => setEditing(a)}>
                        {a.username}
                      </Anchor>{' '}
                      {!a.active && (
                        <Badge color="gray" size="xs">
                          {t('accounts.inactive')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{a.displayName}</Table.Td>
                    <Table.Td>{t(`roles.${a.role}`)}</Table.Td>
                    <Table.Td>{a.agencyName}</Table.Td>
                    <Table.Td>{lastLogin(a.lastLoginAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="dimmed" mt="sm">
            {t('accounts.total', { count: list.data.total })}
          </Text>
        </Paper>
      )}
      <Modal opened={bulk} onClose={() => setBulk(false)} title={t('accountBulk.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {bulk && <BulkAccountsForm />}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('accounts.create') : editing?.username}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null && list.data && (
          <AccountForm
            key={editing === 'new' ? 'new' : editing.id}
            account={editing === 'new' ? null : editing}
            roles={list.data.assignableRoles}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </>
  );
}
