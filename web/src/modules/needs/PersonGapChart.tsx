import { useMemo } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { intlLocale } from '../../i18n';
import { EChart } from './EChart';
import { tooltipHtml, type ChartOption } from './echarts';
import type { PersonGap } from './needsApi';
import { formatGap, formatLevel } from './needsView';
import { useNeedsText } from './useNeedsText';

/** Required against assessed level per competency, in framework order, one pair of bars a competency. */
export function PersonGapChart({ gaps }: { gaps: PersonGap[] }) {
  const { tn, pick } = useNeedsText();
  const phone = useMediaQuery('(max-width: 48em)');
  const locale = intlLocale();

  const option = useMemo<ChartOption>(() => {
    const required = tn('person.required');
    const assessed = tn('person.assessed');
    const label = (g: PersonGap) => (g.competency ? `${g.competency.code} ${pick(g.competency.name)}` : tn('person.unknownCompetency'));
    const top = Math.max(5, ...gaps.map((g) => Math.ceil(Math.max(g.requiredLevel, g.assessedLevel))));
    return {
      aria: { enabled: true },
      animation: false,
      color: ['#adb5bd', '#228be6'],
      legend: { top: 0, data: [required, assessed] },
      grid: { top: 36, left: 8, right: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params: unknown) => {
          const gap = gaps[(params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? -1];
          if (!gap) return tooltipHtml([]);
          return tooltipHtml([
            { strong: label(gap) },
            `${required}: ${formatLevel(gap.requiredLevel, locale)}`,
            `${assessed}: ${formatLevel(gap.assessedLevel, locale)}`,
            `${tn('person.gap')}: ${formatGap(gap.gap, locale)}`,
          ]);
        },
      },
      xAxis: { type: 'value', min: 0, max: top, interval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: gaps.map((g) => (phone ? (g.competency?.code ?? '?') : label(g))),
        axisTick: { show: false },
        axisLabel: { width: phone ? 60 : 260, overflow: 'truncate' },
      },
      series: [
        { name: required, type: 'bar', barGap: '10%', data: gaps.map((g) => g.requiredLevel) },
        {
          name: assessed,
          type: 'bar',
          // A competency below its requirement is drawn in the heatmap's warning colour.
          data: gaps.map((g) => ({ value: g.assessedLevel, itemStyle: g.isNeed ? { color: '#e8590c' } : undefined })),
        },
      ],
    };
  }, [gaps, phone, pick, tn, locale]);

  return <EChart option={option} height={Math.max(220, gaps.length * 44 + 60)} ariaLabel={tn('person.chartTitle')} testId="needs-person-chart" />;
}
