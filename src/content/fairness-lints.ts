import type { FairnessView } from '../fairness/view.ts';

/**
 * The authoring lints of a fairness breakdown (`responsible.fairness`): the
 * mistakes that build a page which says the wrong thing without an error. A
 * metric of errors left at the default goal makes the gap name the best
 * group as the worst; a file without counts cannot flag a group too small to
 * read, which then often shows as the worst.
 */

/** What a lint of the breakdown reports: the field it is about and the warning. */
export interface FairnessFinding {
  path: (string | number)[];
  message: string;
}

/**
 * Column names of metrics where lower is better: error and miss rates,
 * losses, calibration error. Whole words of the name only (`fpr`, not
 * `fprint`), so `recall` or `selection_rate` never match.
 */
const LOWER_IS_BETTER =
  /(?:^|[\s_.-])(?:false[\s_-]?(?:positive|negative|discovery|omission)[\s_-]?rate|fpr|fnr|fdr|miss[\s_-]?rate|error(?:[\s_-]?rate)?|err|loss|log[\s_-]?loss|mse|rmse|mae|mape|wape|brier(?:[\s_-]?score)?|ece)(?:$|[\s_.-])/i;

/** Whether a metric's column reads as one where lower is better. */
export function readsLowerIsBetter(column: string): boolean {
  return LOWER_IS_BETTER.test(column);
}

/**
 * The warnings for one breakdown: `metrics` as written in the frontmatter
 * (to tell a goal left out from `goal: higher` written on purpose) and the
 * view the check worked out, when the file could be read.
 */
export function fairnessFindings(
  written: readonly unknown[],
  view: FairnessView | undefined,
): FairnessFinding[] {
  const findings: FairnessFinding[] = [];
  written.forEach((metric, index) => {
    const { name, goal } =
      typeof metric === 'string'
        ? { name: metric, goal: undefined }
        : typeof metric === 'object' && metric !== null
          ? (metric as { name?: unknown; goal?: unknown })
          : {};
    if (typeof name !== 'string' || goal !== undefined || !readsLowerIsBetter(name)) return;
    findings.push({
      path: ['responsible', 'fairness', 'metrics', index],
      message: `"${name}" reads as a metric where lower is better, but without a goal it counts higher as better, so the gap would name the best group as the worst; write { name: ${name}, goal: lower } (or goal: higher if higher is better)`,
    });
  });
  if (view && view.groups.every((group) => group.count === undefined)) {
    findings.push({
      path: ['responsible', 'fairness', 'from'],
      message: `${view.source} has no count column, so a group with too few examples to read cannot be flagged, and may be named as the worst; add fairlearn's count to the MetricFrame's metrics (from fairlearn.metrics import count)`,
    });
  }
  return findings;
}
