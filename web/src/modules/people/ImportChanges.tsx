import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/useFormat';
import type { ImportJob } from './peopleApi';

type Change = ImportJob['changes']['rows'][number]['changes'][number];

/** What committing a re-imported register does: counts, then each changed person cell by cell (old → new). */
export function ImportChanges({ job, fieldLabel }: { job: ImportJob; fieldLabel: Map<string, string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { created, changed, unchanged, rows } = job.changes;
  if (changed === 0 && unchanged === 0) return null;
  const value = (c: Change, v: string | null) => {
    if (v === null || v === '') return t('people.import.emptyValue');
    if (c.field === 'gender') return t(`people.gender.${v as 'male'}`);
    if (c.field === 'status') return t(`people.status.${v as 'active'}`);
    if (c.field === 'roleCategory') return t(`people.roleCategory.${v as 'leader'}`);
    if (c.field === 'dateOfBirth') return format.date(v);
    return v;
  };
  return (
    <>
      <Text fw={600} data-testid="import-changes-summary">
        {t('people.import.changesSummary', { created: format.count(created), changed: format.count(changed), unchanged: format.count(unchanged) })}
      </Text>
      {rows.length > 0 && (
        <>
          <Title order={5}>{t('people.import.changesTitle')}</Title>
          <Table.ScrollContainer minWidth={600}>
            <Table withTableBorder data-testid="import-changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.import.row')}</Table.Th>
                  <Table.Th>{t('people.fields.staffCode')}</Table.Th>
                  <Table.Th>{t('people.fields.fullName')}</Table.Th>
                  <Table.Th>{t('people.import.change')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.staffCode}</Table.Td>
                    <Table.Td>{r.fullName}</Table.Td>
                    <Table.Td>
                      {r.changes.map((c) => (
                        <div key={c.field}>
                          {fieldLabel.get(c.field) ?? c.field}: {value(c, c.before)} → {value(c, c.after)}
                        </div>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {changed > rows.length && (
            <Text size="sm" c="dimmed">
              {t('people.import.moreChanges', { count: changed - rows.length })}
            </Text>
          )}
        </>
      )}
    </>
  );
}
