import { useState } from 'react';
import { Alert, Button, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { foldedFilter } from '../../ui/foldText';
import { todayIso } from '../../ui/dates';
import { isApiError } from '../../api/client';
import { liveAgencyOptions, orgApi, orgKeys, type Agency, type AgencyDetail } from './orgApi';

type Change = 'rename' | 'move' | 'merge' | 'dissolve';
const CHANGES: Change[] = ['rename', 'move', 'merge', 'dissolve'];

/**
 * The changes an HR officer makes to an agency in their scope, each from an
 * effective date so the agency's history reads as it happened. The server
 * checks scope and refuses a dissolution that would leave staff nowhere.
 */
export function AgencyChanges({ agency, agencies }: { agency: AgencyDetail; agencies: Agency[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [change, setChange] = useState<Change>('rename');
  const [effectiveDate, setEffectiveDate] = useState(() => todayIso());
  const [name, setName] = useState(agency.name);
  const [nameEn, setNameEn] = useState(agency.nameEn ?? '');
  const [targetId, setTargetId] = useState<string | null>(null);
  // Never under itself or its own sub-agencies; never into a dissolved one.
  const targets = liveAgencyOptions(agencies.filter((a) => !a.path.startsWith(agency.path)));

  const submit = useMutation({
    mutationFn: (): Promise<unknown> => {
      if (change === 'rename') return orgApi.rename(agency.id, { name, nameEn: nameEn.trim() || null, effectiveDate });
      if (change === 'move') return orgApi.move(agency.id, { parentId: targetId!, effectiveDate });
      if (change === 'merge') return orgApi.merge(agency.id, { intoId: targetId!, effectiveDate });
      return orgApi.dissolve(agency.id, { effectiveDate });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
  const ready = /^\d{4}-\d{2}-\d{2}$/.test(effectiveDate) && (change === 'rename' ? name.trim() !== '' : change === 'dissolve' || targetId !== null);
  const confirm = () => (change !== 'merge' && change !== 'dissolve' ? true : window.confirm(t(`org.changes.confirm.${change}`)));

  return (
    <Stack gap="sm" data-testid="agency-changes">
      <Text fw={600}>{t('org.changes.title')}</Text>
      <SegmentedControl
        value={change}
        onChange={(value) => {
          setChange(value as Change);
          setTargetId(null);
          submit.reset();
        }}
        data={CHANGES.map((c) => ({ value: c, label: t(`org.changes.kinds.${c}`) }))}
      />
      <TextInput type="date" label={t('org.changes.effectiveDate')} value={effectiveDate} onChange={(e) => setEffectiveDate(e.currentTarget.value)} required />
      {change === 'rename' && (
        <>
          <TextInput label={t('org.changes.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-testid="agency-new-name" />
          <TextInput label={t('org.changes.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
        </>
      )}
      {(change === 'move' || change === 'merge') && (
        <Select
          label={t(`org.changes.target.${change}`)}
          data={targets}
          value={targetId}
          onChange={setTargetId}
          searchable
          filter={foldedFilter}
          nothingFoundMessage={t('common.none')}
          required
          data-testid="agency-target"
        />
      )}
      {change === 'dissolve' && (
        <Text size="sm" c="dimmed">
          {t('org.changes.dissolveHint')}
        </Text>
      )}
      {submit.error && <Alert color="red">{isApiError(submit.error) ? submit.error.message : String(submit.error)}</Alert>}
      {submit.isSuccess && (
        <Alert color="green" data-testid="agency-change-done">
          {t('org.changes.done')}
        </Alert>
      )}
      <Button
        onClick={() => confirm() && submit.mutate()}
        disabled={!ready}
        loading={submit.isPending}
        color={change === 'dissolve' ? 'red' : undefined}
        data-testid="agency-change-submit"
      >
        {t(`org.changes.kinds.${change}`)}
      </Button>
    </Stack>
  );
}
