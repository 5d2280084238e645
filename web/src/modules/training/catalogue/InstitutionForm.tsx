import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { foldedFilter } from '../../../ui/foldText';
import { liveAgencyOptions, orgApi, orgKeys } from '../../org/orgApi';
import { apiErrorText } from './apiErrorText';
import { INSTITUTION_KINDS, catalogueApi, catalogueKeys, type InstitutionDetail, type InstitutionInput, type InstitutionKind } from './catalogueApi';

/** The national administrator's form for an institution's identity: create one, or change it. */
export function InstitutionForm({ institution, onDone }: { institution: InstitutionDetail | null; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<InstitutionInput>({
    code: institution?.code ?? '',
    name: institution?.name ?? '',
    nameEn: institution?.nameEn ?? '',
    kind: institution?.kind ?? 'academy',
    agencyId: institution?.agencyId ?? '',
  });
  const agencies = useQuery({ queryKey: orgKeys.agencies(''), queryFn: ({ signal }) => orgApi.agencies('', signal) });
  const save = useMutation({
    mutationFn: () => (institution ? catalogueApi.updateInstitution(institution.id, form) : catalogueApi.createInstitution(form)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      onDone(saved.id);
    },
  });
  const set =
    <K extends keyof InstitutionInput>(key: K) =>
    (value: InstitutionInput[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const textField = (key: 'code' | 'name' | 'nameEn', testId: string, required: boolean) => (
    <TextInput
      label={t(`catalogue.instForm.${key}`)}
      required={required}
      value={form[key]}
      onChange={(e) => set(key)(e.currentTarget.value)}
      data-testid={testId}
    />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm" maw={640}>
        <Group grow align="flex-start">
          {textField('code', 'inst-code', true)}
          <Select
            label={t('catalogue.instForm.kind')}
            required
            allowDeselect={false}
            value={form.kind}
            onChange={(v) => v && set('kind')(v as InstitutionKind)}
            data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`catalogue.instForm.kinds.${k}`) }))}
            data-testid="inst-kind"
          />
        </Group>
        {textField('name', 'inst-name', true)}
        {textField('nameEn', 'inst-name-en', false)}
        <Select
          label={t('catalogue.instForm.agency')}
          description={t('catalogue.instForm.agencyHint')}
          required
          searchable
          filter={foldedFilter}
          value={form.agencyId || null}
          onChange={(v) => set('agencyId')(v ?? '')}
          data={liveAgencyOptions(agencies.data?.items ?? [])}
          data-testid="inst-agency"
        />
        {save.error && (
          <Alert color="red" data-testid="inst-error">
            {apiErrorText(save.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="inst-save">
            {t('catalogue.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
