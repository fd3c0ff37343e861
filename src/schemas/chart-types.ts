/** The chart kinds interns can ask for; `horizontalBar` is a bar chart on its side. */
export const CHART_TYPES = ['line', 'bar', 'horizontalBar', 'scatter'] as const;

export type ChartType = (typeof CHART_TYPES)[number];
