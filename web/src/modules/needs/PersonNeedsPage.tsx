import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/CurrentUser';
import { intlLocale } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { needsApi, needsKeys } from './needsApi';
import { NeedsEmpty, NeedsQueryError } from './NeedsStates';
import { filtersToSearch, formatGap, formatLevel, needsLargestFirst } from './needsView';
import { PersonGapChart } from './PersonGapChart';
import { NeedsBreadcrumbs, useBreadcrumbTrail, type Crumb } from './trail';
import { useNeedsText } from './useNeedsText';

/** /needs/people/:personId: one person's required and assessed levels, and their needs largest first. */
export function PersonNeedsPage() {
  const { tn, pick } = useNeedsText();
  const user = useCurrentUser();
  const { personId = '' } = useParams();
  const [params] = useSearchParams();
  const cycle = params.get('cycle') || undefined;
  const locale = intlLocale();
  const profile = useQuery({
    queryKey: needsKeys.person(personId, cycle),
    queryFn: ({ signal }) => needsApi.person(personId, cycle, signal),
  });

  const root: Crumb =
    user.role === 'national_admin'
      ? { label: tn('crumbs.country'), to: `/needs${filtersToSearch({ cycle, level: 'country' })}` }
      : { label: user.agency.name, to: `/needs${filtersToSearch({ cycle, level: 'agency', id: user.agency.id })}` };
  const above = useBreadcrumbTrail(root);
  const data = profile.data;
  const needs = data ? needsLargestFirst(data.gaps) : [];

  return (
    <>
      <PageHeader
        title={data?.person.fullName ?? '…'}
        subtitle={data ? tn('person.subtitle', { code: data.person.staffCode, agency: data.person.agencyName }) : undefined}
      />
      <NeedsBreadcrumbs crumbs={above} current={data?.person.fullName ?? '…'} cycle={cycle ?? null} />
      {profile.error && <NeedsQueryError error={profile.error} onRetry={profile.refetch} />}
      {profile.isPending && <Skeleton h={360} radius="md" />}
      {data && !data.cycle && <NeedsEmpty testId="needs-person-empty" title={tn('empty.noResultsTitle')} body={tn('person.noResults')} />}
      {data && data.cycle && (
        <Stack gap="md">
          <Group gap="sm">
            <Text c="dimmed" size="sm">
              {tn('person.cycle', { name: data.cycle.name })}
            </Text>
            {data.meetsProfile ? (
              <Badge color="green" variant="light" tt="none" leftSection={<IconCircleCheck size={14} />} data-testid="needs-person-status">
                {tn('person.meets')}
              </Badge>
            ) : (
              <Badge color="orange" variant="light" tt="none" leftSection={<IconAlertTriangle size={14} />} data-testid="needs-person-status">
                {tn('person.hasNeeds', { count: needs.length })}
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
            <Paper withBorder radius="md" p="md" className="needs-print-block" miw={0}>
              <Title order={3} size="h4" mb="xs">
                {tn('person.needsTitle')}
              </Title>
              {needs.length === 0 ? (
                <Text c="dimmed" py="md" data-testid="needs-person-no-needs">
                  {tn('person.noNeeds')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={480} className="needs-print-overflow">
                  <Table striped verticalSpacing="xs" fz="sm" data-testid="needs-person-needs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{tn('person.competency')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {tn('person.required')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {tn('person.assessed')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {tn('person.gap')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {tn('person.weightedNeed')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {needs.map((gap) => (
                        <Table.Tr key={gap.competencyId}>
                          <Table.Th scope="row" fw={400}>
                            <Text size="sm" fw={500}>
                              {gap.competency ? `${gap.competency.code} ${pick(gap.competency.name)}` : tn('person.unknownCompetency')}
                            </Text>
                            {gap.competency && (
                              <Text size="xs" c="dimmed">
                                {pick(gap.competency.groupName)}
                              </Text>
                            )}
                          </Table.Th>
                          <Table.Td ta="right">{formatLevel(gap.requiredLevel, locale)}</Table.Td>
                          <Table.Td ta="right">{formatLevel(gap.assessedLevel, locale)}</Table.Td>
                          <Table.Td ta="right" fw={600}>
                            {formatGap(gap.gap, locale)}
                          </Table.Td>
                          <Table.Td ta="right">{formatGap(gap.weightedNeed, locale)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
            <Paper withBorder radius="md" p="md" className="needs-no-print" miw={0}>
              <Title order={3} size="h4">
                {tn('person.chartTitle')}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {tn('person.chartHint')}
              </Text>
              <PersonGapChart gaps={data.gaps} />
            </Paper>
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
