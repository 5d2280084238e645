// Only the parts of ECharts the needs charts use, so the chunk stays small
// (the full `echarts` import is about three times the size). SVG renders crisp
// on paper and in screenshots.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, type BarSeriesOption, type HeatmapSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([HeatmapChart, BarChart, LineChart, GridComponent, TooltipComponent, VisualMapComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
  | HeatmapSeriesOption
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export { echarts };

/** Names go into tooltip HTML: escape them. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
