import { useEffect, useState } from 'react';
import { Anchor, Badge, Drawer, Group, Skeleton, Stack, Table, Text, TextInput, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../ui/QueryError';
import { useCurrentUser } from '../../auth/CurrentUser';
import { AgencyChanges } from './AgencyChanges';
import { orgApi, orgKeys, type Agency } from './orgApi';

const formatDate = (iso: string) => iso.split('-').reverse().join('/');

/** The agencies in the user's scope as an indented tree (by materialised path), each with its history. */
export function AgenciesPanel() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useQuery({ queryKey: orgKeys.agencies(q), queryFn: ({ signal }) => orgApi.agencies(q, signal) });
  const minDepth = Math.min(...(list.data?.items ?? []).map((a) => a.path.split('/').length));

  return (
    <>
      <TextInput label={t('org.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} mb="md" />
      {list.error && <QueryError error={list.error} onRetry={list.refetch} />}
      {list.isPending && <Skeleton h={300} />}
      {list.data && (
        <Table striped highlightOnHover data-testid="agencies-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('org.agency.name')}</Table.Th>
              <Table.Th>{t('org.agency.code')}</Table.Th>
              <Table.Th>{t('org.agency.kind')}</Table.Th>
              <Table.Th>{t('org.agency.unit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ paddingLeft: 12 + 20 * (a.path.split('/').length - minDepth) }}>
                  <Group gap="xs">
                    <Anchor component="button" onClick={() => setSelected(a.id)}>
                      {a.name}
                    </Anchor>
                    {a.validTo && (
                      <Badge color="gray" size="xs">
                        {t('org.agency.dissolved')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{a.code}</Table.Td>
                <Table.Td>{t(`org.agency.kinds.${a.kind}`)}</Table.Td>
                <Table.Td>{a.adminUnitName ?? t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AgencyDrawer id={selected} agencies={list.data?.items ?? []} onClose={() => setSelected(null)} />
    </>
  );
}

const EDITORS = new Set(['national_admin', 'hr_officer']);

function AgencyDrawer({ id, agencies, onClose }: { id: string | null; agencies: Agency[]; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const agency = useQuery({ queryKey: orgKeys.agency(id), queryFn: ({ signal }) => orgApi.agency(id!, signal), enabled: id !== null });
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={agency.data?.name} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {agency.error && <QueryError error={agency.error} />}
      {agency.data && (
        <Stack data-testid="agency-detail">
          <Text size="sm" c="dimmed">
            {agency.data.code} · {t(`org.agency.kinds.${agency.data.kind}`)} · {agency.data.adminUnitName ?? ''}
          </Text>
          <Text fw={600}>{t('org.agency.history')}</Text>
          {agency.data.history.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('org.agency.noHistory')}
            </Text>
          )}
          <Timeline bulletSize={14} lineWidth={2}>
            {agency.data.history.map((h) => (
              <Timeline.Item key={h.id} title={`${formatDate(h.effectiveDate)} · ${t(`org.agency.events.${h.kind}`)}`}>
                <Text size="sm" c="dimmed">
                  {h.kind === 'renamed' ? `${h.fromName ?? ''} → ${h.toName ?? ''}` : (h.mergedIntoName ?? h.toParentName ?? h.toUnitName ?? h.toName ?? '')}
                  {h.fromUnitName ? ` (${h.fromUnitName} → ${h.toUnitName ?? ''})` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
          {EDITORS.has(user.role) && !agency.data.validTo && <AgencyChanges key={agency.data.id} agency={agency.data} agencies={agencies} />}
        </Stack>
      )}
    </Drawer>
  );
}
