import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { recruitmentApi, recruitmentKeys } from './recruitmentApi';
import { useRecruitmentText } from './recruitmentText';

/** HR's campaigns (its agency subtree), newest first. */
export function CampaignList() {
  const { tr, when } = useRecruitmentText();
  const campaigns = useQuery({ queryKey: recruitmentKeys.campaigns, queryFn: ({ signal }) => recruitmentApi.campaigns(signal) });
  return (
    <>
      <PageHeader
        title={tr('title')}
        subtitle={tr('subtitle')}
        actions={
          <Button component={Link} to="/recruitment/campaigns/new" data-testid="recruitment-new">
            {tr('newCampaign')}
          </Button>
        }
      />
      <Stack>
        {campaigns.error && <QueryError error={campaigns.error} onRetry={campaigns.refetch} />}
        {campaigns.data && campaigns.data.items.length === 0 && <Text c="dimmed">{tr('noCampaigns')}</Text>}
        {campaigns.data && campaigns.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="recruitment-campaigns">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tr('code')}</Table.Th>
                  <Table.Th>{tr('campaignTitle')}</Table.Th>
                  <Table.Th>{tr('agency')}</Table.Th>
                  <Table.Th>{tr('status')}</Table.Th>
                  <Table.Th>{tr('closesAt')}</Table.Th>
                  <Table.Th ta="right">{tr('posts')}</Table.Th>
                  <Table.Th ta="right">{tr('applications')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {campaigns.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.code}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/recruitment/campaigns/${c.id}`}>
                        {c.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.agencyName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{tr(`statuses.${c.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{when(c.applicationsCloseAt)}</Table.Td>
                    <Table.Td ta="right">{c.posts}</Table.Td>
                    <Table.Td ta="right">{c.applications}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </>
  );
}
