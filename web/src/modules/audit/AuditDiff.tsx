import { useState } from 'react';
import { Badge, Checkbox, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffRecords, formatAuditValue, type DiffKind } from './auditDiff';

const KIND_COLOR: Record<DiffKind, string> = {
  added: 'green',
  removed: 'red',
  changed: 'blue',
  unchanged: 'gray',
};

function Value({ value, kind }: { value: unknown; kind: 'before' | 'after' }) {
  const text = formatAuditValue(value);
  if (!text) return <Text c="dimmed">—</Text>;
  const background = kind === 'before' ? 'red.0' : 'green.0';
  // Structured values read best as JSON; names and other text in the page's font (monospace fonts mangle Vietnamese marks).
  if (typeof value === 'object') {
    return (
      <Code block color={background} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {text}
      </Code>
    );
  }
  return (
    <Text size="sm" bg={background} px={6} py={2} style={{ borderRadius: 4, display: 'inline-block', wordBreak: 'break-word' }}>
      {text}
    </Text>
  );
}

/** Field-by-field view of one audit entry's before and after snapshots. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const rows = diffRecords(before, after);
  const visible = showUnchanged ? rows : rows.filter((row) => row.kind !== 'unchanged');
  const hasUnchanged = rows.some((row) => row.kind === 'unchanged');

  return (
    <Stack gap="sm" data-testid="audit-diff">
      {hasUnchanged && (
        <Checkbox label={t('audit.diff.showUnchanged')} checked={showUnchanged} onChange={(event) => setShowUnchanged(event.currentTarget.checked)} />
      )}
      {visible.length === 0 ? (
        <Text c="dimmed">{t('audit.diff.noChanges')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="24%">{t('audit.diff.field')}</Table.Th>
                <Table.Th>{t('audit.diff.before')}</Table.Th>
                <Table.Th>{t('audit.diff.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((row) => (
                <Table.Tr key={row.field}>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {row.field}
                      </Text>
                      <Badge size="xs" variant="light" color={KIND_COLOR[row.kind]}>
                        {t(`audit.diff.kind.${row.kind}`)}
                      </Badge>
                    </Stack>
                  </Table.Td>
                  <Table.Td>{row.kind !== 'added' && <Value value={row.before} kind="before" />}</Table.Td>
                  <Table.Td>{row.kind !== 'removed' && <Value value={row.after} kind="after" />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
