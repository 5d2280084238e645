import { Alert, Badge, Button, Card, Group, NativeSelect, Progress, SimpleGrid, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatNumber } from '../../format/format';
import { QueryError } from '../../ui/QueryError';
import { assessmentApi, assessmentKeys, loc, reportPdfUrl, type PersonReport } from './assessmentApi';
import { RadarChart } from './RadarChart';

const fmt = (n: number | null) => formatNumber(n, currentLanguage());

/** A person's consolidated profile: radar (required vs assessed), gaps, sources, PDF. */
export function ProfileReport({ personId, mine }: { personId: string; mine?: boolean }) {
  const { t } = useTranslation();
  const [cycleId, setCycleId] = useState<string | undefined>();
  const report = useQuery({
    queryKey: assessmentKeys.report(personId, cycleId),
    queryFn: () => (mine ? assessmentApi.myReport(cycleId) : assessmentApi.personReport(personId, cycleId)),
  });
  if (report.error) return <QueryError error={report.error} onRetry={report.refetch} />;
  if (!report.data) return <Skeleton h={400} />;
  const r = report.data;
  if (!r.cycle)
    return (
      <Text c="dimmed" data-testid="report-empty">
        {t('assessment.noResults')}
      </Text>
    );
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Text fw={600}>{r.person.fullName}</Text>
          <Text size="sm" c="dimmed">
            {r.person.agencyName}
            {r.person.position ? ` · ${loc(r.person.position.title, r.person.position.titleEn)}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <NativeSelect
            value={r.cycle.id}
            onChange={(e) => setCycleId(e.currentTarget.value)}
            data={r.cycles.map((c) => ({ value: c.id, label: loc(c.name, c.nameEn) }))}
            aria-label={t('assessment.cycle')}
          />
          <Button
            component="a"
            href={reportPdfUrl(r.person.id, r.cycle.id)}
            target="_blank"
            rel="noopener"
            leftSection={<IconFileTypePdf size={16} />}
            variant="light"
            data-testid="report-pdf"
          >
            {t('assessment.printPdf')}
          </Button>
        </Group>
      </Group>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('assessment.profile')}
        </Title>
        <ProfileRadar report={r} />
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          {t('assessment.gaps')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="gap-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.competency')}</Table.Th>
                <Table.Th ta="center">{t('assessment.requiredShort')}</Table.Th>
                <Table.Th ta="center">{t('assessment.assessed')}</Table.Th>
                <Table.Th ta="center">{t('assessment.gap')}</Table.Th>
                <Table.Th>{t('assessment.sourcesTitle')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.competencies.map((c) => (
                <Table.Tr key={c.competencyId} data-testid="gap-row">
                  <Table.Td>
                    <Text size="sm">{loc(c.name, c.nameEn)}</Text>
                    {c.flag && (
                      <Badge size="xs" color={c.flag === 'blind_spot' ? 'orange' : 'teal'} data-testid="gap-flag">
                        {t(`assessment.flags.${c.flag}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="center">{c.requiredLevel ?? '—'}</Table.Td>
                  <Table.Td ta="center">{fmt(c.assessedLevel)}</Table.Td>
                  <Table.Td ta="center">
                    {c.gap === null ? (
                      '—'
                    ) : c.gap > 0 ? (
                      <Badge color="red" variant="light">
                        {fmt(c.gap)}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light">
                        {t('assessment.met')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.sources.map((s) => (
                        <Tooltip key={s.source} label={t('assessment.raters', { count: s.raters })}>
                          <Badge size="sm" variant="outline">
                            {t(`assessment.sources.${s.source}`)} {fmt(s.level)}
                          </Badge>
                        </Tooltip>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Alert mt="sm" color="gray" variant="light">
          {t('assessment.anonymityNote')}
        </Alert>
      </Card>
      <HistoryTable report={r} />
    </Stack>
  );
}

/** A radar needs three axes to draw an area; a group with fewer is shown as bars. */
const MIN_RADAR_AXES = 3;

/**
 * Required vs assessed, one small chart per competency group (issue 18, item 11): one radar of 30 axes
 * was unreadable anywhere and clipped on a phone; five to eight axes a chart keep every name legible.
 */
function ProfileRadar({ report }: { report: PersonReport }) {
  const { t } = useTranslation();
  const max = Math.max(5, ...report.competencies.map((c) => Math.ceil(Math.max(c.requiredLevel ?? 0, c.assessedLevel))));
  const groups = useMemo(() => {
    const byGroup = new Map<string, { name: string; competencies: PersonReport['competencies'] }>();
    for (const c of report.competencies) {
      const name = loc(c.groupName, c.groupNameEn);
      const group = byGroup.get(name) ?? { name, competencies: [] };
      group.competencies.push(c);
      byGroup.set(name, group);
    }
    return [...byGroup.values()];
  }, [report]);
  const series = (competencies: PersonReport['competencies']) => [
    { name: t('assessment.requiredShort'), values: competencies.map((c) => c.requiredLevel), color: '#868e96' },
    { name: t('assessment.assessed'), values: competencies.map((c) => c.assessedLevel), color: '#1c7ed6' },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: groups.length > 1 ? 2 : 1 }} spacing="lg" data-testid="profile-groups">
      {groups.map((g) => (
        <Stack key={g.name} gap={4} data-testid="profile-group">
          <Text fw={600} size="sm">
            {g.name}
          </Text>
          {g.competencies.length >= MIN_RADAR_AXES ? (
            <RadarChart
              axes={g.competencies.map((c) => loc(c.name, c.nameEn))}
              max={max}
              series={series(g.competencies)}
              height={320}
              label={t('assessment.groupChart', { group: g.name })}
            />
          ) : (
            <GroupBars competencies={g.competencies} max={max} />
          )}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** Required and assessed level as two labelled bars per competency. */
function GroupBars({ competencies, max }: { competencies: PersonReport['competencies']; max: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {competencies.map((c) => {
        const name = loc(c.name, c.nameEn);
        return (
          <Stack key={c.competencyId} gap={2}>
            <Text size="sm">{name}</Text>
            <Progress
              value={((c.requiredLevel ?? 0) / max) * 100}
              color="gray"
              aria-label={`${name}: ${t('assessment.requiredShort')} ${c.requiredLevel ?? '—'}`}
            />
            <Progress value={(c.assessedLevel / max) * 100} color="blue" aria-label={`${name}: ${t('assessment.assessed')} ${fmt(c.assessedLevel)}`} />
          </Stack>
        );
      })}
    </Stack>
  );
}

/** The same competencies across cycles (matched by code, so a new framework version still lines up). */
function HistoryTable({ report }: { report: PersonReport }) {
  const { t } = useTranslation();
  const cycles = [...new Map(report.history.map((h) => [h.cycleId, { id: h.cycleId, name: h.cycleName, closesOn: h.closesOn }])).values()].sort((a, b) =>
    a.closesOn.localeCompare(b.closesOn),
  );
  if (cycles.length < 2) return null;
  const level = (cycleId: string, code: string) => report.history.find((h) => h.cycleId === cycleId && h.code === code)?.assessedLevel ?? null;
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('assessment.history')}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table striped data-testid="history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assessment.competency')}</Table.Th>
              {cycles.map((c) => (
                <Table.Th key={c.id} ta="center">
                  {c.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.competencies.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>{loc(c.name, c.nameEn)}</Table.Td>
                {cycles.map((cy) => (
                  <Table.Td key={cy.id} ta="center">
                    {fmt(level(cy.id, c.code))}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
