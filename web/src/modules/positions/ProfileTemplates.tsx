import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { currentLanguage } from '../../i18n';
import { QueryError } from '../../ui/QueryError';
import { ADMIN_TIERS, ROLE_CATEGORIES, positionsApi, positionsKeys, type AdminTier, type RoleCategory } from './positionsApi';

/** The national starting profiles per role x tier; national administrators edit them, HR officers read them. */
export function ProfileTemplates() {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<RoleCategory>('professional');
  const [tier, setTier] = useState<AdminTier>('province');
  const [draft, setDraft] = useState<Record<string, { level: number | null; criticality: number }>>({});
  const canEdit = user?.role === 'national_admin';
  const competencies = useQuery({ queryKey: positionsKeys.competencies(), queryFn: ({ signal }) => positionsApi.competencies(signal) });
  const template = useQuery({ queryKey: positionsKeys.template(role, tier), queryFn: ({ signal }) => positionsApi.template(role, tier, signal) });
  const national = useMemo(() => (competencies.data?.items ?? []).filter((c) => c.scope === 'national'), [competencies.data]);

  useEffect(() => {
    const next: typeof draft = {};
    for (const row of template.data?.items ?? []) next[row.competencyId] = { level: row.requiredLevel, criticality: row.criticality };
    setDraft(next);
  }, [template.data]);

  const save = useMutation({
    mutationFn: () =>
      positionsApi.saveTemplate(
        role,
        tier,
        Object.entries(draft)
          .filter(([, v]) => v.level !== null)
          .map(([competencyId, v]) => ({ competencyId, requiredLevel: v.level!, criticality: v.criticality })),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: positionsKeys.templates }),
  });

  const error = competencies.error ?? template.error;
  if (error) return <QueryError error={error} />;
  const english = currentLanguage() === 'en';
  return (
    <Stack>
      <Group>
        <SegmentedControl
          value={role}
          onChange={(v) => setRole(v as RoleCategory)}
          data={ROLE_CATEGORIES.map((r) => ({ value: r, label: t(`positions.roles.${r}`) }))}
        />
        <SegmentedControl
          value={tier}
          onChange={(v) => setTier(v as AdminTier)}
          data={ADMIN_TIERS.map((x) => ({ value: x, label: t(`positions.tiers.${x}`) }))}
        />
        {canEdit && (
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} onClick={() => save.mutate()}>
            {t('positions.save')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('positions.templates.help')}
      </Text>
      {save.error && <Alert color="red">{isApiError(save.error) ? save.error.message : String(save.error)}</Alert>}
      {template.isPending || competencies.isPending ? (
        <Skeleton h={300} />
      ) : (
        <Paper withBorder radius="md">
          <Table striped data-testid="profile-template">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('positions.templates.competency')}</Table.Th>
                <Table.Th w={160}>{t('positions.matrix.modeLevel')}</Table.Th>
                <Table.Th w={160}>{t('positions.matrix.modeCriticality')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {national.map((c) => {
                const value = draft[c.id] ?? { level: null, criticality: 2 };
                const set = (next: Partial<typeof value>) => setDraft((all) => ({ ...all, [c.id]: { ...value, ...next } }));
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Text size="sm">
                        <Text span ff="monospace" c="dimmed" mr={6}>
                          {c.code}
                        </Text>
                        {english && c.nameEn ? c.nameEn : c.nameVi}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        min={1}
                        max={c.levelCount}
                        value={value.level ?? ''}
                        onChange={(v) => set({ level: typeof v === 'number' ? v : null })}
                        disabled={!canEdit}
                        aria-label={`${c.code} level`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        min={1}
                        max={3}
                        value={value.criticality}
                        onChange={(v) => typeof v === 'number' && set({ criticality: v })}
                        disabled={!canEdit || value.level === null}
                        aria-label={`${c.code} criticality`}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
