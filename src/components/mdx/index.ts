import Callout from './Callout.astro';
import Metric from './Metric.astro';

/** What interns can use in MDX without an import statement. */
export const mdxComponents = { Callout, Metric };
