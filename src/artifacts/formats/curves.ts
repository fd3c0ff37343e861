import { describeValue } from '../../problems/describe-value.ts';
import { cellNumber, expectedCell, fractionCell, readCell, readCsvRows } from './csv-rows.ts';
import type { ImportResult } from './types.ts';

interface CurveSpec {
  kind: 'roc' | 'pr';
  format: 'roc-curve' | 'pr-curve';
  /** Column plotted across (fpr, recall) and up (tpr, precision). */
  x: string;
  y: string;
  /** The columns as scikit-learn users name them, for messages. */
  columns: string;
}

const ROC: CurveSpec = {
  kind: 'roc',
  format: 'roc-curve',
  x: 'fpr',
  y: 'tpr',
  columns: 'fpr, tpr, threshold',
};
const PR: CurveSpec = {
  kind: 'pr',
  format: 'pr-curve',
  x: 'recall',
  y: 'precision',
  columns: 'precision, recall, threshold',
};

/**
 * Reads a ROC curve saved from scikit-learn's `roc_curve` as CSV with columns
 * `fpr`, `tpr` and `threshold` (or `thresholds`) in any order; other columns
 * (a pandas index) are ignored. The first threshold is `inf` (scikit-learn
 * >= 1.3) or `max(score) + 1` (<= 1.2), so thresholds are not range-checked;
 * an empty or `nan` threshold (or no threshold column) reads as NaN. fpr and
 * tpr must lie in [0, 1]; a bad value is reported with its line.
 */
export function parseRocCurve(text: string): ImportResult {
  return parseCurve(text, ROC);
}

/**
 * Reads a precision-recall curve saved from scikit-learn's
 * `precision_recall_curve` as CSV with columns `precision`, `recall` and
 * `threshold` (or `thresholds`) in any order. scikit-learn returns one more
 * precision/recall pair than thresholds, so the last row's threshold is
 * usually empty (or `nan`): it reads as NaN. precision and recall must lie in
 * [0, 1]; x is recall, y precision.
 */
export function parsePrCurve(text: string): ImportResult {
  return parseCurve(text, PR);
}

function parseCurve(text: string, spec: CurveSpec): ImportResult {
  const csv = readCsvRows(text);
  if (!csv.ok) return csv;
  const { header, rows, delimiter } = csv;
  const names = header.cells.map((cell) => cell.toLowerCase());
  for (const wanted of [[spec.x], [spec.y], ['threshold', 'thresholds']]) {
    const count = names.filter((name) => wanted.includes(name)).length;
    if (count > 1) {
      const quoted = wanted.map((name) => `"${name}"`).join(' or ');
      return { ok: false, message: `expected one ${quoted} column, got ${count}` };
    }
  }
  const x = names.indexOf(spec.x);
  const y = names.indexOf(spec.y);
  const threshold = names.findIndex((name) => name === 'threshold' || name === 'thresholds');
  if (x === -1 || y === -1) {
    return {
      ok: false,
      message: `expected a header with columns ${spec.columns}, got ${describeValue(header.cells.join(delimiter))}`,
    };
  }
  if (rows.length === 0) {
    return { ok: false, message: `expected rows of ${spec.columns} after the header, got none` };
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const thresholds: number[] = [];
  for (const row of rows) {
    if (row.cells.length !== header.cells.length) {
      return {
        ok: false,
        line: row.line,
        message: `expected ${header.cells.length} values (${header.cells.join(', ')}), got ${row.cells.length}`,
      };
    }
    for (const [column, target] of [
      [x, xs],
      [y, ys],
    ] as const) {
      const name = header.cells[column] ?? '';
      const cell = readCell(
        row,
        column,
        fractionCell,
        expectedCell(`${name} to be a number from 0 to 1`),
      );
      if (!cell.ok) return cell;
      target.push(cell.value);
    }
    if (threshold === -1) {
      thresholds.push(Number.NaN);
      continue;
    }
    const name = header.cells[threshold] ?? 'threshold';
    const cell = readCell(
      row,
      threshold,
      cellNumber,
      expectedCell(`${name} to be a number (inf allowed) or empty`),
    );
    if (!cell.ok) return cell;
    thresholds.push(cell.value ?? Number.NaN);
  }
  if (xs.length < 2) {
    return {
      ok: false,
      message: `expected at least 2 points (rows of ${spec.columns}), got ${xs.length}`,
    };
  }
  return {
    ok: true,
    artifact: { format: spec.format, curve: { kind: spec.kind, x: xs, y: ys, thresholds } },
  };
}
