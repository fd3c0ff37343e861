import type { ComponentName } from '../../schemas/components.ts';
import Callout from './Callout.astro';
import Chart from './Chart.astro';
import ConfusionMatrix from './ConfusionMatrix.astro';
import Figure from './Figure.astro';
import Metric from './Metric.astro';
import MetricsChart from './MetricsChart.astro';
import Notebook from './Notebook.astro';

/**
 * What interns can use in MDX without an import statement. Typed against the
 * props schemas so a component cannot be added here without its checks.
 * Only components: MDX is compiled with `optimize` (integration.ts), which
 * renders plain HTML elements as static strings, past any replacement for them.
 */
export const mdxComponents = {
  Callout,
  Chart,
  ConfusionMatrix,
  Figure,
  Metric,
  MetricsChart,
  Notebook,
} satisfies Record<ComponentName, unknown>;
