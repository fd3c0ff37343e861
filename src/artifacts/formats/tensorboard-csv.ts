import { describeValue } from '../../problems/describe-value.ts';
import {
  cellNumber,
  expectedCell,
  finiteCell,
  pointValue,
  readCell,
  readCsvRows,
  stepCell,
} from './csv-rows.ts';
import type { ImportResult, SeriesPoint } from './types.ts';

/** The run and tag in a dashboard download name `run-<run>-tag-<tag>.csv`, as written. */
export function tensorBoardFileName(fileName: string): { run: string; tag: string } | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const match = /^run-(.+?)-tag-(.+)\.csv$/i.exec(base);
  return match?.[1] && match[2] ? { run: match[1], tag: match[2] } : undefined;
}

const HEADER = ['Wall time', 'Step', 'Value'];

/**
 * Reads a TensorBoard scalar CSV, the dashboard's download: header
 * `Wall time,Step,Value`, CRLF lines, one series per file. The series is named
 * by the tag in the file name `run-<run>-tag-<tag>.csv` (kept as written,
 * with the `_` TensorBoard put for `/`, e.g. `epoch_loss`), else `value`;
 * `run.name` is the run part. Values keep full precision (float32 widened,
 * `0.6930999755859375`: rounding for display is not the importer's job);
 * `nan`/`inf` values become missing (null). Steps must be whole numbers.
 */
export function parseTensorBoardCsv(text: string, fileName?: string): ImportResult {
  const csv = readCsvRows(text);
  if (!csv.ok) return csv;
  const { header, rows, delimiter } = csv;
  const matches =
    header.cells.length === HEADER.length &&
    header.cells.every((cell, index) => cell.toLowerCase() === HEADER[index]?.toLowerCase());
  if (!matches) {
    return {
      ok: false,
      message: `expected a header "Wall time,Step,Value", got ${describeValue(header.cells.join(delimiter))}`,
    };
  }
  if (rows.length === 0) {
    return {
      ok: false,
      message: 'expected rows of Wall time, Step, Value after the header, got none',
    };
  }
  const points: SeriesPoint[] = [];
  for (const row of rows) {
    if (row.cells.length !== HEADER.length) {
      return {
        ok: false,
        line: row.line,
        message: `expected 3 values (Wall time, Step, Value), got ${row.cells.length}`,
      };
    }
    const wall = readCell(row, 0, finiteCell, expectedCell('a number of seconds for Wall time'));
    if (!wall.ok) return wall;
    const step = readCell(row, 1, stepCell, expectedCell('a whole number for Step'));
    if (!step.ok) return step;
    const value = readCell(row, 2, cellNumber, expectedCell('a number for Value'));
    if (!value.ok) return value;
    points.push({ step: step.value, value: pointValue(value.value) });
  }
  const named = fileName === undefined ? undefined : tensorBoardFileName(fileName);
  return {
    ok: true,
    artifact: {
      format: 'tensorboard-csv',
      series: [{ name: named?.tag ?? 'value', points }],
      stepName: 'step',
      ...(named ? { run: { name: named.run } } : {}),
    },
  };
}
