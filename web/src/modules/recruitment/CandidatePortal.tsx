import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/CurrentUser';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { recruitmentApi, recruitmentKeys } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

/**
 * Everyone but HR: the open notices and their own applications; a panel member also their panels. A
 * candidate's account reaches nothing else.
 */
export function CandidatePortal() {
  const { tr, when } = useRecruitmentText();
  const user = useCurrentUser();
  const notices = useQuery({ queryKey: recruitmentKeys.public, queryFn: ({ signal }) => recruitmentApi.publicCampaigns(signal) });
  const mine = useQuery({ queryKey: recruitmentKeys.mine, queryFn: ({ signal }) => recruitmentApi.mine(signal) });
  const panels = useQuery({ queryKey: recruitmentKeys.panels, queryFn: ({ signal }) => recruitmentApi.myPanels(signal), enabled: user.role !== 'candidate' });
  const applied = new Set((mine.data?.items ?? []).map((a) => a.campaignId));
  return (
    <>
      <PageHeader
        title={user.role === 'candidate' ? tr('candidateTitle') : tr('panelTitle')}
        subtitle={user.role === 'candidate' ? tr('candidateSubtitle') : tr('panelSubtitle')}
      />
      <Stack gap="md">
        {user.role !== 'candidate' && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {tr('myPanels')}
            </Title>
            {panels.error && <QueryError error={panels.error} onRetry={panels.refetch} />}
            {panels.data?.items.length === 0 && <Text c="dimmed">{tr('noPanels')}</Text>}
            <Stack gap={4} data-testid="my-panels">
              {panels.data?.items.map((p) => (
                <Text key={p.campaignId}>
                  <Anchor component={Link} to={`/recruitment/campaigns/${p.campaignId}`} data-testid={`panel-campaign-${p.campaignId}`}>
                    {p.code} — {p.title}
                  </Anchor>{' '}
                  · {tr(`panelRoles.${p.panelRole}`)} ·{' '}
                  <Anchor component={Link} to={`/recruitment/campaigns/${p.campaignId}/declaration`}>
                    {p.declaredAt ? tr('declared') : tr('notDeclared')}
                  </Anchor>
                </Text>
              ))}
            </Stack>
          </Paper>
        )}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {tr('myApplications')}
          </Title>
          {mine.error && <QueryError error={mine.error} onRetry={mine.refetch} />}
          {mine.data?.items.length === 0 && <Text c="dimmed">{tr('noApplications')}</Text>}
          {mine.data && mine.data.items.length > 0 && (
            <Table data-testid="my-applications">
              <Table.Tbody>
                {mine.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/recruitment/applications/${a.id}`}>
                        {a.campaignTitle}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{a.positionTitle}</Table.Td>
                    <Table.Td>{when(a.submittedAt)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{tr(`appStatuses.${a.status}`)}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {tr('openNotices')}
          </Title>
          {notices.error && <QueryError error={notices.error} onRetry={notices.refetch} />}
          {notices.data?.items.length === 0 && <Text c="dimmed">{tr('noNotices')}</Text>}
          <Stack gap={4} data-testid="open-notices">
            {notices.data?.items.map((n) => (
              <Text key={n.id}>
                <Anchor component={Link} to={`/careers/${n.id}`}>
                  {n.title}
                </Anchor>{' '}
                · {n.agencyName} · {tr('closesAt')}: {when(n.applicationsCloseAt)}
                {!applied.has(n.id) && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/recruitment/apply/${n.id}`} data-testid={`apply-${n.id}`}>
                      {tr('apply')}
                    </Anchor>
                  </>
                )}
              </Text>
            ))}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
