import type { ChartProps } from '../schemas/components.ts';
import type { ChartConfig, ChartSeries } from './config.ts';
import type { Cell, DataTable } from '../artifacts/data-table.ts';
import { didYouMean } from '../problems/did-you-mean.ts';
import { lttbIndices } from './downsample.ts';
import { formatNumber, formatReadable } from '../metrics/numbers.ts';
import { dictionary, plural } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

/** No chart embeds more points than this per series; longer series are downsampled. */
export const MAX_POINTS = 1000;

/**
 * A chart's data table starts open up to this many rows, and closed beyond:
 * twelve rows of small text are about as tall as the chart itself, so an open
 * short table at most doubles the figure, while a long one (808 boosting
 * rounds) would bury the prose under pages of numbers. Closed, it stays one
 * click away, and the chart's accessible name says it is there.
 */
export const OPEN_TABLE_MAX_ROWS = 12;

/** Whether a chart's data table is open before the reader touches it. */
export function tableStartsOpen(table: BuiltChart['table']): boolean {
  return table.rows.length <= OPEN_TABLE_MAX_ROWS;
}

/** The data table's disclosure label in `locale`: `Data table (808 rows)`. */
export function tableSummary(table: BuiltChart['table'], locale: Locale = DEFAULT_LOCALE): string {
  const count = table.rows.length;
  return plural(
    dictionary(locale).chart.tableSummary,
    count,
    formatNumber(count, undefined, locale),
    locale,
  );
}

/** A problem with a chart's data, tied to the prop that caused it. */
export interface ChartProblem {
  prop: string;
  message: string;
}

/** What a chart figure renders: the client config and the no-JavaScript table. */
export interface BuiltChart {
  config: ChartConfig;
  table: { head: string[]; rows: string[][] };
  /** One sentence for the canvas's accessible name. */
  summary: string;
  /** Rows in the source before downsampling, to say so in the caption. */
  sourceRows: number;
}

function columnList(columns: readonly string[]): string {
  return columns.map((name) => `"${name}"`).join(', ');
}

function missingColumn(
  prop: string,
  name: string,
  source: string,
  columns: string[],
): ChartProblem {
  const suggestion = didYouMean(name, columns);
  const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
  return {
    prop,
    message: `no column "${name}" in ${source} (${hint}available: ${columnList(columns)})`,
  };
}

/** Every written cell is a number (missing cells aside). */
function isNumericColumn(rows: readonly Record<string, Cell>[], column: string): boolean {
  let seen = false;
  for (const row of rows) {
    const cell = row[column];
    if (cell === null || cell === undefined) continue;
    if (typeof cell !== 'number') return false;
    seen = true;
  }
  return seen;
}

/**
 * A column meant to hold numbers: its first written cell is one. Default y
 * columns are chosen this way, so a typo further down is reported rather
 * than silently dropping the whole series.
 */
function looksNumeric(rows: readonly Record<string, Cell>[], column: string): boolean {
  for (const row of rows) {
    const cell = row[column];
    if (cell !== null && cell !== undefined) return typeof cell === 'number';
  }
  return false;
}

/**
 * Turns a chart's props and its data into what the page renders, or the
 * problems that stop it: missing columns (with the ones that exist),
 * non-numeric cells in plotted columns (with the row), nothing to plot.
 * `source` names the data in messages: `./history.csv` or `inline data`.
 */
