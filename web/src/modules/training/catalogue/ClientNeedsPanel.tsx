import { useState } from 'react';
import { Alert, Paper, Select, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage, intlLocale } from '../../../i18n';
import { QueryError } from '../../../ui/QueryError';
import { catalogueApi, catalogueKeys } from './catalogueApi';

/** The clients' aggregated, anonymous needs per competency group (closed cycles only, as the server gives them). */
export function ClientNeedsPanel({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [cycleId, setCycleId] = useState<string | undefined>(undefined);
  const needs = useQuery({
    queryKey: catalogueKeys.clientNeeds(institutionId, cycleId),
    queryFn: ({ signal }) => catalogueApi.clientNeeds(institutionId, cycleId, signal),
  });
  if (needs.error) return <QueryError error={needs.error} onRetry={needs.refetch} />;
  if (!needs.data) return <Skeleton h={200} />;
  const data = needs.data;
  const percent = new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 2 });
  if (!data.cycleId)
    return (
      <Alert color="gray" data-testid="client-needs-empty">
        {t('catalogue.needs.noCycle')}
      </Alert>
    );
  return (
    <Paper withBorder p="md" data-testid="client-needs">
      <Select
        label={t('catalogue.needs.cycle')}
        w={420}
        mb="sm"
        value={data.cycleId}
        allowDeselect={false}
        onChange={(v) => v && setCycleId(v)}
        data={data.cycles.map((c) => ({ value: c.id, label: `${c.name} (${c.agencyName})` }))}
      />
      <Table.ScrollContainer minWidth={700}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.needs.agency')}</Table.Th>
              <Table.Th ta="right">{t('catalogue.needs.people')}</Table.Th>
              {data.columns.map((c) => (
                <Table.Th key={c.key} ta="right" title={c.name[lang]}>
                  {c.code}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r) => (
              <Table.Tr key={r.agencyId}>
                <Table.Td>{r.agencyName}</Table.Td>
                <Table.Td ta="right">{r.total.people}</Table.Td>
                {data.columns.map((c) => {
                  const cell = r.cells[c.key];
                  return (
                    <Table.Td key={c.key} ta="right" title={cell ? `${t('catalogue.needs.meanGap')}: ${number.format(cell.meanGap)}` : undefined}>
                      {cell ? percent.format(cell.needShare) : '—'}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed" mt="sm">
        {t('catalogue.needs.needShare')} · {t('catalogue.needs.note')}
      </Text>
    </Paper>
  );
}
