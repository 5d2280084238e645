import { useEffect, useState } from 'react';
import { Anchor, Badge, Drawer, Group, Select, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/QueryError';
import { todayIso } from '../../ui/dates';
import { orgApi, orgKeys, type LinkedUnit, type UnitQuery, type UnitTier } from './orgApi';

const today = () => todayIso();
const formatDate = (iso: string) => iso.split('-').reverse().join('/');

/** Browse the geography valid on a date: 63 provinces and districts before 1 July 2025, 34 provinces after. */
export function UnitsBrowser() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(today());
  const [tier, setTier] = useState<UnitTier>('province');
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : today();
  const provinceQuery: UnitQuery = { asOf: validDate, tier: 'province', limit: 100 };
  const provinces = useQuery({ queryKey: orgKeys.units(provinceQuery), queryFn: ({ signal }) => orgApi.units(provinceQuery, signal) });
  const query: UnitQuery = { asOf: validDate, tier, provinceId: tier === 'province' ? undefined : (provinceId ?? undefined), q, limit: 300 };
  const units = useQuery({ queryKey: orgKeys.units(query), queryFn: ({ signal }) => orgApi.units(query, signal), placeholderData: keepPreviousData });
  useEffect(() => setProvinceId(null), [validDate]);

  return (
    <>
      <Group align="flex-end" mb="md">
        <TextInput
          type="date"
          label={t('org.asOf')}
          description={t('org.asOfHint')}
          value={asOf}
          onChange={(e) => setAsOf(e.currentTarget.value)}
          data-testid="units-as-of"
        />
        <Select
          label={t('org.tier.label')}
          data={(['province', 'district', 'commune'] as const).map((v) => ({ value: v, label: t(`org.tier.${v}`) }))}
          value={tier}
          onChange={(v) => v && setTier(v as UnitTier)}
          allowDeselect={false}
          w={140}
        />
        {tier !== 'province' && (
          <Select
            label={t('org.province')}
            data={(provinces.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
            value={provinceId}
            onChange={setProvinceId}
            searchable
            clearable
            w={260}
          />
        )}
        <TextInput label={t('org.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
      </Group>
      {units.error && <QueryError error={units.error} onRetry={units.refetch} />}
      {units.isPending && <Skeleton h={300} />}
      {units.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="units-total">
            {t('org.total', { count: units.data.total })}
          </Text>
          <Table striped highlightOnHover data-testid="units-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('org.code')}</Table.Th>
                <Table.Th>{t('org.name')}</Table.Th>
                <Table.Th>{t('org.kind')}</Table.Th>
                <Table.Th>{t('org.validity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.code}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" onClick={() => setSelected(u.id)}>
                      {u.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{u.kind}</Table.Td>
                  <Table.Td>
                    {u.validFrom ? t('org.since', { date: formatDate(u.validFrom) }) : ''} {u.validTo ? t('org.until', { date: formatDate(u.validTo) }) : ''}
                    {!u.validFrom && !u.validTo && t('org.always')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <UnitDrawer id={selected} onClose={() => setSelected(null)} onOpen={setSelected} />
    </>
  );
}

function UnitDrawer({ id, onClose, onOpen }: { id: string | null; onClose: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const unit = useQuery({ queryKey: orgKeys.unit(id), queryFn: ({ signal }) => orgApi.unit(id!, signal), enabled: id !== null });
  const links = (title: string, items: LinkedUnit[]) => (
    <Stack gap={4}>
      <Title order={6}>{title}</Title>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('org.unit.none')}
        </Text>
      )}
      {items.map((l) => (
        <Group key={l.id} gap="xs" wrap="nowrap">
          <Badge variant="light" size="sm">
            {t(`org.unit.event.${l.eventKind}`)} {formatDate(l.effectiveDate)}
          </Badge>
          <Anchor component="button" size="sm" onClick={() => onOpen(l.id)}>
            {l.fullName} ({l.code})
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={unit.data?.fullName}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {unit.error && <QueryError error={unit.error} />}
      {unit.data && (
        <Stack data-testid="unit-detail">
          <Text size="sm" c="dimmed">
            {unit.data.code} · {unit.data.kind} · {unit.data.validFrom ? t('org.since', { date: formatDate(unit.data.validFrom) }) : ''}{' '}
            {unit.data.validTo ? t('org.until', { date: formatDate(unit.data.validTo) }) : ''}
          </Text>
          {unit.data.ancestors.length > 0 && (
            <Text size="sm">
              {t('org.unit.parents')}: {unit.data.ancestors.map((a) => a.fullName).join(' › ')}
            </Text>
          )}
          {links(t('org.unit.predecessors'), unit.data.predecessors)}
          {links(t('org.unit.successors'), unit.data.successors)}
          {(unit.data.predecessors[0] ?? unit.data.successors[0]) && (
            <Text size="xs" c="dimmed">
              {t('org.unit.legalBasis')}: {(unit.data.predecessors[0] ?? unit.data.successors[0])!.legalBasis}
            </Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
