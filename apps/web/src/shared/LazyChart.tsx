import type { EChartsOption } from 'echarts';
import { lazy, Suspense } from 'react';

const EChart = lazy(() => import('./Chart'));

/** The chart library loads beside the page, not before it: the page's tables show while it comes. */
export function Chart(props: { option: EChartsOption; height?: number; testId?: string }) {
  return (
    <Suspense fallback={<div data-testid={props.testId} style={{ minHeight: props.height ?? 280 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
