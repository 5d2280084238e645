import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Table, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChangeFailure } from './RecruitmentStates';
import { recruitmentApi, recruitmentKeys, type CampaignDetail } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

type PanelRole = 'chair' | 'member' | 'secretary';
const ROLES: PanelRole[] = ['chair', 'member', 'secretary'];

/** HR sets the panel from the agency's users and experts; each member's declaration shows beside them. */
export function PanelEditor({ campaign }: { campaign: CampaignDetail }) {
  const { tr, when } = useRecruitmentText();
  const queryClient = useQueryClient();
  const [members, setMembers] = useState(() => campaign.panel.map((m) => ({ userId: m.userId, panelRole: m.panelRole })));
  const [adding, setAdding] = useState<string | null>(null);
  const closed = campaign.status === 'completed' || campaign.status === 'cancelled';
  const choices = useQuery({
    queryKey: recruitmentKeys.panelChoices(campaign.id),
    queryFn: ({ signal }) => recruitmentApi.panelChoices(campaign.id, signal),
    enabled: !closed,
  });
  const save = useMutation({
    mutationFn: () => recruitmentApi.setPanel(campaign.id, members),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recruitmentKeys.campaign(campaign.id) }),
  });
  const known = new Map([...(choices.data?.items ?? []), ...campaign.panel].map((u) => [u.userId, u]));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {tr('panel')}
      </Title>
      <Stack gap="sm">
        <Table data-testid="campaign-panel">
          <Table.Tbody>
            {members.map((m, i) => {
              const declared = campaign.panel.find((p) => p.userId === m.userId);
              return (
                <Table.Tr key={m.userId}>
                  <Table.Td>
                    {known.get(m.userId)?.displayName ?? m.userId} · {known.get(m.userId)?.agencyName}
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={tr('panelRole')}
                      data={ROLES.map((r) => ({ value: r, label: tr(`panelRoles.${r}`) }))}
                      value={m.panelRole}
                      disabled={closed}
                      onChange={(v) => v && setMembers(members.map((x, k) => (k === i ? { ...x, panelRole: v as PanelRole } : x)))}
                      w={140}
                    />
                  </Table.Td>
                  <Table.Td>
                    {declared?.declaredAt ? (
                      <Badge color="green" variant="light">
                        {tr('declared')} {when(declared.declaredAt)} · {tr('conflicts')}: {declared.conflicts}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {tr('notDeclared')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!closed && (
                      <ActionIcon variant="subtle" color="red" aria-label={tr('remove')} onClick={() => setMembers(members.filter((_, k) => k !== i))}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {!closed && (
          <Group align="flex-end">
            <Select
              label={tr('addMember')}
              searchable
              data={(choices.data?.items ?? [])
                .filter((u) => !members.some((m) => m.userId === u.userId))
                .map((u) => ({ value: u.userId, label: `${u.displayName} · ${u.agencyName}` }))}
              value={adding}
              onChange={(v) => {
                if (v) setMembers([...members, { userId: v, panelRole: 'member' }]);
                setAdding(null);
              }}
              w={360}
              data-testid="panel-add"
            />
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="panel-save">
              {tr('savePanel')}
            </Button>
          </Group>
        )}
        <ChangeFailure error={save.error} />
      </Stack>
    </Paper>
  );
}
