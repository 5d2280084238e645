import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../../../i18n';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { registerPromotionMessages } from './promotion.i18n';
import { promotionApi, promotionKeys, type RulesInput } from './promotionApi';
import { usePromotionText } from './promotionText';
import { RulesForm } from './RulesForm';
import { StandingsTables } from './StandingsTables';
import './promotion-print.css';

registerPromotionMessages(i18n);

/** Appointment and promotion: HR picks a leadership position, sets the rules, reads the explained shortlist, records the decision. */
export default function PromotionPage() {
  const { tr } = usePromotionText();
  const queryClient = useQueryClient();
  const rounds = useQuery({ queryKey: promotionKeys.rounds, queryFn: ({ signal }) => promotionApi.rounds(signal) });
  const positions = useQuery({ queryKey: promotionKeys.positions, queryFn: ({ signal }) => promotionApi.positions(signal) });
  const [selected, setSelected] = useState<string | null>(null);
  const roundId = selected ?? rounds.data?.items[0]?.id ?? null;
  const [draft, setDraft] = useState({ positionId: null as string | null, title: '' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: promotionKeys.all });
  const create = useMutation({
    mutationFn: () => promotionApi.create({ positionId: draft.positionId!, title: draft.title }),
    onSuccess: async (round) => {
      await refresh();
      setSelected(round.id);
    },
  });
  const canCreate = (positions.data?.items.length ?? 0) > 0;

  return (
    <>
      <PageHeader title={tr('title')} subtitle={tr('subtitle')} />
      <Stack gap="md">
        {rounds.error && <QueryError error={rounds.error} onRetry={rounds.refetch} />}
        <Group align="flex-end" className="promotion-no-print">
          <Select
            label={tr('rounds')}
            data-testid="promotion-select"
            data={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.title} — ${r.position.code} (${tr(`status.${r.status}`)})` }))}
            value={roundId}
            onChange={setSelected}
            placeholder={tr('none')}
            w={420}
          />
        </Group>
        {canCreate && (
          <Paper withBorder p="md" className="promotion-no-print">
            <Title order={3} mb="sm">
              {tr('newRound')}
            </Title>
            <Group align="flex-end">
              <Select
                label={tr('position')}
                searchable
                data-testid="promotion-position"
                data={(positions.data?.items ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.code} — ${i18n.language === 'en' && p.titleEn ? p.titleEn : p.titleVi} · ${p.agencyName}`,
                }))}
                value={draft.positionId}
                onChange={(positionId) => setDraft({ ...draft, positionId })}
                w={420}
              />
              <TextInput
                label={tr('roundTitle')}
                value={draft.title}
                onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
                data-testid="promotion-title"
                w={320}
              />
              <Button
                onClick={() => create.mutate()}
                loading={create.isPending}
                disabled={!draft.positionId || !draft.title.trim()}
                data-testid="promotion-create"
              >
                {tr('create')}
              </Button>
            </Group>
            {create.error && <QueryError error={create.error} />}
          </Paper>
        )}
        {roundId && <RoundView key={roundId} id={roundId} onChanged={refresh} />}
      </Stack>
    </>
  );
}

function RoundView({ id, onChanged }: { id: string; onChanged: () => Promise<unknown> }) {
  const { tr } = usePromotionText();
  const standings = useQuery({ queryKey: promotionKeys.standings(id), queryFn: ({ signal }) => promotionApi.standings(id, signal) });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [reasons, setReasons] = useState('');
  const save = useMutation({ mutationFn: (rules: RulesInput) => promotionApi.update(id, { rules }), onSuccess: onChanged });
  const shortlist = useMutation({ mutationFn: () => promotionApi.shortlist(id), onSuccess: onChanged });
  const decide = useMutation({ mutationFn: () => promotionApi.decide(id, { personIds: [...chosen], reasons }), onSuccess: onChanged });
  if (standings.error) return <QueryError error={standings.error} onRetry={standings.refetch} />;
  if (!standings.data) return null;
  const data = standings.data;
  const { round } = data;
  const toggle = (personId: string) => {
    const next = new Set(chosen);
    if (next.has(personId)) next.delete(personId);
    else next.add(personId);
    setChosen(next);
  };
  const shown = Math.max(data.eligible.length, data.ineligible.length);

  return (
    <Stack gap="md" className="promotion-print">
      <Group justify="space-between">
        <div>
          <Title order={2}>{round.title}</Title>
          <Text>
            {round.position.code} — {round.position.titleVi} · {round.agency.name}
          </Text>
        </div>
        <Badge size="lg" data-testid="promotion-status">
          {tr(`status.${round.status}`)}
        </Badge>
      </Group>
      <RulesForm key={JSON.stringify(round.rules)} round={round} saving={save.isPending} onSave={(rules) => save.mutate(rules)} />
      {save.error && <QueryError error={save.error} />}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text data-testid="promotion-counts">
            {data.frozen ? tr('frozen', { date: data.asOf }) : tr('preview', { date: data.asOf })} {tr('counts', data.counts)}
          </Text>
          {(data.counts.eligible > shown || data.counts.ineligible > shown) && <Text size="sm">{tr('shownFirst', { shown })}</Text>}
          <Group className="promotion-no-print">
            {round.canWrite && round.status !== 'decided' && (
              <Button onClick={() => shortlist.mutate()} loading={shortlist.isPending} data-testid="promotion-shortlist">
                {tr('shortlist')}
              </Button>
            )}
            <Anchor href={promotionApi.xlsxUrl(id)}>{tr('xlsx')}</Anchor>
            <Anchor href={promotionApi.pdfUrl(id)} target="_blank" data-testid="promotion-pdf">
              {tr('pdf')}
            </Anchor>
            <Button variant="default" onClick={() => window.print()}>
              {tr('print')}
            </Button>
          </Group>
          {shortlist.error && <QueryError error={shortlist.error} />}
        </Stack>
      </Paper>
      <StandingsTables standings={data} choosing={round.canWrite && round.status === 'shortlisted' ? { chosen, toggle } : undefined} />
      {round.status === 'shortlisted' && round.canWrite && (
        <Paper withBorder p="md" className="promotion-no-print">
          <Stack gap="sm">
            <Title order={3}>{tr('decision')}</Title>
            <Textarea
              label={tr('reasons')}
              value={reasons}
              onChange={(e) => setReasons(e.currentTarget.value)}
              autosize
              minRows={3}
              data-testid="promotion-reasons"
              required
            />
            <Group>
              <Button onClick={() => decide.mutate()} loading={decide.isPending} disabled={chosen.size === 0 || !reasons.trim()} data-testid="promotion-decide">
                {tr('decide')}
              </Button>
            </Group>
            {decide.error && <QueryError error={decide.error} />}
          </Stack>
        </Paper>
      )}
      {round.status === 'decided' && (
        <Alert color="green" title={tr('decision')} data-testid="promotion-decision">
          <Text>{tr('decided', { date: round.decidedAt ? String(round.decidedAt).slice(0, 10) : '' })}</Text>
          <Text>
            {tr('chosen')}:{' '}
            {data.eligible
              .filter((s) => s.chosen)
              .map((s) => `${s.fullName} (${s.staffCode})`)
              .join(', ')}
          </Text>
          <Text>
            {tr('reasons')}: {round.decisionReasons}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
