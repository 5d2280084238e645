import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';
import { LabelledPagination } from '../../ui/LabelledPagination';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { AuditDiff } from './AuditDiff';
import { AUDIT_PAGE_SIZE, auditKeys, fetchAuditPage, type AuditEntry } from './auditApi';

// The server writes "system" for changes made without a signed-in user (seeding, jobs).
const actorLabel = (entry: AuditEntry, systemLabel: string) => (entry.actorName === 'system' ? systemLabel : entry.actorName);

const ACTION_COLOR: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' };

// Date before time in both languages ("22/11/2026 14:05:09"), as registers are read.
function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = intlLocale();
  const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(date);
  return `${day} ${time}`;
}

export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const audit = useQuery({
    queryKey: auditKeys.page(page),
    queryFn: ({ signal }) => fetchAuditPage(page, signal),
    placeholderData: keepPreviousData,
  });

  // Actions may be namespaced by module ("framework.publish"): label the last part when we know it.
  const actionLabel = (action: string) => {
    const key = `audit.actions.${action.split('.').pop() ?? action}`;
    return i18n.exists(key) ? t(key as 'audit.actions.create') : action;
  };

  const entityLabel = (entity: string) => {
    const key = `audit.entities.${entity}`;
    return i18n.exists(key) ? t(key as 'audit.entities.agency') : entity;
  };

  const total = audit.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const from = total === 0 ? 0 : (page - 1) * AUDIT_PAGE_SIZE + 1;
  const to = Math.min(total, page * AUDIT_PAGE_SIZE);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      {audit.error && <QueryError error={audit.error} onRetry={audit.refetch} />}
      {audit.isPending && <Skeleton h={320} radius="md" />}
      {audit.data && (
        <Paper withBorder radius="md" p="md">
          {audit.data.items.length === 0 ? (
            <Text c="dimmed" ta="center" py="xl" data-testid="audit-empty">
              {t('audit.empty')}
            </Text>
          ) : (
            <Stack gap="md">
              <Table.ScrollContainer minWidth={760}>
                <Table striped highlightOnHover verticalSpacing="sm" data-testid="audit-table" style={{ opacity: audit.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('audit.columns.at')}</Table.Th>
                      <Table.Th>{t('audit.columns.actor')}</Table.Th>
                      <Table.Th>{t('audit.columns.action')}</Table.Th>
                      <Table.Th>{t('audit.columns.entity')}</Table.Th>
                      <Table.Th>{t('audit.columns.entityId')}</Table.Th>
                      <Table.Th>{t('audit.columns.changes')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {audit.data.items.map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(entry.at)}</Table.Td>
                        <Table.Td>{actorLabel(entry, t('audit.systemActor'))}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={ACTION_COLOR[entry.action.split('.').pop() ?? ''] ?? 'gray'}>
                            {actionLabel(entry.action)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{entityLabel(entry.entity)}</Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                            {entry.entityId || t('common.none')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="subtle" leftSection={<IconEye size={14} />} onClick={() => setSelected(entry)} data-testid="audit-view">
                            {t('audit.view')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group justify="space-between" wrap="wrap">
                <Text size="sm" c="dimmed" data-testid="audit-range">
                  {t('audit.range', { from, to, total })}
                </Text>
                <LabelledPagination total={pages} value={page} onChange={setPage} size="sm" />
              </Group>
            </Stack>
          )}
        </Paper>
      )}
      <Modal
        opened={selected !== null}
        onClose={() => setSelected(null)}
        title={t('audit.diff.title')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {selected && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {formatTime(selected.at)} · {actorLabel(selected, t('audit.systemActor'))} · {actionLabel(selected.action)} · {entityLabel(selected.entity)}{' '}
              {selected.entityId}
            </Text>
            <AuditDiff before={selected.before} after={selected.after} />
          </Stack>
        )}
      </Modal>
    </>
  );
}
