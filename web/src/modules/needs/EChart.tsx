import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

interface EChartProps {
  option: ChartOption;
  height: number;
  /** Read by screen readers in place of the drawing; the page also has a table of the same figures. */
  ariaLabel: string;
  onItemClick?: (params: { dataIndex: number; value: unknown; seriesIndex?: number }) => void;
  testId?: string;
}

/** An ECharts chart that follows its container's width and is disposed with the component. */
export function EChart({ option, height, ariaLabel, onItemClick, testId }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onItemClick) return;
    const handler = (params: unknown) => onItemClick(params as { dataIndex: number; value: unknown; seriesIndex?: number });
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onItemClick]);

  return <div ref={container} style={{ width: '100%', height }} role="img" aria-label={ariaLabel} data-testid={testId} />;
}
