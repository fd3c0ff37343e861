import { describeValue } from '../../problems/describe-value.ts';
import { firstRepeated } from '../data-table.ts';
import {
  cellNumber,
  cellProblem,
  describeCell,
  expectedCell,
  pointValue,
  readCell,
  readCsvRows,
  stepCell,
  type CsvLine,
} from './csv-rows.ts';
import type { ImportProblem, ImportResult, Series, SeriesPoint } from './types.ts';

/** W&B's own history columns that are not metrics. */
const SYSTEM_COLUMNS = new Set(['_step', '_runtime', '_timestamp']);

/**
 * Reads a Weights & Biases history exported through the API
 * (`run.history().to_csv(...)`): an unnamed pandas index column (or
 * `Unnamed: 0` after a re-save), then `_step,_runtime,_timestamp` and the
 * metrics. One Series per metric column in header order, with points only
 * at the steps where that metric was logged (empty cells are skipped; `nan`
 * and `inf` give a null point). `_runtime`, `_timestamp` and the index are
 * skipped, and so is a column whose logged cells are all text (media or
 * string values such as `_wandb`). Steps must be whole numbers.
 */
export function parseWandbHistory(text: string): ImportResult {
  const csv = readCsvRows(text);
  if (!csv.ok) return csv;
  const { header, rows, delimiter } = csv;
  const names = header.cells;
  const stepColumn = names.indexOf('_step');
  if (stepColumn === -1) {
    return {
      ok: false,
      message: `expected a "_step" column (a W&B run.history() export), got ${describeValue(names.join(delimiter))}`,
    };
  }
  const isIndex = (name: string, index: number) =>
    index === 0 && (name === '' || /^Unnamed: \d+$/.test(name));
  const problem = checkHeader(names, header.line, isIndex);
  if (problem) return problem;
  const metrics = names.flatMap((name, index) =>
    isIndex(name, index) || SYSTEM_COLUMNS.has(name) ? [] : [{ name, index }],
  );
  if (metrics.length === 0) {
    return {
      ok: false,
      message: 'expected metric columns besides _step, _runtime and _timestamp, got none',
    };
  }
  const steps = readSteps(rows, names.length, stepColumn, '_step');
  if (!steps.ok) return steps;
  const series: Series[] = [];
  for (const { name, index } of metrics) {
    const column = readColumn(rows, steps.steps, name, index);
    if (!column.ok) return column;
    if (column.points) series.push({ name, points: column.points });
  }
  if (series.length === 0) {
    return {
      ok: false,
      message: `expected a numeric metric column, got only text in ${metrics.map(({ name }) => JSON.stringify(name)).join(', ')}`,
    };
  }
  return { ok: true, artifact: { format: 'wandb-history', series, stepName: 'step' } };
}

/**
 * Reads a Weights & Biases dashboard panel export: `"Step"`, then for each
 * run and metric `"<run> - <metric>"` with its `__MIN` and `__MAX` band
 * columns, which are ignored. One Series per `<run> - <metric>` column, with
 * points only where the cell is filled (runs logged at different steps leave
 * gaps). With a single run the series are named `<metric>` and `run.name` is
 * the run; with several runs they keep the full `<run> - <metric>` name.
 */
export function parseWandbPanel(text: string): ImportResult {
  const csv = readCsvRows(text);
  if (!csv.ok) return csv;
  const { header, rows } = csv;
  const names = header.cells;
  if (names[0]?.toLowerCase() !== 'step') {
    return {
      ok: false,
      message: `expected a first column "Step" (a W&B panel export with Step on the x axis), got ${describeCell(names[0])}`,
    };
  }
  const problem = checkHeader(names, header.line, () => false);
  if (problem) return problem;
  const columns = names.flatMap((name, index) => {
    if (index === 0 || /__(MIN|MAX)$/.test(name)) return [];
    const split = name.indexOf(' - ');
    return [
      split > 0
        ? { name, index, run: name.slice(0, split), metric: name.slice(split + 3) }
        : { name, index, run: undefined, metric: name },
    ];
  });
  if (columns.length === 0) {
    return {
      ok: false,
      message: `expected "<run> - <metric>" columns after "Step", got ${names.length === 1 ? 'none' : 'only __MIN and __MAX columns'}`,
    };
  }
  const runs = new Set(columns.map(({ run }) => run));
  const [onlyRun] = runs;
  const single = runs.size === 1 ? onlyRun : undefined;
  const steps = readSteps(rows, names.length, 0, names[0] ?? 'Step');
  if (!steps.ok) return steps;
  const series: Series[] = [];
  for (const { name, index, metric } of columns) {
    const column = readColumn(rows, steps.steps, name, index);
    if (!column.ok) return column;
    if (!column.points) {
      return {
        ok: false,
        ...(column.line === undefined ? {} : { line: column.line }),
        message: `expected numbers in ${JSON.stringify(name)}, got only text`,
      };
    }
    series.push({ name: single === undefined ? name : metric, points: column.points });
  }
  return {
    ok: true,
    artifact: {
      format: 'wandb-panel',
      series,
      stepName: 'step',
      ...(single === undefined ? {} : { run: { name: single } }),
    },
  };
}

type Problem = { ok: false } & ImportProblem;

/** Every column named, and named once (a pandas index column may be unnamed). */
function checkHeader(
  names: readonly string[],
  line: number,
  isIndex: (name: string, index: number) => boolean,
): Problem | undefined {
  const blank = names.findIndex((name, index) => name === '' && !isIndex(name, index));
  if (blank !== -1) {
    return {
      ok: false,
      line,
      message: `expected a name for column ${blank + 1}, got an empty header cell`,
    };
  }
  const duplicate = firstRepeated(names);
  return duplicate === undefined
    ? undefined
    : {
        ok: false,
        line,
        message: `expected each column once, got ${JSON.stringify(duplicate)} twice`,
      };
}

/** The step of every row, checking each row has one cell per header column. */
function readSteps(
  rows: readonly CsvLine[],
  width: number,
  column: number,
  name: string,
): { ok: true; steps: number[] } | Problem {
  const steps: number[] = [];
  for (const row of rows) {
    if (row.cells.length !== width) {
      return {
        ok: false,
        line: row.line,
        message: `expected ${width} values (one per header column), got ${row.cells.length}`,
      };
    }
    const step = readCell(row, column, stepCell, expectedCell(`a whole number for ${name}`));
    if (!step.ok) return step;
    steps.push(step.value);
  }
  return { ok: true, steps };
}

/**
 * A metric column's logged points (empty cells skipped). `points` is
 * undefined when every logged cell is text (a media or string column); a
 * text cell among numbers is a problem.
 */
function readColumn(
  rows: readonly CsvLine[],
  steps: readonly number[],
  name: string,
  column: number,
): { ok: true; points?: SeriesPoint[]; line?: number } | Problem {
  const points: SeriesPoint[] = [];
  let text: CsvLine | undefined;
  for (const [index, row] of rows.entries()) {
    const value = cellNumber(row.cells[column]);
    if (value === null) continue;
    if (value === undefined) {
      text ??= row;
      continue;
    }
    points.push({ step: steps[index] ?? 0, value: pointValue(value) });
  }
  if (!text) return { ok: true, points };
  if (points.length === 0) return { ok: true, line: text.line };
  return cellProblem(text, column, expectedCell(`a number for ${JSON.stringify(name)}`));
}
