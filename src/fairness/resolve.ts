import { buildChart, type BuiltChart } from '../charts/data.ts';
import { roundForDisplay } from '../artifacts/lookup.ts';
import type { DataTable, Cell } from '../artifacts/data-table.ts';
import type { ChartProps } from '../schemas/components.ts';
import { MAX_FAIRNESS_GROUPS, type FairnessData } from '../schemas/responsible.ts';
import { bidiControlText, unshowableText } from '../schemas/characters.ts';
import { describeValue } from '../problems/describe-value.ts';
import { didYouMean } from '../problems/did-you-mean.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import type { GroupRow, GroupTable } from './by-group.ts';
import type { FairnessGap, FairnessGroupView, FairnessMetricView, FairnessView } from './view.ts';

/**
 * From a fairness file's table and the frontmatter to what the page shows:
 * the metrics named, per group, with the largest gap between groups large
 * enough to read, and the bar chart. Pure; every mismatch between the
 * frontmatter and the file is a problem on the field to fix.
 */

/** Fewer examples than this and a group is flagged too small to read, and left out of the gaps. */
const MIN_GROUP_SIZE = 30;

/** A problem with `responsible.fairness`: the field under it (`metrics[1]`, `groups[0]`, `from`) and the message. */
export interface FairnessProblem {
  path: (string | number)[];
  message: string;
}

export type FairnessResolution =
  { ok: true; view: FairnessView } | { ok: false; problems: FairnessProblem[] };

/** A metric as the frontmatter names it, wherever it was written. */
interface NamedMetric {
  column: string;
  goal: 'higher' | 'lower';
  label?: string | undefined;
  /** Its field: `metrics[1]`, or `metrics[1].name` when written as an object. */
  path: (string | number)[];
}

function namedMetrics(fairness: FairnessData): NamedMetric[] {
  return fairness.metrics.map((metric, index) =>
    typeof metric === 'string'
      ? { column: metric, goal: 'higher', path: ['metrics', index] }
      : {
          column: metric.name,
          goal: metric.goal,
          label: metric.label,
          path: ['metrics', index, 'name'],
        },
  );
}

/**
 * A column's name as a reader says it: `false_positive_rate` is "false
 * positive rate", `selectionRate` "selection rate"; `AUC` stays "AUC".
 */
export function readableColumn(column: string): string {
  const spaced = column
    .replace(
      /([a-z0-9])([A-Z])(?=[a-z])/g,
      (_, before: string, upper: string) => `${before} ${upper.toLowerCase()}`,
    )
    .replace(/[_\s-]+/g, ' ')
    .trim();
  return spaced === '' ? column : spaced;
}

/** Names as a message lists them: `"recall", "count"`, at most `limit` of them. */
function listed(names: readonly string[], limit = 12): string {
  const shown = names.slice(0, limit).map((name) => describeValue(name));
  return `${shown.join(', ')}${names.length > limit ? `, and ${names.length - limit} more` : ''}`;
}

/** ` did you mean "recall"?` when a known name is close to the one written. */
function suggestion(written: string, known: readonly string[]): string {
  const near = didYouMean(written, known);
  return near === undefined ? '' : `did you mean ${describeValue(near)}? `;
}

/**
 * A group named by a number: a file saved with `to_csv(index=False)` has
 * lost its groups, and its first metric column is read as them.
 */
function numberNamed(row: GroupRow): boolean {
  return row.group.trim() !== '' && Number.isFinite(Number(row.group));
}

/** The count column: `count`, in any case (fairlearn's `count` metric). */
function countColumn(columns: readonly string[]): number {
  const exact = columns.indexOf('count');
  return exact !== -1 ? exact : columns.findIndex((column) => column.toLowerCase() === 'count');
}

/**
 * The largest gap of one metric between groups: the worst value (lowest
 * for `higher`, highest for `lower`) against the best, over the groups
 * given, which have a value and are large enough to read. Ties go to the
 * group first in the table; the best is another group than the worst
 * whenever two groups are compared, so equal values read as a gap of 0
 * between two groups. Undefined with fewer than two groups.
 */
export function largestGap(
  values: readonly { group: string; value: number }[],
  goal: 'higher' | 'lower',
): FairnessGap | undefined {
  if (values.length < 2) return undefined;
  const better = (a: number, b: number) => (goal === 'higher' ? a > b : a < b);
  let worst = values[0]!;
  for (const entry of values) if (better(worst.value, entry.value)) worst = entry;
  let best: { group: string; value: number } | undefined;
  for (const entry of values) {
    if (entry === worst) continue;
    if (best === undefined || better(entry.value, best.value)) best = entry;
  }
  if (best === undefined) return undefined;
  const low = Math.min(worst.value, best.value);
  const high = Math.max(worst.value, best.value);
  // fairlearn's ratio(): the smaller over the larger, meaningful for rates and scores of one sign.
  const ratio = low >= 0 && high > 0 ? low / high : undefined;
  return {
    // 0.81 - 0.66 is 0.15000000000000002 in floating point: twelve digits are more than any metric holds.
    difference: Number(Math.abs(best.value - worst.value).toPrecision(12)),
    ...(ratio === undefined ? {} : { ratio }),
    worst: { group: worst.group, value: worst.value },
    best: { group: best.group, value: best.value },
  };
}

