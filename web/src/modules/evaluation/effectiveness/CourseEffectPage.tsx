import { useMemo } from 'react';
import { Anchor, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import i18n from '../../../i18n';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { EChart } from '../../needs/EChart';
import { tooltipHtml, type ChartOption } from '../../needs/echarts';
import { effectivenessApi, effectivenessKeys, type CourseEffect } from './effectivenessApi';
import { registerEffectivenessMessages } from './effectiveness.i18n';
import { useEffectivenessText } from './effectivenessText';
import { VerdictBadge } from './EffectivenessTab';

registerEffectivenessMessages(i18n);
const MIN_GROUP = 5;

function BeforeAfterChart({ overall }: { overall: CourseEffect['overall'] }) {
  const { te, levels } = useEffectivenessText();
  const option = useMemo<ChartOption>(() => {
    const trained = te('course.trained');
    const comparison = te('course.comparison');
    const labels = [te('course.before'), te('course.after')];
    return {
      aria: { enabled: true },
      animation: false,
      color: ['#1864ab', '#868e96'],
      legend: { top: 0, data: [trained, comparison] },
      grid: { top: 40, left: 8, right: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const items = params as Array<{ dataIndex: number }>;
          const i = items[0]?.dataIndex ?? 0;
          const pick = (g: { before: number | null; after: number | null }) => (i === 0 ? g.before : g.after);
          return tooltipHtml([
            labels[i] ?? '',
            `${trained}: ${levels(pick(overall.treated), false)}`,
            `${comparison}: ${levels(pick(overall.comparison), false)}`,
          ]);
        },
      },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', min: 1, max: 5, interval: 1 },
      series: [
        { name: trained, type: 'line', symbolSize: 10, data: [overall.treated.before, overall.treated.after] },
        { name: comparison, type: 'line', symbolSize: 10, lineStyle: { type: 'dashed' }, data: [overall.comparison.before, overall.comparison.after] },
      ],
    };
  }, [overall, te, levels]);
  return <EChart option={option} height={260} ariaLabel={te('course.plotTitle')} testId="effect-before-after" />;
}

/** One course's effect: the statement, the before/after plot, per competency; the institution's PDF report. */
export function CourseEffectPage() {
  const { courseId = '' } = useParams();
  const { te, levels, language } = useEffectivenessText();
  const detail = useQuery({ queryKey: effectivenessKeys.course(courseId), queryFn: ({ signal }) => effectivenessApi.course(courseId, signal) });
  const data = detail.data;
  const statement = (e: CourseEffect['overall']) =>
    e.verdict === 'too_small'
      ? te('course.statementSmall', { treatedN: e.treatedN, comparisonN: e.comparisonN, min: MIN_GROUP })
      : te('course.statement', {
          treated: levels(e.treatedChange),
          comparison: levels(e.comparisonChange),
          effect: levels(e.effect),
          low: levels(e.low),
          high: levels(e.high),
        });
  return (
    <>
      <Anchor component={Link} to="/evaluation/effectiveness" size="sm">
        {te('back')}
      </Anchor>
      {detail.error && <QueryError error={detail.error} onRetry={detail.refetch} />}
      {detail.isPending && <Skeleton h={320} radius="md" />}
      {data && (
        <>
          <PageHeader
            title={language === 'en' ? data.course.titleEn : data.course.title}
            subtitle={`${data.course.code} · ${data.course.institutionName}`}
            actions={
              <Button
                component="a"
                variant="default"
                href={`/api/evaluation/effectiveness/courses/${courseId}/report.pdf?language=${i18n.language === 'en' ? 'en' : 'vi'}`}
                data-testid="effect-course-pdf"
              >
                {te('course.report')}
              </Button>
            }
          />
          <Stack gap="md" data-testid="effect-course">
            <Paper withBorder radius="md" p="md">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Title order={3} size="h4">
                    {te('course.overall')}
                  </Title>
                  <VerdictBadge verdict={data.overall.verdict} min={MIN_GROUP} />
                </Group>
                <Text size="sm">{statement(data.overall)}</Text>
                <BeforeAfterChart overall={data.overall} />
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={3} size="h4" mb="xs">
                {te('course.byCompetency')}
              </Title>
              {/* Six columns: on a phone the table scrolls in its own box, not the page. */}
              <Table.ScrollContainer minWidth={560}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{te('dimensions.competency')}</Table.Th>
                      <Table.Th ta="right">{te('columns.effect')}</Table.Th>
                      <Table.Th>{te('columns.interval')}</Table.Th>
                      <Table.Th ta="right">{te('columns.trained')}</Table.Th>
                      <Table.Th ta="right">{te('columns.comparison')}</Table.Th>
                      <Table.Th>{te('columns.verdict')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.byCompetency.map((r) => (
                      <Table.Tr key={r.key}>
                        <Table.Td>{language === 'en' ? r.labelEn : r.label}</Table.Td>
                        <Table.Td ta="right">{levels(r.effect)}</Table.Td>
                        <Table.Td>{r.low === null ? '—' : `[${levels(r.low)}; ${levels(r.high)}]`}</Table.Td>
                        <Table.Td ta="right">{r.treatedN}</Table.Td>
                        <Table.Td ta="right">{r.comparisonN}</Table.Td>
                        <Table.Td>
                          <VerdictBadge verdict={r.verdict} min={MIN_GROUP} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </Stack>
        </>
      )}
    </>
  );
}
