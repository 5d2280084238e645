import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { QueryError } from '../../../ui/QueryError';
import { foldedFilter } from '../../../ui/foldText';
import { apiErrorText } from './apiErrorText';
import { catalogueApi, catalogueKeys, type Lecturer } from './catalogueApi';

/** The institution's lecturers and what they can teach up to which level. */
export function LecturersPanel({ institutionId, canManage }: { institutionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Lecturer | 'new' | null>(null);
  const list = useQuery({ queryKey: catalogueKeys.lecturers(institutionId), queryFn: ({ signal }) => catalogueApi.lecturers(institutionId, signal) });
  if (list.error) return <QueryError error={list.error} onRetry={list.refetch} />;
  return (
    <>
      {canManage && (
        <Button leftSection={<IconPlus size={16} />} mb="sm" onClick={() => setEditing('new')} data-testid="lecturer-new">
          {t('catalogue.lecturer.new')}
        </Button>
      )}
      <Paper withBorder p="md">
        <Table striped data-testid="lecturers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogue.lecturer.name')}</Table.Th>
              <Table.Th>{t('catalogue.lecturer.title')}</Table.Th>
              <Table.Th>{t('catalogue.lecturer.email')}</Table.Th>
              <Table.Th>{t('catalogue.lecturer.skills')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  {canManage ? (
                    <Anchor component="button" onClick={() => setEditing(l)}>
                      {l.fullName}
                    </Anchor>
                  ) : (
                    l.fullName
                  )}
                </Table.Td>
                <Table.Td>{l.title}</Table.Td>
                <Table.Td>{l.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {l.competencies.map((c) => (
                      <Badge key={c.competencyId} size="sm" variant="light" title={c.name.vi}>
                        {c.code} ≤ {c.maxLevel}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data?.items.length === 0 && (
          <Text c="dimmed" mt="sm">
            {t('catalogue.lecturer.empty')}
          </Text>
        )}
      </Paper>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('catalogue.lecturer.new') : editing?.fullName}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null && <LecturerForm institutionId={institutionId} lecturer={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}

function LecturerForm({ institutionId, lecturer, onDone }: { institutionId: string; lecturer: Lecturer | null; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [fullName, setFullName] = useState(lecturer?.fullName ?? '');
  const [title, setTitle] = useState(lecturer?.title ?? '');
  const [email, setEmail] = useState(lecturer?.email ?? '');
  const [skills, setSkills] = useState<Array<{ competencyId: string | null; maxLevel: number | string }>>(
    lecturer?.competencies.map((c) => ({ competencyId: c.competencyId, maxLevel: c.maxLevel })) ?? [],
  );
  const framework = useQuery({ queryKey: catalogueKeys.framework(undefined), queryFn: ({ signal }) => catalogueApi.framework(undefined, signal) });
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: catalogueKeys.lecturers(institutionId) });
    onDone();
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        fullName,
        title,
        email: email.trim() || null,
        userId: lecturer?.userId ?? null,
        competencies: skills.filter((s) => s.competencyId).map((s) => ({ competencyId: s.competencyId!, maxLevel: Number(s.maxLevel) })),
      };
      return lecturer ? catalogueApi.updateLecturer(lecturer.id, body) : catalogueApi.createLecturer(institutionId, body);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => catalogueApi.deleteLecturer(lecturer!.id), onSuccess: done });
  const options = (framework.data?.version?.competencies ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.name[lang]}` }));
  const setSkill = (i: number, change: Partial<(typeof skills)[number]>) => setSkills(skills.map((s, j) => (j === i ? { ...s, ...change } : s)));

  return (
    <Stack gap="sm" data-testid="lecturer-form">
      <TextInput
        label={t('catalogue.lecturer.name')}
        value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)}
        required
        data-testid="lecturer-name"
      />
      <TextInput label={t('catalogue.lecturer.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <TextInput label={t('catalogue.lecturer.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
      <Text fw={500} size="sm">
        {t('catalogue.lecturer.skills')}
      </Text>
      {skills.map((s, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <Select
            aria-label={t('catalogue.competency')}
            flex={1}
            searchable
            filter={foldedFilter}
            data={options}
            value={s.competencyId}
            onChange={(v) => setSkill(i, { competencyId: v })}
          />
          <NumberInput
            aria-label={t('catalogue.lecturer.maxLevel')}
            w={110}
            min={1}
            max={8}
            value={s.maxLevel}
            onChange={(v) => setSkill(i, { maxLevel: v })}
          />
          <ActionIcon variant="subtle" color="red" aria-label={t('catalogue.form.remove')} onClick={() => setSkills(skills.filter((_, j) => j !== i))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setSkills([...skills, { competencyId: null, maxLevel: 3 }])}>
          {t('catalogue.form.addCompetency')}
        </Button>
      </Group>
      {(save.error ?? remove.error) && <Alert color="red">{apiErrorText(save.error ?? remove.error)}</Alert>}
      <Group justify="space-between">
        {lecturer ? (
          <Button color="red" variant="subtle" onClick={() => remove.mutate()} loading={remove.isPending}>
            {t('catalogue.lecturer.delete')}
          </Button>
        ) : (
          <span />
        )}
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={fullName.trim() === ''} data-testid="lecturer-save">
          {t('catalogue.form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
