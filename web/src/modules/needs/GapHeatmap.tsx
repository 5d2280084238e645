import { useCallback, useMemo } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { intlLocale } from '../../i18n';
import { EChart } from './EChart';
import { tooltipHtml, type ChartOption } from './echarts';
import type { Breakdown, BreakdownRow } from './needsApi';
import { formatCount, formatGap, formatShare, GAP_COLOURS, gapColour, textOn } from './needsView';
import { useNeedsText } from './useNeedsText';

interface GapHeatmapProps {
  breakdown: Breakdown;
  labelOf: (row: BreakdownRow) => string;
  scaleMax: number;
  onRowClick: (row: BreakdownRow) => void;
}

/** Rows × competency (groups), coloured by mean gap; the table below holds the same figures. */
export function GapHeatmap({ breakdown, labelOf, scaleMax, onRowClick }: GapHeatmapProps) {
  const { tn, pick } = useNeedsText();
  const phone = useMediaQuery('(max-width: 48em)');
  const locale = intlLocale();
  const { rows, columns } = breakdown;
  const manyColumns = columns.length > 8;

  const option = useMemo<ChartOption>(() => {
    const data = rows.flatMap((row, y) =>
      columns.flatMap((column, x) => {
        const cell = row.cells[column.key];
        if (!cell) return [];
        const colour = gapColour(cell.meanGap, scaleMax);
        return [{ value: [x, y, cell.meanGap], label: { color: textOn(colour) } }];
      }),
    );
    return {
      aria: { enabled: true },
      animation: false,
      grid: { top: 8, left: 8, right: 8, bottom: 56, containLabel: true },
      tooltip: {
        confine: true,
        formatter: (params: unknown) => {
          const [x, y] = (params as { value: [number, number, number] }).value;
          const row = rows[y];
          const column = columns[x];
          const cell = row && column ? row.cells[column.key] : undefined;
          if (!row || !column || !cell) return tooltipHtml([]);
          return tooltipHtml([
            { strong: labelOf(row) },
            `${column.code} · ${pick(column.name)}`,
            tn('heatmap.tooltipGap', { value: formatGap(cell.meanGap, locale) }),
            tn('heatmap.tooltipShare', { value: formatShare(cell.needShare, locale) }),
            tn('heatmap.tooltipAssessments', { value: formatCount(cell.people, locale) }),
          ]);
        },
      },
      xAxis: {
        type: 'category',
        data: columns.map((c) => c.code),
        position: 'top',
        splitArea: { show: false },
        axisTick: { show: false },
        axisLabel: { interval: 0, rotate: manyColumns ? 90 : 0, fontSize: 11 },
      },
      yAxis: {
        type: 'category',
        data: rows.map(labelOf),
        inverse: true,
        axisTick: { show: false },
        axisLabel: { width: phone ? 110 : 240, overflow: 'truncate', fontSize: 12 },
      },
      visualMap: {
        min: 0,
        max: scaleMax,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemHeight: phone ? 160 : 240,
        text: [tn('heatmap.legendHigh'), tn('heatmap.legendLow')],
        inRange: { color: [...GAP_COLOURS] },
        formatter: (value: unknown) => formatGap(Number(value), locale),
      },
      series: [
        {
          type: 'heatmap',
          data,
          cursor: 'pointer',
          label: { show: !manyColumns && !phone, formatter: (p: unknown) => formatGap((p as { value: number[] }).value[2] ?? 0, locale), fontSize: 12 },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          emphasis: { itemStyle: { borderColor: '#1c7ed6', borderWidth: 2 } },
        },
      ],
    };
  }, [rows, columns, scaleMax, labelOf, phone, manyColumns, pick, tn, locale]);

  const onItemClick = useCallback(
    (params: { value: unknown }) => {
      const y = Array.isArray(params.value) ? Number(params.value[1]) : -1;
      const row = rows[y];
      if (row) onRowClick(row);
    },
    [rows, onRowClick],
  );

  const height = Math.max(160, rows.length * (phone ? 34 : 40) + (manyColumns ? 120 : 90));
  return (
    <Paper withBorder radius="md" p="md" className="needs-no-print">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {tn('heatmap.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {tn('heatmap.hint')}
        </Text>
        <EChart option={option} height={height} ariaLabel={tn('heatmap.title')} onItemClick={onItemClick} testId="needs-heatmap" />
      </Stack>
    </Paper>
  );
}
