import { useMemo } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { intlLocale } from '../../i18n';
import { EChart } from './EChart';
import { tooltipHtml, type ChartOption } from './echarts';
import type { TrendPoint } from './needsApi';
import { cycleAxisLabels, formatGap, formatShare } from './needsView';
import { useNeedsText } from './useNeedsText';

/** Share meeting the profile (bars, left axis) and mean gap (line, right axis) per cycle, oldest first. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const { tn, language } = useNeedsText();
  const locale = intlLocale();

  const option = useMemo<ChartOption>(() => {
    const meeting = tn('trend.meetingShare');
    const gap = tn('trend.meanGap');
    return {
      aria: { enabled: true },
      animation: false,
      color: ['#228be6', '#e8590c'],
      legend: { top: 0, data: [meeting, gap] },
      grid: { top: 40, left: 8, right: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => String(value),
        formatter: (params: unknown) => {
          const items = params as Array<{ dataIndex: number }>;
          const point = points[items[0]?.dataIndex ?? -1];
          if (!point) return tooltipHtml([]);
          const name = language === 'en' && point.cycle.nameEn ? point.cycle.nameEn : point.cycle.name;
          return tooltipHtml([name, `${meeting}: ${formatShare(point.meetingShare, locale)}`, `${gap}: ${formatGap(point.meanGap, locale)}`]);
        },
      },
      xAxis: { type: 'category', data: cycleAxisLabels(points.map((p) => p.cycle.opensOn)) },
      yAxis: [
        { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatShare(v, locale) } },
        { type: 'value', min: 0, splitLine: { show: false }, axisLabel: { formatter: (v: number) => formatGap(v, locale) } },
      ],
      series: [
        { name: meeting, type: 'bar', barMaxWidth: 48, data: points.map((p) => p.meetingShare) },
        { name: gap, type: 'line', yAxisIndex: 1, symbolSize: 8, data: points.map((p) => p.meanGap) },
      ],
    };
  }, [points, tn, language, locale]);

  return (
    <Paper withBorder radius="md" p="md" className="needs-no-print" data-testid="needs-trend">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {tn('trend.title')}
        </Title>
        {points.length === 0 ? (
          <Text c="dimmed" size="sm">
            {tn('trend.empty')}
          </Text>
        ) : (
          <>
            {points.length === 1 && (
              <Text c="dimmed" size="sm">
                {tn('trend.single')}
              </Text>
            )}
            <EChart option={option} height={280} ariaLabel={tn('trend.title')} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
