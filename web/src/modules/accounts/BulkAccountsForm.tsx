import { useState } from 'react';
import { Alert, Button, Group, Radio, Select, Stack, Table, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { foldedFilter } from '../../ui/foldText';
import { useFormErrors } from '../../ui/useFormErrors';
import { liveAgencyOptions, orgApi, orgKeys } from '../org/orgApi';
import { ScopePeoplePicker } from '../assessments/ScopePeoplePicker';
import { accountsApi, accountsKeys } from './accountsApi';

/** The sheet comes as base64 in the one answer that created the accounts: it is opened from memory, never fetched again. */
function openSheet(base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  window.open(url, '_blank', 'noopener');
  // The tab has read it by then; the passwords do not stay in a URL longer than needed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Accounts for people of the register: a selection, or everyone of a unit without one; first passwords on a sheet or by e-mail. */
export function BulkAccountsForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agencies = useQuery({ queryKey: orgKeys.agencies(''), queryFn: ({ signal }) => orgApi.agencies('', signal) });
  const [mode, setMode] = useState<'selection' | 'agency'>('selection');
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<'sheet' | 'email'>('sheet');
  const create = useMutation({
    mutationFn: () =>
      accountsApi.bulk(mode === 'selection' ? { personIds, delivery, role: 'civil_servant' } : { agencyId: agencyId!, delivery, role: 'civil_servant' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKeys.all }),
  });
  const { errorFor, general } = useFormErrors(create.error, { personIds, agencyId });
  const ready = mode === 'selection' ? personIds.length > 0 : agencyId !== null;
  const result = create.data;

  if (result)
    return (
      <Stack gap="sm" data-testid="bulk-result">
        <Alert color="green">{t('accountBulk.created', { count: result.created.length, emailed: result.emailed })}</Alert>
        {result.skipped.length > 0 && <Text size="sm">{t('accountBulk.skipped', { count: result.skipped.length })}</Text>}
        {result.created.length > 0 && (
          <Table data-testid="bulk-created">
            <Table.Tbody>
              {result.created.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.displayName}</Table.Td>
                  <Table.Td>{c.staffCode}</Table.Td>
                  <Table.Td>{c.username}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {result.sheet && (
          <>
            <Text size="sm" c="dimmed">
              {t('accountBulk.sheetOnce')}
            </Text>
            <Group>
              <Button leftSection={<IconPrinter size={16} />} onClick={() => openSheet(result.sheet!)} data-testid="bulk-sheet">
                {t('accountBulk.printSheet')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    );

  return (
    <Stack gap="sm" data-testid="bulk-form">
      <Radio.Group label={t('accountBulk.mode')} value={mode} onChange={(v) => setMode(v as typeof mode)}>
        <Stack gap={4} mt={4}>
          <Radio value="selection" label={t('accountBulk.modeSelection')} data-testid="bulk-mode-selection" />
          <Radio value="agency" label={t('accountBulk.modeAgency')} data-testid="bulk-mode-agency" />
        </Stack>
      </Radio.Group>
      {mode === 'selection' ? (
        <>
          <ScopePeoplePicker
            value={personIds}
            onChange={setPersonIds}
            label={t('accountBulk.people')}
            description={t('accountBulk.linkPersonHint')}
            testId="bulk-people"
          />
          {errorFor('personIds') && (
            <Text c="red" size="sm">
              {errorFor('personIds')}
            </Text>
          )}
        </>
      ) : (
        <Select
          label={t('accountBulk.agency')}
          data={liveAgencyOptions(agencies.data?.items ?? [])}
          value={agencyId}
          onChange={setAgencyId}
          searchable
          filter={foldedFilter}
          error={errorFor('agencyId', t('accountBulk.agency'))}
          data-testid="bulk-agency"
        />
      )}
      <Radio.Group label={t('accountBulk.delivery')} value={delivery} onChange={(v) => setDelivery(v as typeof delivery)}>
        <Stack gap={4} mt={4}>
          <Radio value="sheet" label={t('accountBulk.sheet')} />
          <Radio value="email" label={t('accountBulk.email')} data-testid="bulk-email" />
        </Stack>
      </Radio.Group>
      {general && <Alert color="red">{general}</Alert>}
      <Group justify="flex-end">
        <Button onClick={() => create.mutate()} disabled={!ready} loading={create.isPending} data-testid="bulk-create">
          {t('accountBulk.create')}
        </Button>
      </Group>
    </Stack>
  );
}
