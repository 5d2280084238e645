import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { RadarChart as RadarSeries } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { tooltipHtml } from '../../ui/tooltipHtml';

echarts.use([RadarSeries, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface RadarSeriesData {
  name: string;
  values: Array<number | null>;
  color: string;
}

/** Required vs assessed levels on one radar (ECharts, only the parts we use are bundled). */
export function RadarChart({ axes, max, series, height = 360 }: { axes: string[]; max: number; series: RadarSeriesData[]; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      // Competency names are typed by users: the tooltip is built from escaped parts like every chart's.
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const { name, value } = params as { name: string; value: number[] };
          return tooltipHtml([{ strong: name }, ...axes.map((axis, i) => `${axis}: ${value[i] ?? ''}`)]);
        },
      },
      legend: { bottom: 0, data: series.map((s) => s.name) },
      radar: {
        radius: '58%',
        indicator: axes.map((name) => ({ name, max, min: 0 })),
        // Long Vietnamese names wrap instead of running off a phone's screen.
        axisName: { color: '#444', fontSize: 11, width: 90, overflow: 'break' },
        splitNumber: max,
      },
      series: [
        {
          type: 'radar',
          data: series.map((s) => ({
            name: s.name,
            value: s.values.map((v) => v ?? 0),
            lineStyle: { color: s.color },
            itemStyle: { color: s.color },
            areaStyle: { color: s.color, opacity: 0.12 },
          })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [axes, max, series]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid="radar-chart" />;
}
