import type { ChartProps, ConfusionMatrixProps } from '../schemas/components.ts';
import { builtChart } from '../processes/built-charts.ts';
import { checkedConfusion } from '../processes/confusion-views.ts';
import { loadChart, type ChartResult } from '../charts/source.ts';
import { loadConfusion, type ConfusionResult } from '../charts/confusion-source.ts';
import { caseStudyFile, contentDirOf } from './case-study-files.ts';
import type { CaseStudy } from './portfolio.ts';
import { siteLocale } from './ui.ts';

/**
 * What `<Chart>` and `<ConfusionMatrix>` show, for the components, which
 * read no file themselves. The content check has read every chart and matrix
 * written with static props, and handed them over (processes/checked-values.ts):
 * once in a build, after every save's re-check in `astro dev`. What it did
 * not see (props computed at render time, or a save the re-check has not
 * reached yet) is read from its file here.
 */

/** The chart for these props in this case study: the check's, or built now. */
export function chartFor(props: ChartProps, study: CaseStudy | undefined): ChartResult {
  const mdxFile = caseStudyFile(study);
  const checked = builtChart(mdxFile, props);
  return checked
    ? { ok: true, chart: checked }
    : loadChart(props, mdxFile, contentDirOf(mdxFile), study?.locale ?? siteLocale());
}

/** The confusion matrix for these props in this case study: the check's, or read now. */
export function confusionFor(
  props: ConfusionMatrixProps,
  study: CaseStudy | undefined,
): ConfusionResult {
  const mdxFile = caseStudyFile(study);
  const checked = checkedConfusion(mdxFile, props);
  return checked
    ? { ok: true, view: checked }
    : loadConfusion(props, mdxFile, contentDirOf(mdxFile));
}
