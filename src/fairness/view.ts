import type { BuiltChart } from '../charts/data.ts';

/**
 * What the "Responsible ML" section and the model card show of a fairness
 * file: the metrics the frontmatter names, per group, with the largest gap
 * between groups and the groups too small to read. Worked out once by the
 * content check (fairness/resolve.ts) and handed to the pages
 * (processes/fairness-views.ts); plain data, so it crosses processes.
 */
export interface FairnessView {
  /** What the groups are, as the frontmatter says: "issuing region". */
  attribute: string;
  /** The file as the frontmatter writes it: `./fairness_by_group.csv`. */
  source: string;
  /** The metrics shown, in the frontmatter's order. */
  metrics: FairnessMetricView[];
  /** The groups shown, in the file's order (or the frontmatter's `groups:`). */
  groups: FairnessGroupView[];
  /** A group with fewer examples than this is flagged too small to read: 30. */
  minGroupSize: number;
  /** The bar chart of every metric by group, through the chart pipeline (table without JavaScript). */
  chart: BuiltChart;
}

/** One metric across the groups. */
export interface FairnessMetricView {
  /** Its column in the file: `false_positive_rate`. */
  column: string;
  /** What the page calls it: the frontmatter's `label`, or the column made readable ("false positive rate"). */
  label: string;
  goal: 'higher' | 'lower';
  /**
   * The largest gap between groups large enough to read: the worst group
   * (lowest for `higher`, highest for `lower`) against the best. Undefined
   * when fewer than two such groups have a value.
   */
  gap?: FairnessGap;
}

export interface FairnessGap {
  /** The best value minus the worst, always >= 0, in the metric's unit. */
  difference: number;
  /**
   * The smaller of the two values over the larger (fairlearn's `ratio()`):
   * worst over best for `higher`, best over worst for `lower`. Undefined
   * when a value is negative or both are 0, where a ratio means nothing.
   */
  ratio?: number;
  worst: { group: string; value: number };
  best: { group: string; value: number };
}

/** One group's row. */
export interface FairnessGroupView {
  /** The group's name as the file writes it: "abroad". */
  name: string;
  /** Its number of examples, from the file's `count` column, when it has one. */
  count?: number;
  /** Fewer than `minGroupSize` examples: shown, flagged, and left out of the gaps. */
  small: boolean;
  /** One value per metric, in the metrics' order; null where the file's cell is empty or NaN. */
  values: (number | null)[];
}
