import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatPercent } from '../../format/format';
import { currentLanguage } from '../../i18n';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../ui/PageHeader';
import { PageLoader } from '../../ui/PageLoader';
import { CampaignEditor } from './CampaignEditor';
import { PanelEditor } from './PanelEditor';
import { ChangeFailure, ReadFailure } from './RecruitmentStates';
import { recruitmentApi, recruitmentKeys, type CampaignDetail, type Transition } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

/** The stages a panel rates (ratings.service.ts RATED_STAGES), while the campaign is assessing (ASSESSING there). */
const RATED: ReadonlyArray<CampaignDetail['stages'][number]['kind']> = ['practical', 'interview'];
const ASSESSING: ReadonlyArray<CampaignDetail['status']> = ['published', 'closed'];

const NEXT: Record<CampaignDetail['status'], Transition[]> = {
  draft: ['publish', 'cancel'],
  published: ['close', 'cancel'],
  closed: ['complete', 'cancel'],
  completed: [],
  cancelled: [],
};

/** One campaign: the editor while a draft, the notice once out; its panel, its applications, its life cycle. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { tr, when } = useRecruitmentText();
  const session = useSession();
  const queryClient = useQueryClient();
  const campaign = useQuery({ queryKey: recruitmentKeys.campaign(id), queryFn: ({ signal }) => recruitmentApi.campaign(id, signal) });
  const move = useMutation({
    mutationFn: (to: Transition) => recruitmentApi.move(id, to),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recruitmentKeys.all }),
  });
  if (campaign.isLoading) return <PageLoader />;
  if (campaign.error || !campaign.data) return <ReadFailure error={campaign.error} onRetry={campaign.refetch} />;
  const c = campaign.data;
  // A member rates only once they have declared their conflicts (the server answers 403 before): no rating links till then.
  const undeclared = c.isPanelMember && !c.panel.find((m) => m.userId === session.user?.id)?.declaredAt;
  const editable = c.canManage && c.status === 'draft';
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={`${c.code} · ${c.agencyName}`}
        actions={
          <>
            <Badge size="lg" variant="light" data-testid="campaign-status">
              {tr(`statuses.${c.status}`)}
            </Badge>
            <Button component="a" variant="default" href={recruitmentApi.noticePdfUrl(c.id, c.status === 'published')} target="_blank" rel="noopener">
              {tr('noticePdf')}
            </Button>
            {c.isPanelMember && (
              <Button component={Link} variant="default" to={`/recruitment/campaigns/${c.id}/declaration`}>
                {tr('declaration')}
              </Button>
            )}
            {c.canManage && (c.status === 'published' || c.status === 'closed') && (
              <Button component={Link} variant="default" to={`/recruitment/campaigns/${c.id}/paper`} data-testid="campaign-paper-application">
                {tr('paper.open')}
              </Button>
            )}
            {(c.canManage || c.isPanelMember) && c.status !== 'draft' && (
              <Button component={Link} variant="default" to={`/recruitment/assess/campaigns/${c.id}/ranking`} data-testid="campaign-ranking">
                {tr('ranking')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        {c.canManage && NEXT[c.status].length > 0 && (
          <Group>
            {NEXT[c.status].map((to) => (
              <Button
                key={to}
                variant={to === 'cancel' ? 'default' : 'filled'}
                color={to === 'cancel' ? 'red' : undefined}
                onClick={() => move.mutate(to)}
                loading={move.isPending && move.variables === to}
                data-testid={`campaign-${to}`}
              >
                {tr(to)}
              </Button>
            ))}
          </Group>
        )}
        <ChangeFailure error={move.error} />
        {editable ? <CampaignEditor key={String(campaign.dataUpdatedAt)} campaign={c} /> : <CampaignSummary campaign={c} />}
        {c.canManage ? <PanelEditor campaign={c} /> : null}
        {undeclared && ASSESSING.includes(c.status) && (
          <Alert color="yellow" data-testid="declare-before-rating">
            {tr('declareBeforeRating')}
          </Alert>
        )}
        <Applications
          campaignId={c.id}
          ratedStages={c.isPanelMember && !undeclared && ASSESSING.includes(c.status) ? c.stages.filter((s) => RATED.includes(s.kind)) : []}
        />
        {!editable && c.canManage && c.status !== 'completed' && c.status !== 'cancelled' && <Text c="dimmed">{tr('readOnly')}</Text>}
        <Text size="sm" c="dimmed">
          {tr('window')}: {when(c.applicationsOpenAt)} – {when(c.applicationsCloseAt)}
        </Text>
      </Stack>
    </>
  );
}

/** What the notice says: posts with each position's profile (the yardstick), stages, tie-break rules. */
type SummaryInput = Pick<CampaignDetail, 'notice' | 'posts' | 'tieBreak' | 'retentionMonths'> & { stages: Array<Omit<CampaignDetail['stages'][number], 'id'>> };

