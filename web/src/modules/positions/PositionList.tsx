import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Modal, Paper, Select, Skeleton, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEdit, IconPlus, IconRefresh, IconSearch, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useFormErrors } from '../../ui/useFormErrors';
import { orgApi, orgKeys } from '../org/orgApi';
import { currentLanguage } from '../../i18n';
import { QueryError } from '../../ui/QueryError';
import { ADMIN_TIERS, ROLE_CATEGORIES, positionsApi, positionsKeys, type AdminTier, type Position, type RoleCategory } from './positionsApi';

const tierOfAgency = (kind: string): AdminTier =>
  kind === 'commune' ? 'commune' : kind === 'ministry' || kind === 'central' || kind === 'institution' ? 'central' : 'province';

export function PositionList() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const list = useQuery({
    queryKey: positionsKeys.list(debounced),
    queryFn: ({ signal }) => positionsApi.list(debounced, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: positionsKeys.all });
  const remove = useMutation({ mutationFn: positionsApi.remove, onSuccess: refresh });
  const template = useMutation({ mutationFn: positionsApi.applyTemplate, onSuccess: refresh });
  const failure = remove.error ?? template.error;
  const title = (p: Position) => (currentLanguage() === 'en' && p.titleEn ? p.titleEn : p.titleVi);

  return (
    <Stack>
      <Group justify="space-between">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('positions.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={360}
          data-testid="positions-search"
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="position-create">
          {t('positions.create')}
        </Button>
      </Group>
      {failure && <Alert color="red">{isApiError(failure) ? failure.message : String(failure)}</Alert>}
      {list.error && <QueryError error={list.error} onRetry={list.refetch} />}
      {list.isPending && <Skeleton h={300} />}
      {list.data && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover data-testid="positions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('positions.fields.code')}</Table.Th>
                  <Table.Th>{t('positions.fields.title')}</Table.Th>
                  <Table.Th>{t('positions.fields.agency')}</Table.Th>
                  <Table.Th>{t('positions.fields.role')}</Table.Th>
                  <Table.Th>{t('positions.fields.tier')}</Table.Th>
                  <Table.Th>{t('positions.fields.requirements')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" py="md">
                        {t('positions.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {list.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td ff="monospace">{p.code}</Table.Td>
                    <Table.Td>{title(p)}</Table.Td>
                    <Table.Td>{p.agencyName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`positions.roles.${p.roleCategory}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{t(`positions.tiers.${p.tier}`)}</Table.Td>
                    <Table.Td>{p.requirementCount}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('positions.edit')}>
                          <ActionIcon variant="subtle" aria-label={t('positions.edit')} onClick={() => setEditing(p)}>
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('positions.applyTemplate')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('positions.applyTemplate')}
                            onClick={() => window.confirm(t('positions.confirmTemplate')) && template.mutate(p.id)}
                          >
                            <IconRefresh size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('positions.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('positions.delete')}
                            onClick={() => window.confirm(t('positions.confirmDelete', { code: p.code })) && remove.mutate(p.id)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {editing && <PositionForm position={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />}
    </Stack>
  );
}

function PositionForm({ position, onClose, onSaved }: { position: Position | null; onClose: () => void; onSaved: () => unknown }) {
  const { t } = useTranslation();
  const agencies = useQuery({ queryKey: orgKeys.agencies(''), queryFn: ({ signal }) => orgApi.agencies('', signal), enabled: position === null });
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [code, setCode] = useState(position?.code ?? '');
  const [titleVi, setTitleVi] = useState(position?.titleVi ?? '');
  const [titleEn, setTitleEn] = useState(position?.titleEn ?? '');
  const [role, setRole] = useState<RoleCategory>(position?.roleCategory ?? 'professional');
  const [tier, setTier] = useState<AdminTier>(position?.tier ?? 'province');
  const [fromTemplate, setFromTemplate] = useState(true);
  const save = useMutation({
    mutationFn: async () => {
      if (position) await positionsApi.update(position.id, { title: { vi: titleVi, en: titleEn }, roleCategory: role, tier });
      else await positionsApi.create({ agencyId: agencyId ?? undefined, code, title: { vi: titleVi, en: titleEn }, roleCategory: role, tier, fromTemplate });
    },
    onSuccess: () => {
      void onSaved();
      onClose();
    },
  });
  const { errorFor, general } = useFormErrors(save.error, { agencyId, code, 'title.vi': titleVi, 'title.en': titleEn, roleCategory: role, tier });
  return (
    <Modal opened onClose={onClose} title={position ? t('positions.edit') : t('positions.create')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        {!position && (
          <Select
            label={t('positions.fields.agency')}
            placeholder={t('positions.ownAgency')}
            searchable
            clearable
            data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={agencyId}
            error={errorFor('agencyId', t('positions.fields.agency'))}
            onChange={(value) => {
              setAgencyId(value);
              const agency = agencies.data?.items.find((a) => a.id === value);
              if (agency) setTier(tierOfAgency(agency.kind));
            }}
          />
        )}
        <TextInput
          label={t('positions.fields.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errorFor('code', t('positions.fields.code'))}
          disabled={position !== null}
          required
          data-testid="position-code"
        />
        <TextInput
          label={t('positions.fields.titleVi')}
          value={titleVi}
          onChange={(e) => setTitleVi(e.currentTarget.value)}
          error={errorFor('title.vi', t('positions.fields.titleVi'))}
          required
          data-testid="position-title"
        />
        <TextInput
          label={t('positions.fields.titleEn')}
          value={titleEn}
          onChange={(e) => setTitleEn(e.currentTarget.value)}
          error={errorFor('title.en', t('positions.fields.titleEn'))}
        />
        <Group grow>
          <Select
            label={t('positions.fields.role')}
            data={ROLE_CATEGORIES.map((r) => ({ value: r, label: t(`positions.roles.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as RoleCategory)}
            allowDeselect={false}
          />
          <Select
            label={t('positions.fields.tier')}
            data={ADMIN_TIERS.map((x) => ({ value: x, label: t(`positions.tiers.${x}`) }))}
            value={tier}
            onChange={(v) => v && setTier(v as AdminTier)}
            allowDeselect={false}
          />
        </Group>
        {!position && <Checkbox label={t('positions.fromTemplate')} checked={fromTemplate} onChange={(e) => setFromTemplate(e.currentTarget.checked)} />}
        {general && <Alert color="red">{general}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('positions.cancel')}
          </Button>
          <Button loading={save.isPending} disabled={!code.trim() || !titleVi.trim()} onClick={() => save.mutate()} data-testid="position-save">
            {t('positions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
