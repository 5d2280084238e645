import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { withQuery } from '../../api/client';
import { useCurrentUser } from '../../auth/CurrentUser';
import { useFormat } from '../../format/useFormat';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { recruitmentAssessmentApi, recruitmentAssessmentKeys, type RankedCandidate, type ShortlistQuery } from './assessmentApi';
import { useRecruitmentAssessmentText } from './assessmentText';

/** A campaign's ranking per position with its shortlist and exports, HR's appointment, and the fairness view. */
export function RankingView() {
  const format = useFormat();
  const { campaignId = '' } = useParams();
  const { tr, en } = useRecruitmentAssessmentText();
  const user = useCurrentUser();
  const hr = user.role === 'hr_officer' || user.role === 'national_admin';
  const queryClient = useQueryClient();
  const [factor, setFactor] = useState<number | undefined>(undefined);
  const [threshold, setThreshold] = useState<number | undefined>(undefined);
  const [appointing, setAppointing] = useState<RankedCandidate | null>(null);
  const query: ShortlistQuery = { factor, threshold };
  const ranking = useQuery({
    queryKey: recruitmentAssessmentKeys.ranking(campaignId, query),
    queryFn: ({ signal }) => recruitmentAssessmentApi.ranking(campaignId, query, signal),
  });
  const fairness = useQuery({
    queryKey: recruitmentAssessmentKeys.fairness(campaignId),
    queryFn: ({ signal }) => recruitmentAssessmentApi.fairness(campaignId, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: recruitmentAssessmentKeys.all });
  const shortlist = useMutation({ mutationFn: () => recruitmentAssessmentApi.shortlist(campaignId, query), onSuccess: refresh });
  const publish = useMutation({ mutationFn: () => recruitmentAssessmentApi.publish(campaignId), onSuccess: refresh });
  const data = ranking.data;
  const file = (ext: 'xlsx' | 'pdf') => withQuery(`/api/recruitment/campaigns/${campaignId}/ranking.${ext}`, { factor, threshold });

  return (
    <>
      <PageHeader
        title={data ? `${tr('rankingTitle')}: ${data.campaign.title}` : tr('rankingTitle')}
        subtitle={tr('rankingSubtitle')}
        actions={
          <Group gap="xs">
            <Button component="a" href={file('xlsx')} variant="default">
              {tr('xlsx')}
            </Button>
            <Button component="a" href={file('pdf')} target="_blank" variant="default">
              {tr('pdf')}
            </Button>
            {hr && (
              <Button variant="default" loading={shortlist.isPending} onClick={() => shortlist.mutate()} data-testid="record-shortlist">
                {tr('recordShortlist')}
              </Button>
            )}
            {hr && data && !data.campaign.resultsPublishedAt && (
              <Button loading={publish.isPending} onClick={() => publish.mutate()} data-testid="publish-results">
                {tr('publish')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <Group align="flex-end">
          <NumberInput
            label={tr('factor')}
            min={1}
            max={10}
            step={0.5}
            decimalScale={1}
            value={factor ?? ''}
            onChange={(v) => setFactor(typeof v === 'number' ? v : undefined)}
            w={220}
          />
          <NumberInput
            label={tr('threshold')}
            min={0}
            max={100}
            value={threshold ?? ''}
            onChange={(v) => setThreshold(typeof v === 'number' ? v : undefined)}
            w={220}
          />
          {data?.campaign.resultsPublishedAt && <Badge variant="light">{tr('published')}</Badge>}
        </Group>
        {(shortlist.error || publish.error) && <QueryError error={shortlist.error ?? publish.error} />}
        {ranking.error && <QueryError error={ranking.error} onRetry={ranking.refetch} />}
        {ranking.isPending && <Skeleton h={240} radius="md" />}
        {data?.positions.map((position) => (
          <Paper withBorder p="md" radius="md" key={position.positionId}>
            <Title order={2} size="h4" mb="sm">
              {tr('position', { title: en ? position.titleEn : position.title, posts: position.posts, appointed: position.appointed })}
            </Title>
            {position.candidates.length === 0 ? (
              <Text c="dimmed">{tr('empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={800}>
                <Table striped data-testid="ranking-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{tr('rank')}</Table.Th>
                      <Table.Th>{tr('name')}</Table.Th>
                      <Table.Th ta="right">{tr('fit')}</Table.Th>
                      <Table.Th ta="right">{tr('digitalFit')}</Table.Th>
                      <Table.Th>{tr('shortfalls')}</Table.Th>
                      <Table.Th>{tr('tie')}</Table.Th>
                      <Table.Th>{tr('shortlisted')}</Table.Th>
                      {hr && (
                        <Table.Th>
                          <VisuallyHidden>{tr('decision')}</VisuallyHidden>
                        </Table.Th>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {position.candidates.map((c) => (
                      <Table.Tr key={c.applicationId} data-testid={`ranked-${c.applicationId}`}>
                        <Table.Td>{c.rank}</Table.Td>
                        <Table.Td>
                          {c.fullName}
                          {c.disagreements > 0 && (
                            <Text size="xs" c="orange.8">
                              {tr('disagreements', { count: c.disagreements })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">{format.number(c.fit, 2, true)}</Table.Td>
                        <Table.Td ta="right">{format.number(c.digitalFit, 2, true)}</Table.Td>
                        <Table.Td>
                          {c.shortfalls.length === 0 ? tr('none') : c.shortfalls.map((s) => `${s.code} ${en ? s.nameEn : s.name} (−${s.gap})`).join('; ')}
                        </Table.Td>
                        <Table.Td>{c.tied ? tr('tied') : c.decidedBy ? tr(`rules.${c.decidedBy}`) : ''}</Table.Td>
                        <Table.Td>{c.shortlisted && <Badge variant="light">{tr('shortlisted')}</Badge>}</Table.Td>
                        {hr && (
                          <Table.Td>
                            {c.status === 'appointed' ? (
                              <Badge color="green">{c.status}</Badge>
                            ) : (
                              <Button size="xs" variant="light" onClick={() => setAppointing(c)} data-testid={`appoint-${c.applicationId}`}>
                                {tr('appoint')}
                              </Button>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        ))}
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {tr('fairnessTitle')}
          </Title>
          {fairness.error && <QueryError error={fairness.error} onRetry={fairness.refetch} />}
          {fairness.data && (
            <Table data-testid="fairness-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tr('member')}</Table.Th>
                  <Table.Th ta="right">{tr('sheets')}</Table.Th>
                  <Table.Th ta="right">{tr('meanFit')}</Table.Th>
                  <Table.Th ta="right">{tr('spreadFit')}</Table.Th>
                  <Table.Th ta="right">{tr('deviation')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{tr('flag')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fairness.data.members.map((m) => (
                  <Table.Tr key={m.userId}>
                    <Table.Td>{m.displayName}</Table.Td>
                    <Table.Td ta="right">{m.sheets}</Table.Td>
                    <Table.Td ta="right">{m.fits ? format.number(m.fits.mean, 2, true) : ''}</Table.Td>
                    <Table.Td ta="right">{m.fits ? format.number(m.fits.sd, 2, true) : ''}</Table.Td>
                    <Table.Td ta="right">{m.meanDeviation === null || m.meanDeviation === undefined ? '' : format.number(m.meanDeviation, 2, true)}</Table.Td>
                    <Table.Td>{m.flag && <Badge color="orange">{tr('farFromOthers')}</Badge>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
      {appointing && <AppointModal candidate={appointing} onClose={() => setAppointing(null)} onDone={refresh} />}
    </>
  );
}

function AppointModal({ candidate, onClose, onDone }: { candidate: RankedCandidate; onClose: () => void; onDone: () => unknown }) {
  const { tr } = useRecruitmentAssessmentText();
  const [staffCode, setStaffCode] = useState('');
  const [reason, setReason] = useState('');
  const appoint = useMutation({ mutationFn: () => recruitmentAssessmentApi.appoint(candidate.applicationId, { staffCode, reason }), onSuccess: onDone });
  return (
    <Modal opened onClose={onClose} title={tr('appointTitle', { name: candidate.fullName })}>
      <Stack>
        {appoint.data ? (
          <Alert color="green" data-testid="appointed">
            {tr('appointed', { staffCode: appoint.data.staffCode })}{' '}
            <Anchor component={Link} to={`/people/${appoint.data.personId}`}>
              {tr('openPerson')}
            </Anchor>
          </Alert>
        ) : (
          <>
            <TextInput
              label={tr('staffCode')}
              required
              value={staffCode}
              onChange={(e) => setStaffCode(e.currentTarget.value)}
              data-testid="appoint-staff-code"
            />
            <Textarea label={tr('reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="appoint-reason" />
            {appoint.error && <QueryError error={appoint.error} />}
            <Button loading={appoint.isPending} disabled={!staffCode.trim() || !reason.trim()} onClick={() => appoint.mutate()} data-testid="appoint-confirm">
              {tr('confirm')}
            </Button>
          </>
        )}
      </Stack>
    </Modal>
  );
}