export function CampaignSummary({ campaign }: { campaign: SummaryInput }) {
  const { tr } = useRecruitmentText();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {campaign.notice && <Text style={{ whiteSpace: 'pre-wrap' }}>{campaign.notice}</Text>}
        <Title order={2} size="h4">
          {tr('positions')}
        </Title>
        {campaign.posts.map((p) => (
          <Stack key={p.positionId} gap={4}>
            <Text fw={600}>
              {p.positionCode} — {p.positionTitle} · {tr('posts')}: {p.posts}
            </Text>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tr('competency')}</Table.Th>
                  <Table.Th ta="right">{tr('requiredLevel')}</Table.Th>
                  <Table.Th ta="right">{tr('criticality')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.profile.map((r) => (
                  <Table.Tr key={r.competencyId}>
                    <Table.Td>
                      {r.code} {r.name}
                    </Table.Td>
                    <Table.Td ta="right">{r.requiredLevel}</Table.Td>
                    <Table.Td ta="right">{r.criticality}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
        <Title order={2} size="h4">
          {tr('stages')}
        </Title>
        <Table withTableBorder>
          <Table.Tbody>
            {campaign.stages.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{tr(`stageKinds.${s.kind}`)}</Table.Td>
                <Table.Td>{[s.startsOn, s.endsOn].filter(Boolean).join(' – ')}</Table.Td>
                <Table.Td ta="right">{formatPercent(s.weight, currentLanguage(), 0)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {campaign.tieBreak.length > 0 && (
          <Text size="sm">
            {tr('tieBreak')}: {campaign.tieBreak.map((r) => tr(`rules.${r}`)).join(' → ')}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {tr('retentionMonths')}: {campaign.retentionMonths}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The campaign's applications; a panel member also gets a link to their rating sheet per rated stage. */
function Applications({ campaignId, ratedStages }: { campaignId: string; ratedStages: ReadonlyArray<CampaignDetail['stages'][number]> }) {
  const { tr, when } = useRecruitmentText();
  const applications = useQuery({
    queryKey: recruitmentKeys.applications(campaignId),
    queryFn: ({ signal }) => recruitmentApi.applications(campaignId, signal),
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {tr('applications')}
      </Title>
      {applications.error && <Alert color="red">{applications.error.message}</Alert>}
      {applications.data?.items.length === 0 && <Text c="dimmed">{tr('noApplications')}</Text>}
      {applications.data && applications.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="campaign-applications">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tr('candidate')}</Table.Th>
                <Table.Th>{tr('position')}</Table.Th>
                <Table.Th>{tr('submittedAt')}</Table.Th>
                <Table.Th>{tr('source')}</Table.Th>
                <Table.Th>{tr('status')}</Table.Th>
                <Table.Th ta="right">{tr('documents')}</Table.Th>
                {ratedStages.length > 0 && <Table.Th>{tr('rateColumn')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applications.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/recruitment/applications/${a.id}`}>
                      {a.candidateName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.positionTitle}</Table.Td>
                  <Table.Td>{when(a.submittedAt)}</Table.Td>
                  <Table.Td>{tr(`sources.${a.source}`)}</Table.Td>
                  <Table.Td>{tr(`appStatuses.${a.status}`)}</Table.Td>
                  <Table.Td ta="right">{a.documents}</Table.Td>
                  {ratedStages.length > 0 && (
                    <Table.Td>
                      <Group gap="xs">
                        {ratedStages.map((s) => (
                          <Anchor
                            key={s.id}
                            component={Link}
                            to={`/recruitment/assess/applications/${a.id}/stages/${s.id}/sheet`}
                            aria-label={`${tr('rate', { stage: s.name })} — ${a.candidateName}`}
                            data-testid={`rate-${a.id}-${s.id}`}
                          >
                            {tr('rate', { stage: s.name })}
                          </Anchor>
                        ))}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
