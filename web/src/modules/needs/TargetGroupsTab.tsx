import { Anchor, Badge, Button, Card, Divider, Group, List, SimpleGrid, Skeleton, Spoiler, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { intlLocale } from '../../i18n';
import { needsApi, needsKeys, targetGroupsXlsxUrl, type TargetGroup } from './needsApi';
import { NeedsEmpty, NeedsQueryError } from './NeedsStates';
import { formatGap, formatShare, personPath } from './needsView';
import { useNeedsText } from './useNeedsText';

// A class is planned around its first few shared gaps; a long list would bury them.
const SHOWN_GAPS = 5;

/** The members by name, each opening their gap profile; a long list folds so the cards stay comparable. */
function Members({ group, cycleId }: { group: TargetGroup; cycleId: string }) {
  const { tn } = useNeedsText();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {tn('groups.members')}
      </Text>
      <Spoiler maxHeight={120} showLabel={tn('groups.showAll', { count: group.members.length })} hideLabel={tn('groups.showLess')}>
        <List size="sm" spacing={2} listStyleType="none" data-testid="needs-target-group-members">
          {group.members.map((member) => (
            <List.Item key={member.personId} data-testid="needs-target-group-member">
              <Anchor component={Link} to={personPath(member.personId, cycleId)} size="sm">
                {member.fullName}
              </Anchor>
              <Text size="xs" c="dimmed" span>
                {' '}
                · {member.staffCode} · {member.agencyName}
              </Text>
            </List.Item>
          ))}
        </List>
      </Spoiler>
    </Stack>
  );
}

function GroupCard({ group, number, cycleId }: { group: TargetGroup; number: number; cycleId: string }) {
  const { tn, pick } = useNeedsText();
  const locale = intlLocale();
  return (
    <Card withBorder radius="md" padding="lg" data-testid="needs-target-group">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={4} size="h5">
              {tn('groups.name', { n: number })}
            </Title>
            <Text size="xs" c="dimmed">
              {tn('groups.signature')}
            </Text>
            <Group gap={6}>
              {group.signature.map((code) => (
                <Badge key={code} variant="light" color="red" size="lg">
                  {code}
                </Badge>
              ))}
            </Group>
          </Stack>
          <Badge
            variant="filled"
            size="lg"
            tt="none"
            leftSection={<IconUsersGroup size={14} />}
            style={{ flexShrink: 0 }}
            data-testid="needs-target-group-size"
          >
            {tn('groups.size', { count: group.size })}
          </Badge>
        </Group>
        <Divider />
        <Text size="sm" fw={600}>
          {tn('groups.sharedGaps')}
        </Text>
        <List spacing={6} size="sm" listStyleType="none">
          {group.sharedGaps.slice(0, SHOWN_GAPS).map((gap) => (
            <List.Item key={gap.competencyId}>
              <Text size="sm" span fw={500}>
                {gap.code} {pick(gap.name)}
              </Text>
              <Text size="xs" c="dimmed">
                {tn('groups.sharedGapLine', { share: formatShare(gap.share, locale), gap: formatGap(gap.meanGap, locale) })}
              </Text>
            </List.Item>
          ))}
        </List>
        {group.sharedGaps.length > SHOWN_GAPS && (
          <Text size="xs" c="dimmed">
            {tn('groups.moreGaps', { count: group.sharedGaps.length - SHOWN_GAPS })}
          </Text>
        )}
        <Divider />
        <Text size="sm" fw={600}>
          {tn('groups.agencies')}
        </Text>
        <Stack gap={4}>
          {group.agencies.map((agency) => (
            <Group key={agency.agencyId} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">{agency.name}</Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {tn('groups.agencyPeople', { count: agency.people })}
              </Text>
            </Group>
          ))}
        </Stack>
        <Divider />
        <Members group={group} cycleId={cycleId} />
      </Stack>
    </Card>
  );
}

/** People with similar gaps, grouped to be trained together (HR officers and national administrators). */
export function TargetGroupsTab({ cycleId, agencyId, scopeName }: { cycleId: string; agencyId: string | undefined; scopeName: string }) {
  const { tn } = useNeedsText();
  const groups = useQuery({
    queryKey: needsKeys.targetGroups(cycleId, agencyId),
    queryFn: ({ signal }) => needsApi.targetGroups(cycleId, agencyId, signal),
  });
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">
            {tn('groups.title')}
          </Title>
          {groups.data && groups.data.items.length > 0 && (
            <Button
              component="a"
              href={targetGroupsXlsxUrl(cycleId, agencyId)}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              data-testid="needs-groups-export-excel"
            >
              {tn('groups.excel')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {tn('groups.hint')} {agencyId ? tn('groups.scopeAgency', { agency: scopeName }) : tn('groups.scopeCountry')}
        </Text>
      </Stack>
      {groups.error && <NeedsQueryError error={groups.error} onRetry={groups.refetch} />}
      {groups.isPending && <Skeleton h={240} radius="md" />}
      {groups.data && groups.data.items.length === 0 && (
        <NeedsEmpty testId="needs-no-groups" title={tn('groups.title')} body={tn('groups.empty')} icon={<IconUsersGroup size={30} />} />
      )}
      {groups.data && groups.data.items.length > 0 && (
        <Text size="sm" fw={500} data-testid="needs-groups-summary">
          {tn('groups.summary', { groups: groups.data.items.length, people: groups.data.items.reduce((sum, g) => sum + g.size, 0) })}
        </Text>
      )}
      {groups.data && groups.data.items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" data-testid="needs-target-groups">
          {groups.data.items.map((group, index) => (
            <GroupCard key={group.key} group={group} number={index + 1} cycleId={cycleId} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
