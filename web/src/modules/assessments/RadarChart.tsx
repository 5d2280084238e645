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
export function RadarChart({
  axes,
  max,
  series,
  height = 360,
  label,
}: {
  axes: string[];
  max: number;
  series: RadarSeriesData[];
  height?: number;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const element = ref.current;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    // Labels sit outside the polygon: on a phone (a 340 px card) a smaller polygon and narrower, wrapped
    // labels keep the names inside the canvas instead of cut at its edges.
    const draw = () => {
      const width = element.clientWidth || 600;
      const narrow = width < 480;
      chart.setOption({
        // Competency names are typed by users: the tooltip is built from escaped parts like every chart's.
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (params: unknown) => {
            const { name, value } = params as { name: string; value: number[] };
            return tooltipHtml([{ strong: name }, ...axes.map((axis, i) => `${axis}: ${value[i] ?? ''}`)]);
          },
        },
        legend: { bottom: 0, data: series.map((s) => s.name) },
        radar: {
          radius: narrow ? '48%' : '58%',
          center: ['50%', '48%'],
          indicator: axes.map((name) => ({ name, max, min: 0 })),
          // Long Vietnamese names wrap instead of running off a phone's screen.
          axisName: { color: '#343a40', fontSize: narrow ? 10 : 11, width: Math.max(56, Math.min(120, Math.round(width * 0.2))), overflow: 'break' },
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
    };
    draw();
    // The card's width, not the window's, decides the layout (a grid of charts narrows each one).
    const observer = new ResizeObserver(() => {
      chart.resize();
      draw();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [axes, max, series]);
  return <div ref={ref} style={{ width: '100%', height }} {...(label ? { role: 'img', 'aria-label': label } : {})} data-testid="radar-chart" />;
}
