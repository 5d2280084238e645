import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { peopleApi, peopleKeys } from './peopleApi';
import { formatDate, STATUS_COLOR } from './StaffListPage';

/** One person: details and the history of their posts across agencies and the 2025 reorganisation. */
export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = useQuery({ queryKey: peopleKeys.detail(id), queryFn: ({ signal }) => peopleApi.get(id, signal) });
  if (person.error) return <QueryError error={person.error} onRetry={person.refetch} />;
  if (!person.data) return <Skeleton h={320} radius="md" />;
  const p = person.data;
  const field = (label: string, value: string | null | undefined) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value || t('common.none')}</Text>
    </Stack>
  );
  return (
    <>
      <Anchor component={Link} to="/people" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('people.detail.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={p.fullName}
        subtitle={`${p.staffCode} · ${p.agencyName}`}
        actions={
          <Group gap="xs">
            <Anchor component={Link} to={`/needs/people/${p.id}`} data-testid="person-gap-profile">
              {t('people.detail.gapProfile')}
            </Anchor>
            <Badge color={STATUS_COLOR[p.status]}>{t(`people.status.${p.status}`)}</Badge>
          </Group>
        }
      />
      <Card withBorder radius="md" mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {field(t('people.fields.dateOfBirth'), formatDate(p.dateOfBirth))}
          {field(t('people.fields.gender'), p.gender && t(`people.gender.${p.gender}`))}
          {field(t('people.fields.roleCategory'), p.roleCategory && t(`people.roleCategory.${p.roleCategory}`))}
          {field(t('people.fields.rank'), p.rank)}
          {field(t('people.fields.email'), p.email)}
          {field(t('people.fields.phone'), p.phone)}
          {field(t('people.fields.position'), p.positionTitle ? `${p.positionTitle} (${p.positionCode})` : t('people.detail.noPosition'))}
        </SimpleGrid>
      </Card>
      <Title order={4}>{t('people.detail.history')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('people.detail.historyHelp')}
      </Text>
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="person-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.detail.from')}</Table.Th>
              <Table.Th>{t('people.detail.to')}</Table.Th>
              <Table.Th>{t('people.fields.agency')}</Table.Th>
              <Table.Th>{t('people.detail.unitThen')}</Table.Th>
              <Table.Th>{t('people.detail.unitNow')}</Table.Th>
              <Table.Th>{t('people.fields.position')}</Table.Th>
              <Table.Th>{t('people.fields.rank')}</Table.Th>
              <Table.Th>{t('people.detail.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.assignments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDate(a.validFrom)}</Table.Td>
                <Table.Td>{a.validTo ? formatDate(a.validTo) : t('people.detail.current')}</Table.Td>
                <Table.Td>{a.agencyName}</Table.Td>
                <Table.Td>{a.adminUnitName ?? t('common.none')}</Table.Td>
                <Table.Td>
                  {a.currentUnitName && a.currentUnitName !== a.adminUnitName ? `${a.currentUnitName} (${a.currentProvinceName ?? ''})` : t('common.none')}
                </Table.Td>
                <Table.Td>{a.positionTitle ?? t('common.none')}</Table.Td>
                <Table.Td>{a.rank ?? t('common.none')}</Table.Td>
                <Table.Td>{t(`people.reason.${a.reason}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
