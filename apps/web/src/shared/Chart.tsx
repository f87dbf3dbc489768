import ReactEChartsCore from 'echarts-for-react/lib/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { useEffect, useState } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * ECharts with only the parts the pages draw, so the chart chunk stays small (pages load it with
 * React.lazy). The chart is drawn in the task after the page's first render, so the tables beside
 * it show without waiting for the canvas, and without animation: an office reads figures, and
 * the animation frames would compete with the rest of the page for a slow machine's time.
 */
export default function Chart({ option, height = 280, testId }: { option: EChartsOption; height?: number; testId?: string }) {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setDrawn(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div data-testid={testId} style={{ minHeight: height }}>
      {drawn && <ReactEChartsCore echarts={echarts} option={{ animation: false, ...option }} notMerge style={{ height, width: '100%' }} />}
    </div>
  );
}