/** The longest group name a page shows, as `groups:` allows it to be written. */
const MAX_GROUP_NAME = 80;

/**
 * Why a group's name from the file cannot be shown: one a page cannot show,
 * one that reads in another order than it is written, or one too long for a
 * table cell, as the frontmatter's own names are held to.
 */
function groupNameProblem(name: string): string | undefined {
  const why = unshowableText(name) ?? bidiControlText(name);
  if (why) return `group ${describeValue(name)}: ${why}`;
  const length = Array.from(name).length;
  return length > MAX_GROUP_NAME
    ? `group ${describeValue(name)} is ${length} characters long; shorten it to at most ${MAX_GROUP_NAME}`
    : undefined;
}

/** The rows to show: every row, or the frontmatter's `groups:` in its order; problems for names not in the file. */
function chosenRows(
  fairness: FairnessData,
  rows: readonly GroupRow[],
  problems: FairnessProblem[],
): GroupRow[] {
  const names = rows.map((row) => row.group);
  const seen = new Map<string, GroupRow>();
  // The first repeat is the one problem: a file of thousands of rows of one
  // group would otherwise print thousands of lines.
  let repeat: { first: GroupRow; again: GroupRow } | undefined;
  for (const row of rows) {
    const first = seen.get(row.group);
    if (!first) seen.set(row.group, row);
    else repeat ??= { first, again: row };
  }
  if (repeat) {
    problems.push({
      path: ['from'],
      message: `${fairness.from}: group ${describeValue(repeat.again.group)} is in ${repeat.first.place} and in ${repeat.again.place}; each group is one row`,
    });
  }
  if (fairness.groups === undefined) {
    if (seen.size > MAX_FAIRNESS_GROUPS) {
      problems.push({
        path: ['from'],
        message: `${fairness.from} holds ${seen.size} groups, more than the ${MAX_FAIRNESS_GROUPS} a breakdown shows; list the ones to show under groups (groups there: ${listed([...seen.keys()])})`,
      });
      return [];
    }
    return named([...seen.values()], fairness.from, problems);
  }
  const chosen: GroupRow[] = [];
  const asked = new Set<string>();
  fairness.groups.forEach((name, index) => {
    if (asked.has(name)) {
      problems.push({ path: ['groups', index], message: `${describeValue(name)} is listed twice` });
      return;
    }
    asked.add(name);
    const row = seen.get(name);
    if (row) chosen.push(row);
    else {
      problems.push({
        path: ['groups', index],
        message: `no group ${describeValue(name)} in ${fairness.from} (${suggestion(name, names)}groups there: ${listed(names)})`,
      });
    }
  });
  return named(chosen, fairness.from, problems);
}

/** The rows, with a problem for each whose name cannot be shown. */
function named(rows: GroupRow[], source: string, problems: FairnessProblem[]): GroupRow[] {
  for (const row of rows) {
    const problem = groupNameProblem(row.group);
    if (problem) problems.push({ path: ['from'], message: `${source}: ${row.place}: ${problem}` });
  }
  return rows;
}

/**
 * The value of a number cell as the page shows it, null for a missing or
 * non-finite one; a problem for text. Four significant digits, as a metric
 * read from a file shows (fairlearn writes 0.9090909090909091): the gaps are
 * worked out from the numbers the reader sees, so they add up on the page.
 */
function numberCell(cell: Cell | undefined): number | null | { text: string } {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return { text: cell };
  return Number.isFinite(cell) ? roundForDisplay(cell) : null;
}

/**
 * The view of a fairness breakdown: the metrics the frontmatter names, per
 * group, their gaps and the bar chart; or every problem that stops it
 * (columns and groups not in the file, with those that are; a cell of a
 * shown column that is no number; fewer than two groups; a count that is not
 * a whole number of examples).
 */
