import { Button, Group, Modal, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormErrors } from '../../ui/useFormErrors';
import { orgApi, orgKeys } from '../org/orgApi';
import { foldedFilter } from '../../ui/foldText';
import { todayIso } from '../../ui/dates';
import { formatPercent } from '../../format/format';
import { currentLanguage } from '../../i18n';
import { positionsApi } from '../positions/positionsApi';
import { assessmentApi, assessmentKeys, loc, type Source, type Weights } from './assessmentApi';
import { ScopePeoplePicker } from './ScopePeoplePicker';

const SOURCES: Source[] = ['self', 'leader', 'peer', 'subordinate', 'expert', 'test'];
const DEFAULT_WEIGHTS: Weights = { self: 20, leader: 40, peer: 20, subordinate: 10, expert: 10, test: 10 };
const isoDay = (offset = 0) => todayIso(offset);

/** A new cycle: name, kind, window, framework version, source weights and anonymity settings. */
export function CycleCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const versions = useQuery({ queryKey: assessmentKeys.frameworkVersions, queryFn: assessmentApi.frameworkVersions, enabled: opened });
  // Scope: the agencies (with their subtrees) whose staff are assessed; none = the whole agency of the HR officer.
  const agencies = useQuery({
    queryKey: orgKeys.agencies(''),
    queryFn: ({ signal }) => orgApi.agencies('', signal),
    enabled: opened,
  });
  const positions = useQuery({
    queryKey: assessmentKeys.scopePositions,
    queryFn: ({ signal }) => positionsApi.list('', signal).then((r) => r.items),
    enabled: opened,
  });
  const [scopeAgencies, setScopeAgencies] = useState<string[]>([]);
  const [scopePositions, setScopePositions] = useState<string[]>([]);
  const [scopePeople, setScopePeople] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [kind, setKind] = useState<'periodic' | 'ad_hoc'>('periodic');
  const [versionId, setVersionId] = useState('');
  const [opensOn, setOpensOn] = useState(isoDay());
  const [closesOn, setClosesOn] = useState(isoDay(30));
  const [weights, setWeights] = useState<Weights>(DEFAULT_WEIGHTS);
  const [minPeers, setMinPeers] = useState(3);
  const [threshold, setThreshold] = useState(3);
  const create = useMutation({
    mutationFn: () =>
      assessmentApi.createCycle({
        name,
        nameEn: nameEn || null,
        kind,
        year: kind === 'periodic' ? Number(opensOn.slice(0, 4)) : null,
        opensOn,
        closesOn,
        frameworkVersionId: versionId || versions.data?.[0]?.id || '',
        weights,
        minPeers,
        anonymityThreshold: threshold,
        scope: { agencyIds: scopeAgencies, positionIds: scopePositions, personIds: scopePeople },
      }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: assessmentKeys.cycles });
      onClose();
      void navigate(`/assessments/cycles/${id}`);
    },
  });
  const total = SOURCES.reduce((sum, s) => sum + weights[s], 0);
  const { errorFor, general } = useFormErrors(create.error, {
    name,
    nameEn,
    kind,
    frameworkVersionId: versionId,
    opensOn,
    closesOn,
    'scope.agencyIds': scopeAgencies,
    'scope.positionIds': scopePositions,
    'scope.personIds': scopePeople,
    weights,
    minPeers,
    anonymityThreshold: threshold,
  });
  // Checked as it is typed, at the field: the window's end before its start (the server refuses it too).
  const closesBeforeOpens = opensOn !== '' && closesOn !== '' && closesOn < opensOn;
  return (
    <Modal opened={opened} onClose={onClose} title={t('assessment.newCycle')} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t('assessment.cycleName')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errorFor('name', t('assessment.cycleName'))}
          data-testid="cycle-name"
        />
        <TextInput
          label={t('assessment.cycleNameEn')}
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
          error={errorFor('nameEn', t('assessment.cycleNameEn'))}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('assessment.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as 'periodic' | 'ad_hoc')}
            data={[
              { value: 'periodic', label: t('assessment.kinds.periodic') },
              { value: 'ad_hoc', label: t('assessment.kinds.ad_hoc') },
            ]}
          />
          <NativeSelect
            label={t('assessment.frameworkVersion')}
            value={versionId || versions.data?.[0]?.id || ''}
            onChange={(e) => setVersionId(e.currentTarget.value)}
            data={(versions.data ?? []).map((v) => ({ value: v.id, label: `${loc(v.name, v.nameEn)} (v${v.versionNo})` }))}
            data-testid="cycle-version"
          />
          <TextInput
            type="date"
            label={t('assessment.opensOn')}
            value={opensOn}
            onChange={(e) => setOpensOn(e.currentTarget.value)}
            error={errorFor('opensOn', t('assessment.opensOn'))}
            data-testid="cycle-opens"
          />
          <TextInput
            type="date"
            label={t('assessment.closesOn')}
            value={closesOn}
            onChange={(e) => setClosesOn(e.currentTarget.value)}
            error={closesBeforeOpens ? t('formErrors.closesBeforeOpens') : errorFor('closesOn', t('assessment.closesOn'))}
            data-testid="cycle-closes"
          />
        </SimpleGrid>
        <MultiSelect
          label={t('assessment.scopeAgencies')}
          description={t('assessment.scopeHelp')}
          searchable
          filter={foldedFilter}
          clearable
          value={scopeAgencies}
          onChange={setScopeAgencies}
          error={errorFor('scope.agencyIds', t('assessment.scopeAgencies'))}
          data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: loc(a.name, a.nameEn) }))}
          data-testid="cycle-scope"
        />
        <MultiSelect
          label={t('assessment.scopePositions')}
          searchable
          clearable
          filter={foldedFilter}
          value={scopePositions}
          onChange={setScopePositions}
          data={(positions.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${loc(p.titleVi, p.titleEn)}` }))}
          data-testid="cycle-scope-positions"
        />
        <ScopePeoplePicker value={scopePeople} onChange={setScopePeople} />
        <Text fw={600} size="sm">
          {t('assessment.weights')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          {SOURCES.map((s) => (
            <NumberInput
              key={s}
              label={t(`assessment.sources.${s}`)}
              min={0}
              max={100}
              value={weights[s]}
              suffix={total ? ` (${formatPercent(weights[s] / total, currentLanguage(), 0)})` : ''}
              onChange={(v) => setWeights({ ...weights, [s]: Number(v) || 0 })}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <NumberInput label={t('assessment.minPeers')} min={0} max={20} value={minPeers} onChange={(v) => setMinPeers(Number(v) || 0)} />
          <NumberInput
            label={t('assessment.anonymityThreshold')}
            description={t('assessment.anonymityHelp')}
            min={3}
            max={20}
            value={threshold}
            onChange={(v) => setThreshold(Math.max(3, Number(v) || 3))}
          />
        </SimpleGrid>
        {errorFor('weights') && (
          <Text c="red" size="sm">
            {errorFor('weights')}
          </Text>
        )}
        {general && (
          <Text c="red" size="sm" role="alert">
            {general}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!name.trim() || closesBeforeOpens} data-testid="cycle-save">
            {t('assessment.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
