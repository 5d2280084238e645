import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Skeleton, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFileImport, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../ui/PageHeader';
import { formatDate as formatCalendarDate } from '../../format/format';
import { QueryError } from '../../ui/QueryError';
import { peopleApi, peopleKeys, type PeopleQuery, type PersonStatus } from './peopleApi';

const PAGE_SIZE = 50;
const STATUSES: PersonStatus[] = ['active', 'on_leave', 'transferred', 'retired'];
export const STATUS_COLOR: Record<PersonStatus, string> = { active: 'green', on_leave: 'yellow', transferred: 'gray', retired: 'gray' };

/** The register: the server searches accent-insensitively and sorts given name first. */
export function StaffListPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PersonStatus | ''>('');
  const [sort, setSort] = useState<PeopleQuery['sort']>('name');
  const [page, setPage] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search.trim());
      setPage(0);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  const query: PeopleQuery = { q, status, sort, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
  const list = useQuery({ queryKey: peopleKeys.list(query), queryFn: ({ signal }) => peopleApi.list(query, signal), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const canImport = user?.role === 'national_admin' || user?.role === 'hr_officer';

  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        actions={
          canImport && (
            <Group gap="xs">
              <Button
                component="a"
                href={peopleApi.exportUrl(i18n.resolvedLanguage === 'en' ? 'en' : 'vi')}
                variant="light"
                leftSection={<IconDownload size={16} />}
              >
                {t('people.exportButton')}
              </Button>
              <Button component={Link} to="/people/import" leftSection={<IconFileImport size={16} />} data-testid="people-import">
                {t('people.importButton')}
              </Button>
            </Group>
          )
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('people.search')}
          placeholder={t('people.searchHint')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
          data-testid="people-search"
        />
        <Select
          label={t('people.status.label')}
          data={[{ value: '', label: t('people.status.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`people.status.${s}`) }))]}
          value={status}
          onChange={(v) => {
            setStatus((v ?? '') as PersonStatus | '');
            setPage(0);
          }}
          allowDeselect={false}
        />
        <Select
          label={t('people.sort.label')}
          data={[
            { value: 'name', label: t('people.sort.name') },
            { value: 'staffCode', label: t('people.sort.staffCode') },
          ]}
          value={sort}
          onChange={(v) => v && setSort(v as PeopleQuery['sort'])}
          allowDeselect={false}
          w={280}
        />
      </Group>
      {list.error && <QueryError error={list.error} onRetry={list.refetch} />}
      {list.isPending && <Skeleton h={320} radius="md" />}
      {list.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="people-total">
            {t('people.total', { count: list.data.total })}
          </Text>
          {list.data.items.length === 0 ? (
            <Text c="dimmed">{t('people.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped highlightOnHover data-testid="people-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('people.fields.staffCode')}</Table.Th>
                    <Table.Th>{t('people.fields.fullName')}</Table.Th>
                    <Table.Th>{t('people.fields.dateOfBirth')}</Table.Th>
                    <Table.Th>{t('people.fields.agency')}</Table.Th>
                    <Table.Th>{t('people.fields.rank')}</Table.Th>
                    <Table.Th>{t('people.fields.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.staffCode}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/people/${p.id}`}>
                          {p.fullName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDate(p.dateOfBirth)}</Table.Td>
                      <Table.Td>{p.agencyName}</Table.Td>
                      <Table.Td>{p.rank ?? t('common.none')}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLOR[p.status]}>
                          {t(`people.status.${p.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" size="xs" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
              {t('people.previous')}
            </Button>
            <Text size="sm">{t('people.page', { page: page + 1, pages })}</Text>
            <Button variant="default" size="xs" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
              {t('people.next')}
            </Button>
          </Group>
        </>
      )}
    </>
  );
}

/** ISO date → dd/mm/yyyy (the app's one date format, web/src/format). */
export function formatDate(iso: string | null): string {
  return formatCalendarDate(iso);
}