export function buildChart(
  props: ChartProps,
  table: DataTable,
  source: string,
  locale: Locale = DEFAULT_LOCALE,
): { ok: true; chart: BuiltChart } | { ok: false; problems: ChartProblem[] } {
  const { columns, rows } = table;
  const problems: ChartProblem[] = [];
  const x = props.x ?? columns[0] ?? '';
  if (!columns.includes(x)) problems.push(missingColumn('x', x, source, columns));

  const requested =
    props.y === undefined ? undefined : Array.isArray(props.y) ? props.y : [props.y];
  const ys = requested ?? columns.filter((column) => column !== x && looksNumeric(rows, column));
  if (requested === undefined && ys.length === 0) {
    problems.push({
      prop: 'y',
      message: `${source} has no numeric column to plot besides "${x}"; set y`,
    });
  }
  for (const column of ys) {
    if (!columns.includes(column)) {
      problems.push(missingColumn('y', column, source, columns));
      continue;
    }
    const bad = rows.findIndex((row) => {
      const cell = row[column];
      return cell !== null && cell !== undefined && typeof cell !== 'number';
    });
    if (bad !== -1) {
      problems.push({
        prop: 'y',
        message: `column "${column}" in ${source} has ${JSON.stringify(rows[bad]?.[column])} in row ${bad + table.firstRow}, not a number`,
      });
    }
  }
  const numericX = columns.includes(x) && isNumericColumn(rows, x);
  if (props.type === 'scatter' && columns.includes(x) && !numericX) {
    problems.push({
      prop: 'x',
      message: `a scatter plot needs numbers in column "${x}" of ${source}`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const keep = pointsToKeep(rows, x, ys, numericX);
  const kept = keep.map((index) => rows[index] ?? {});
  const labels = kept.map((row) => row[x] ?? '');
  const value = (row: Record<string, Cell>, column: string): number | null => {
    const cell = row[column];
    return typeof cell === 'number' && Number.isFinite(cell) ? cell : null;
  };

  const series: ChartSeries[] = ys.map((column) => ({
    label: column,
    data:
      props.type === 'scatter'
        ? kept.flatMap((row) => {
            const px = value(row, x);
            const py = value(row, column);
            return px === null || py === null ? [] : [{ x: px, y: py }];
          })
        : kept.map((row) => value(row, column)),
  }));

  const config: ChartConfig = {
    type: props.type,
    series,
    xLabel: props.xLabel ?? x,
    ...(props.type === 'scatter' ? {} : { labels: labels.map((label) => label ?? '') }),
    ...(props.yLabel !== undefined
      ? { yLabel: props.yLabel }
      : ys.length === 1
        ? { yLabel: ys[0] ?? '' }
        : {}),
    ...(props.unit !== undefined ? { unit: props.unit } : {}),
    ...(props.decimals !== undefined ? { decimals: props.decimals } : {}),
    ...(numericX && props.type === 'line' ? { numericX: true } : {}),
    ...(locale === DEFAULT_LOCALE ? {} : { locale }),
  };

  const show = (cell: Cell | undefined) =>
    cell === null || cell === undefined
      ? '—'
      : typeof cell === 'number'
        ? formatReadable(cell, props.decimals, locale)
        : cell;
  // x values are positions (epochs, steps, years), written as in the file: 2024, not 2,024.
  const showX = (cell: Cell | undefined) =>
    typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : show(cell);
  return {
    ok: true,
    chart: {
      config,
      table: {
        head: [props.xLabel ?? x, ...ys],
        rows: kept.map((row) => [showX(row[x]), ...ys.map((column) => show(row[column]))]),
      },
      summary: dictionary(locale).chart.summary(
        props.type,
        ys.join(', '),
        x,
        plural(
          dictionary(locale).chart.points,
          keep.length,
          formatNumber(keep.length, undefined, locale),
          locale,
        ),
      ),
      sourceRows: rows.length,
    },
  };
}

/**
 * Row indices to plot: all of them, or when there are too many, the union of
 * an LTTB selection per series (each gets an equal share of the budget), so
 * a spike in any series survives and the rows still line up in the table.
 */
function pointsToKeep(
  rows: readonly Record<string, Cell>[],
  x: string,
  ys: readonly string[],
  numericX: boolean,
): number[] {
  if (rows.length <= MAX_POINTS) return rows.map((_, index) => index);
  const xs = rows.map((row, index) => {
    const cell = row[x];
    return numericX && typeof cell === 'number' ? cell : index;
  });
  const share = Math.max(3, Math.floor(MAX_POINTS / Math.max(1, ys.length)));
  const kept = new Set<number>();
  for (const column of ys) {
    const values = rows.map((row) => {
      const cell = row[column];
      return typeof cell === 'number' && Number.isFinite(cell) ? cell : 0;
    });
    for (const index of lttbIndices(xs, values, share)) kept.add(index);
  }
  return [...kept].sort((a, b) => a - b);
}
