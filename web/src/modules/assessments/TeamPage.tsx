import { Anchor, Button, Paper, Progress, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import i18n, { currentLanguage } from '../../i18n';
import type { Leaves, LooseT } from '../../i18n/moduleTexts';
import { useFormat } from '../../format/useFormat';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { loc } from './assessmentApi';
import { registerTeamMessages, type teamMessages } from './team.i18n';
import { teamApi, teamKeys, teamReportPdfUrl } from './teamApi';

registerTeamMessages(i18n);

type TeamKey = Leaves<(typeof teamMessages)['vi']>;

/** The team view's texts, and the shared formats it uses (dd/mm/yyyy, "," for decimals). */
function useTeamText() {
  const { t } = useTranslation();
  const tt = useCallback((key: TeamKey, options?: Record<string, unknown>) => (t as unknown as LooseT)(`teamView.${key}`, options), [t]);
  const format = useFormat();
  const decimal = (n: number) => format.number(n, 2, true);
  // The app's one percent style: "25,5 %" with a no-break space, as in the team report PDF.
  return { tt, date: format.date, decimal, percent: format.percent };
}

const forms = (f: { total: number; submitted: number }) => (f.total === 0 ? '—' : `${f.submitted}/${f.total}`);

/** /assessments/team: the leader's team (HR: ?leaderId=…): form completion, gaps, the printable report. */
export function TeamPage() {
  const { tt, date, decimal, percent } = useTeamText();
  const [params] = useSearchParams();
  const leaderId = params.get('leaderId') ?? undefined;
  const team = useQuery({ queryKey: teamKeys.team(leaderId), queryFn: ({ signal }) => teamApi.team(leaderId, signal) });

  if (team.error) return <QueryError error={team.error} onRetry={team.refetch} />;
  if (!team.data) return <Skeleton h={400} />;
  const d = team.data;
  const subtitle = tt(d.basis === 'direct_reports' ? 'subtitleDirect' : 'subtitleAgency', { agency: d.leader.agencyName, name: d.leader.fullName });

  return (
    <Stack gap="lg" data-testid="team-page">
      <PageHeader
        title={leaderId ? tt('titleOf', { name: d.leader.fullName }) : tt('title')}
        subtitle={subtitle}
        actions={
          <Button
            component="a"
            href={teamReportPdfUrl(leaderId, currentLanguage())}
            target="_blank"
            rel="noopener"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            variant="light"
            data-testid="team-report-pdf"
          >
            {tt('printPdf')}
          </Button>
        }
      />

      <Paper withBorder radius="md" p="lg" data-testid="team-completion">
        <Title order={2} size="h4" mb="xs">
          {tt('completion.title')}
        </Title>
        {d.openCycles.length === 0 && <Text c="dimmed">{tt('completion.noOpenCycle')}</Text>}
        {d.openCycles.map((c) => (
          <Text key={c.id} size="sm">
            {tt('completion.openCycle', { name: loc(c.name, c.nameEn), date: date(c.closesOn) })}
          </Text>
        ))}
        {d.completion.total > 0 && (
          <Stack gap={4} mt="sm">
            <Text size="sm" fw={500} data-testid="team-completion-text">
              {tt('completion.progress', { submitted: d.completion.submitted, total: d.completion.total, share: percent(d.completion.share) })}
            </Text>
            <Progress value={d.completion.share * 100} aria-label={tt('completion.progressLabel')} />
          </Stack>
        )}
      </Paper>

      <Stack gap="xs">
        <Title order={2} size="h4">
          {tt('members.title')}
        </Title>
        {d.members.length === 0 ? (
          <EmptyState title={tt('members.empty')} hint={tt('members.emptyHint')} testId="team-members-empty" />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="team-members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tt('members.name')}</Table.Th>
                  <Table.Th>{tt('members.staffCode')}</Table.Th>
                  <Table.Th ta="center">{tt('members.formsToFill')}</Table.Th>
                  <Table.Th ta="center">{tt('members.formsAbout')}</Table.Th>
                  <Table.Th ta="center">{tt('members.below')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.members.map((m) => (
                  <Table.Tr key={m.personId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/assessments/reports/${m.personId}`}>
                        {m.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{m.staffCode}</Table.Td>
                    <Table.Td ta="center">{forms(m.formsToFill)}</Table.Td>
                    <Table.Td ta="center">{forms(m.formsAboutThem)}</Table.Td>
                    <Table.Td ta="center">{m.competenciesBelow === null ? tt('members.noResult') : m.competenciesBelow}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h4">
          {tt('gaps.title')}
        </Title>
        {!d.resultsCycle || d.gaps.length === 0 ? (
          <EmptyState title={tt('gaps.empty')} hint={tt('gaps.emptyHint')} testId="team-gaps-empty" />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {tt('gaps.basis', { name: loc(d.resultsCycle.name, d.resultsCycle.nameEn), date: date(d.resultsCycle.closesOn) })}
            </Text>
            <Table.ScrollContainer minWidth={560}>
              <Table striped data-testid="team-gaps">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{tt('gaps.competency')}</Table.Th>
                    <Table.Th>{tt('gaps.group')}</Table.Th>
                    <Table.Th ta="right">{tt('gaps.people')}</Table.Th>
                    <Table.Th ta="right">{tt('gaps.below')}</Table.Th>
                    <Table.Th ta="right">{tt('gaps.meanGap')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.gaps.map((g) => (
                    <Table.Tr key={g.competencyId}>
                      <Table.Td>
                        {g.code} — {loc(g.name, g.nameEn)}
                      </Table.Td>
                      <Table.Td>{loc(g.groupName, g.groupNameEn)}</Table.Td>
                      <Table.Td ta="right">{g.people}</Table.Td>
                      <Table.Td ta="right">{g.below}</Table.Td>
                      <Table.Td ta="right">{g.meanGap === null ? '—' : decimal(g.meanGap)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Stack>
  );
}
