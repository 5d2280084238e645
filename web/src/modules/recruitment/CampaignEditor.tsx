import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { ChangeFailure } from './RecruitmentStates';
import { recruitmentApi, recruitmentKeys, type CampaignDetail, type CampaignInput } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

const RULES = ['highest_weight_stage', 'digital_fit', 'priority', 'earlier_submission'] as const;
const KINDS = ['screening', 'knowledge_test', 'practical', 'interview'] as const;
type Stage = CampaignInput['stages'] extends (infer S)[] | undefined ? S : never;

/** datetime-local wants local "yyyy-mm-ddThh:mm"; the API takes ISO with an offset. */
const toLocal = (iso: string | null | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (local: string) => (local ? new Date(local).toISOString() : null);

function initialInput(campaign?: CampaignDetail): CampaignInput {
  if (!campaign)
    return {
      code: '',
      title: '',
      notice: '',
      applicationsOpenAt: null,
      applicationsCloseAt: null,
      tieBreak: ['highest_weight_stage', 'priority', 'earlier_submission'],
      retentionMonths: 12,
      posts: [],
      stages: [
        { kind: 'screening', name: '', weight: 0, startsOn: null, endsOn: null },
        { kind: 'interview', name: '', weight: 1, startsOn: null, endsOn: null },
      ],
    };
  return {
    code: campaign.code,
    title: campaign.title,
    notice: campaign.notice,
    applicationsOpenAt: campaign.applicationsOpenAt,
    applicationsCloseAt: campaign.applicationsCloseAt,
    tieBreak: campaign.tieBreak,
    retentionMonths: campaign.retentionMonths,
    posts: campaign.posts.map((p) => ({ positionId: p.positionId, posts: p.posts })),
    stages: campaign.stages.map((s) => ({ kind: s.kind, name: s.name, startsOn: s.startsOn, endsOn: s.endsOn, weight: s.weight })),
  };
}

/** Create a draft, or edit one: code, title, notice, window, posts, stages, tie-break rules, retention. */
export function CampaignEditor({ campaign }: { campaign?: CampaignDetail }) {
  const { tr } = useRecruitmentText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<CampaignInput>(() => initialInput(campaign));
  const positions = useQuery({ queryKey: recruitmentKeys.positions, queryFn: ({ signal }) => recruitmentApi.positions(signal) });
  const save = useMutation({
    mutationFn: async () => (campaign ? (await recruitmentApi.update(campaign.id, input), campaign.id) : (await recruitmentApi.create(input)).id),
    onSuccess: async (id) => {
      await queryClient.invalidateQueries({ queryKey: recruitmentKeys.all });
      if (!campaign) void navigate(`/recruitment/campaigns/${id}`);
    },
  });
  const set = (patch: Partial<CampaignInput>) => setInput({ ...input, ...patch });
  const posts = input.posts ?? [];
  const stages = input.stages ?? [];
  const setStage = (i: number, patch: Partial<Stage>) => set({ stages: stages.map((s, k) => (k === i ? { ...s, ...patch } : s)) });
  const positionOptions = (positions.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.titleVi}` }));

  const form = (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label={tr('code')} value={input.code} onChange={(e) => set({ code: e.currentTarget.value })} data-testid="campaign-code" required />
            <TextInput
              label={tr('campaignTitle')}
              value={input.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              data-testid="campaign-title"
              required
            />
          </Group>
          <Textarea
            label={tr('notice')}
            value={input.notice ?? ''}
            autosize
            minRows={3}
            onChange={(e) => set({ notice: e.currentTarget.value })}
            data-testid="campaign-notice"
          />
          <Group grow>
            <TextInput
              type="datetime-local"
              label={tr('opensAt')}
              value={toLocal(input.applicationsOpenAt)}
              onChange={(e) => set({ applicationsOpenAt: fromLocal(e.currentTarget.value) })}
              data-testid="campaign-opens"
            />
            <TextInput
              type="datetime-local"
              label={tr('closesAt')}
              value={toLocal(input.applicationsCloseAt)}
              onChange={(e) => set({ applicationsCloseAt: fromLocal(e.currentTarget.value) })}
              data-testid="campaign-closes"
            />
            <NumberInput
              label={tr('retentionMonths')}
              min={1}
              max={120}
              value={input.retentionMonths}
              onChange={(v) => typeof v === 'number' && set({ retentionMonths: v })}
            />
          </Group>
          <Checkbox.Group label={tr('tieBreak')} value={input.tieBreak ?? []} onChange={(v) => set({ tieBreak: RULES.filter((r) => v.includes(r)) })}>
            <Stack gap={4} mt={4}>
              {RULES.map((rule) => (
                <Checkbox key={rule} value={rule} label={tr(`rules.${rule}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {tr('positions')}
        </Title>
        <Stack gap="xs">
          {posts.map((p, i) => (
            <Group key={i} align="flex-end">
              <Select
                label={tr('position')}
                data={positionOptions}
                value={p.positionId}
                searchable
                onChange={(v) => v && set({ posts: posts.map((q, k) => (k === i ? { ...q, positionId: v } : q)) })}
                w={420}
                data-testid={`campaign-position-${i}`}
              />
              <NumberInput
                label={tr('posts')}
                min={1}
                max={1000}
                value={p.posts}
                w={100}
                onChange={(v) => typeof v === 'number' && set({ posts: posts.map((q, k) => (k === i ? { ...q, posts: v } : q)) })}
              />
              <ActionIcon variant="subtle" color="red" aria-label={tr('remove')} onClick={() => set({ posts: posts.filter((_, k) => k !== i) })}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              disabled={positionOptions.length === 0}
              onClick={() =>
                set({
                  posts: [
                    ...posts,
                    { positionId: positionOptions.find((o) => !posts.some((p) => p.positionId === o.value))?.value ?? positionOptions[0]!.value, posts: 1 },
                  ],
                })
              }
              data-testid="campaign-add-position"
            >
              {tr('addPosition')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {tr('stages')}
        </Title>
        <Stack gap="xs">
          {stages.map((s, i) => (
            <Group key={i} align="flex-end" wrap="wrap">
              <Select
                label={tr('stageKind')}
                data={KINDS.map((k) => ({ value: k, label: tr(`stageKinds.${k}`) }))}
                value={s.kind}
                onChange={(v) => v && setStage(i, { kind: v as Stage['kind'] })}
                w={170}
              />
              <TextInput
                label={tr('stageName')}
                value={s.name}
                onChange={(e) => setStage(i, { name: e.currentTarget.value })}
                w={220}
                data-testid={`campaign-stage-name-${i}`}
              />
              <TextInput
                type="date"
                label={tr('startsOn')}
                value={s.startsOn ?? ''}
                onChange={(e) => setStage(i, { startsOn: e.currentTarget.value || null })}
              />
              <TextInput type="date" label={tr('endsOn')} value={s.endsOn ?? ''} onChange={(e) => setStage(i, { endsOn: e.currentTarget.value || null })} />
              <NumberInput
                label={tr('weight')}
                min={0}
                max={1}
                step={0.1}
                decimalScale={2}
                value={s.weight}
                onChange={(v) => typeof v === 'number' && setStage(i, { weight: v })}
                w={110}
              />
              <ActionIcon variant="subtle" color="red" aria-label={tr('remove')} onClick={() => set({ stages: stages.filter((_, k) => k !== i) })}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="default" onClick={() => set({ stages: [...stages, { kind: 'interview', name: '', weight: 0, startsOn: null, endsOn: null }] })}>
              {tr('addStage')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ChangeFailure error={save.error} />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="campaign-save">
          {tr('save')}
        </Button>
        {save.isSuccess && campaign && <span role="status">{tr('saved')}</span>}
      </Group>
    </Stack>
  );
  if (campaign) return form;
  return (
    <>
      <PageHeader title={tr('newCampaign')} subtitle={tr('subtitle')} />
      {form}
    </>
  );
}
