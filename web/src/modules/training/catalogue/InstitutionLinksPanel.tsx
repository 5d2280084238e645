import { useState } from 'react';
import { Alert, Button, MultiSelect, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { foldedFilter } from '../../../ui/foldText';
import { liveAgencyOptions, orgApi, orgKeys } from '../../org/orgApi';
import { apiErrorText } from './apiErrorText';
import { InstitutionForm } from './InstitutionForm';
import { catalogueApi, catalogueKeys, type InstitutionDetail } from './catalogueApi';

/** The national administrator's settings of one institution: its identity, its trainer accounts, its client agencies. */
export function InstitutionLinksPanel({ institution }: { institution: InstitutionDetail }) {
  const { t } = useTranslation();
  const trainers = useQuery({ queryKey: catalogueKeys.trainerAccounts, queryFn: ({ signal }) => catalogueApi.trainerAccounts(signal) });
  const agencies = useQuery({ queryKey: orgKeys.agencies(''), queryFn: ({ signal }) => orgApi.agencies('', signal) });
  const trainerOptions = (trainers.data?.items ?? [])
    .filter((a) => a.active)
    .map((a) => ({ value: a.id, label: `${a.displayName} (${a.username}) — ${a.agencyName}` }));
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('catalogue.instForm.identity')}
        </Title>
        <InstitutionForm key={institution.id} institution={institution} onDone={() => undefined} />
      </Paper>
      <LinkList
        key={`staff-${institution.id}`}
        title={t('catalogue.instForm.staff')}
        hint={t('catalogue.instForm.staffHint')}
        testId="inst-staff"
        initial={institution.staff.map((s) => s.userId)}
        options={trainerOptions}
        save={(ids) => catalogueApi.setInstitutionStaff(institution.id, ids)}
      />
      <LinkList
        key={`clients-${institution.id}`}
        title={t('catalogue.instForm.clients')}
        hint={t('catalogue.instForm.clientsHint')}
        testId="inst-clients"
        initial={institution.clients.map((c) => c.id)}
        options={liveAgencyOptions(agencies.data?.items ?? [])}
        save={(ids) => catalogueApi.setInstitutionClients(institution.id, ids)}
      />
    </Stack>
  );
}

/** One replace-the-whole-list setting (the API's PUT replaces the list in one transaction). */
function LinkList(props: {
  title: string;
  hint: string;
  testId: string;
  initial: string[];
  options: Array<{ value: string; label: string }>;
  save: (ids: string[]) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ids, setIds] = useState(props.initial);
  const save = useMutation({
    mutationFn: () => props.save(ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {props.title}
      </Title>
      <MultiSelect
        aria-label={props.title}
        description={props.hint}
        searchable
        clearable
        filter={foldedFilter}
        value={ids}
        onChange={setIds}
        data={props.options}
        data-testid={props.testId}
        maw={640}
      />
      {save.error && (
        <Alert color="red" mt="sm" data-testid={`${props.testId}-error`}>
          {apiErrorText(save.error)}
        </Alert>
      )}
      {save.isSuccess && (
        <Alert color="green" mt="sm" data-testid={`${props.testId}-saved`}>
          {t('catalogue.form.saved')}
        </Alert>
      )}
      <Button mt="sm" onClick={() => save.mutate()} loading={save.isPending} data-testid={`${props.testId}-save`}>
        {t('catalogue.form.save')}
      </Button>
    </Paper>
  );
}