export function resolveFairness(
  fairness: FairnessData,
  table: GroupTable,
  locale: Locale = DEFAULT_LOCALE,
): FairnessResolution {
  const problems: FairnessProblem[] = [];
  const source = fairness.from;
  const metrics = namedMetrics(fairness);

  const columnIndex = new Map<NamedMetric, number>();
  const shown = new Map<string, NamedMetric>();
  for (const metric of metrics) {
    const earlier = shown.get(metric.column);
    if (earlier) {
      problems.push({
        path: metric.path,
        message: `${describeValue(metric.column)} is listed twice (also metrics[${earlier.path[1]}])`,
      });
      continue;
    }
    shown.set(metric.column, metric);
    const index = table.columns.indexOf(metric.column);
    if (index !== -1) {
      columnIndex.set(metric, index);
      continue;
    }
    const message = table.groupColumns.includes(metric.column)
      ? metric.column === table.groupColumns[0] && table.rows.every(numberNamed)
        ? `column ${describeValue(metric.column)} of ${source} is read as the group names, as the first column is, but holds numbers: save by_group.to_csv() without index=False, so the groups come first (metric columns: ${listed(table.columns)})`
        : `column ${describeValue(metric.column)} of ${source} names the groups, not a metric (metric columns: ${listed(table.columns)})`
      : `no column ${describeValue(metric.column)} in ${source} (${suggestion(metric.column, table.columns)}available: ${listed(table.columns)})`;
    problems.push({ path: metric.path, message });
  }

  const rows = chosenRows(fairness, table.rows, problems);
  if (fairness.groups === undefined && table.rows.length < 2) {
    const only = table.rows[0];
    problems.push({
      path: ['from'],
      message:
        only === undefined
          ? `${source} holds no groups; a breakdown compares at least two`
          : `${source} holds one group (${describeValue(only.group)}); a breakdown compares at least two`,
    });
  }

  // A column's first cell that is no number is its one problem: the rest are likely the same mistake.
  const badCell = (row: GroupRow, column: string, got: string | number, expected: string) =>
    problems.push({
      path: ['from'],
      message: `${source}: ${row.place}, column ${describeValue(column)}: expected ${expected}, got ${describeValue(got)}`,
    });

  const counts = new Map<GroupRow, number>();
  const countAt = countColumn(table.columns);
  if (countAt !== -1) {
    const column = table.columns[countAt] ?? 'count';
    for (const row of rows) {
      // Not numberCell: an infinite count (`inf`, 1e400) is no number of examples, not a missing one.
      const cell = row.cells[countAt] ?? null;
      const value = typeof cell === 'string' ? { text: cell } : cell;
      if (value === null) continue;
      // A safe integer: 1e300 is a whole number too, and would print as 400 digits.
      if (typeof value === 'object' || !Number.isSafeInteger(value) || value < 0) {
        badCell(
          row,
          column,
          typeof value === 'object' ? value.text : value,
          'a whole number of examples, 0 or more',
        );
        break;
      }
      counts.set(row, value);
    }
  }

  const values = new Map<NamedMetric, (number | null)[]>();
  for (const [metric, index] of columnIndex) {
    const column: (number | null)[] = [];
    for (const row of rows) {
      const value = numberCell(row.cells[index]);
      if (typeof value === 'object' && value !== null) {
        badCell(row, metric.column, value.text, 'a number');
        break;
      }
      column.push(value);
    }
    values.set(metric, column);
  }
  if (problems.length > 0) return { ok: false, problems };

  const groups: FairnessGroupView[] = rows.map((row, rowIndex) => {
    const count = counts.get(row);
    return {
      name: row.group,
      ...(count === undefined ? {} : { count }),
      small: count !== undefined && count < MIN_GROUP_SIZE,
      values: metrics.map((metric) => values.get(metric)?.[rowIndex] ?? null),
    };
  });
  const metricViews: FairnessMetricView[] = metrics.map((metric, metricIndex) => {
    const readable = groups.flatMap((group) => {
      const value = group.values[metricIndex];
      return group.small || value === null || value === undefined
        ? []
        : [{ group: group.name, value }];
    });
    const gap = largestGap(readable, metric.goal);
    return {
      column: metric.column,
      label: metric.label ?? readableColumn(metric.column),
      goal: metric.goal,
      ...(gap === undefined ? {} : { gap }),
    };
  });
  const chart = fairnessChart(fairness.attribute, metricViews, groups, locale);
  if (!chart.ok)
    return { ok: false, problems: [{ path: ['from'], message: `${source}: ${chart.message}` }] };
  return {
    ok: true,
    view: {
      attribute: fairness.attribute,
      source,
      metrics: metricViews,
      groups,
      minGroupSize: MIN_GROUP_SIZE,
      chart: chart.chart,
    },
  };
}

/**
 * One bar per group for each metric, through the chart pipeline like any
 * `<Chart type="bar">`: its data table is the page's table without JavaScript.
 */
function fairnessChart(
  attribute: string,
  metrics: readonly FairnessMetricView[],
  groups: readonly FairnessGroupView[],
  locale: Locale,
): { ok: true; chart: BuiltChart } | { ok: false; message: string } {
  // Series are named by their labels, capitalised as the table's headers
  // are (the legend is a list of names); two metrics labelled alike keep
  // their columns apart.
  const names: string[] = [];
  for (const metric of metrics) {
    const label = metric.label.charAt(0).toUpperCase() + metric.label.slice(1);
    const taken = names.includes(label) || label === attribute;
    names.push(taken ? `${label} (${metric.column})` : label);
  }
  const data: DataTable = {
    columns: [attribute, ...names],
    rows: groups.map((group) =>
      Object.fromEntries([
        [attribute, group.name],
        ...names.map((name, index) => [name, group.values[index] ?? null]),
      ]),
    ),
    firstRow: 1,
  };
  const props: ChartProps = {
    type: 'bar',
    x: attribute,
    y: names,
    title: `${names.join(', ')} by ${attribute}`,
    xLabel: attribute,
    ...(names.length === 1 && names[0] !== undefined ? { yLabel: names[0] } : {}),
  };
  const built = buildChart(props, data, 'the fairness file', locale);
  return built.ok
    ? built
    : { ok: false, message: built.problems.map((problem) => problem.message).join('; ') };
}
