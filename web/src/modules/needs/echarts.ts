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
import type { SafeHtml } from '../../ui/tooltipHtml';

echarts.use([HeatmapChart, BarChart, LineChart, GridComponent, TooltipComponent, VisualMapComponent, LegendComponent, AriaComponent, SVGRenderer]);

export { tooltipHtml } from '../../ui/tooltipHtml';

/** A tooltip formatter must answer SafeHtml (see ui/tooltipHtml.ts): a plain template string does not compile. */
type SafeTooltipOption = Omit<TooltipComponentOption, 'formatter'> & { formatter?: (params: unknown) => SafeHtml };

export type ChartOption = Omit<
  echarts.ComposeOption<
    | HeatmapSeriesOption
    | BarSeriesOption
    | LineSeriesOption
    | GridComponentOption
    | TooltipComponentOption
    | VisualMapComponentOption
    | LegendComponentOption
    | AriaComponentOption
  >,
  'tooltip'
> & { tooltip?: SafeTooltipOption };

export { echarts };
