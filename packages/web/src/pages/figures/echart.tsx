import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer, LegacyGridContainLabel]);

export interface EChartProps {
  kind: 'bar' | 'line';
  /** Category labels, in order. */
  labels: string[];
  values: number[];
  /** What the chart shows, read out in place of the picture; the table beside it has the numbers. */
  label: string;
  /** Horizontal bars, for long category names. */
  horizontal?: boolean;
  /** Called with the index of a bar or point clicked. */
  onSelect?: (index: number) => void;
}

const INK = '#0b0c0c';
const BLUE = '#1d70b8';

/**
 * One series, drawn in SVG with ECharts: dark blue on white with each value written on its bar,
 * so it reads the same in grey-scale or printed; the table beside it is the way to the numbers
 * for a screen reader or a keyboard.
 */
export default function EChart({ kind, labels, values, label, horizontal = false, onSelect }: EChartProps) {
  const clickable = onSelect !== undefined;
  const element = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    const categories = {
      type: 'category' as const,
      data: labels,
      axisLabel: { color: INK, interval: 0, hideOverlap: true },
      axisLine: { lineStyle: { color: INK } },
    };
    const numbers = { type: 'value' as const, minInterval: 1, axisLabel: { color: INK } };
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      grid: { left: horizontal ? 8 : 40, right: 40, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', confine: true },
      xAxis: horizontal ? numbers : categories,
      yAxis: horizontal ? { ...categories, inverse: true } : numbers,
      series: [
        {
          type: kind,
          data: values,
          itemStyle: { color: BLUE },
          lineStyle: { color: BLUE, width: 3 },
          symbol: 'circle',
          symbolSize: 8,
          cursor: clickable ? 'pointer' : 'default',
          label: { show: kind === 'bar' || labels.length <= 24, position: horizontal ? 'right' : 'top', color: INK },
        },
      ],
    });
    chart.on('click', (params) => {
      if (typeof params.dataIndex === 'number') select.current?.(params.dataIndex);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current!);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
    // Drawn again only when what it shows changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify([kind, labels, values, horizontal, clickable])]);

  const height = horizontal ? Math.max(160, labels.length * 32 + 40) : 280;
  return <div ref={element} className="app-echart" role="img" aria-label={label} style={{ height }} />;
}
