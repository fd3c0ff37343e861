import { parseNumber } from '../data-table.ts';
import { describeValue } from '../../problems/describe-value.ts';
import { readCell } from './csv-rows.ts';
import { EXPECTED_ENTRY, FIELDS, reportEntryProblem } from './report-entries.ts';
import type { ImportResult } from './types.ts';

/**
 * The table scikit-learn's `classification_report` prints (what a
 * `classification_report.txt`, a training log or a notebook cell that prints
 * the report holds), read into the same artifact as its `output_dict=True`
 * JSON: `macro avg.f1-score`, `accuracy` and every other key find the value
 * with the decimals the table shows.
 *
 * ```text
 *               precision    recall  f1-score   support
 *
 *    malignant       0.98      0.98      0.98        53
 *       benign       0.99      0.99      0.99        90
 *
 *     accuracy                           0.99       143
 *    macro avg       0.99      0.99      0.99       143
 * weighted avg       0.99      0.99      0.99       143
 * ```
 *
 * Labels are right-aligned and may hold spaces; `digits` sets the decimals;
 * `micro avg` replaces `accuracy` for a `labels=` subset or a multilabel
 * task, which adds `samples avg`; `nan` is an undefined score (read as
 * null). The report as a pandas table (`pd.DataFrame(report).T`, what a
 * notebook shows for it) reads too: its `accuracy` row repeats the accuracy
 * in all four columns, and its supports are written `53.000`.
 */

/** The header line, alone on its line wherever the table sits in a text. */
const HEADER = /^\s*precision\s+recall\s+f1-score\s+support\s*$/;

/** The last rows of a report: the table ends after them, so text printed after it is not a row. */
const LAST_ROWS = new Set(['weighted avg', 'samples avg', 'avg / total']);

/** Whether a text holds the printed table (its header line), wherever in the text. */
export function hasReportTable(text: string): boolean {
  return text.split(/\r?\n/).some((line) => HEADER.test(line));
}

/** A number in the printed report, or null for `nan` (an undefined score). */
function reportNumber(cell: string): number | null | undefined {
  return /^nan$/i.test(cell) ? null : parseNumber(cell);
}

type Problem = { ok: false; line?: number; message: string };
type Row = { ok: true; label: string; value: unknown } | Problem;

/**
 * Reads the one printed report in `text`: text before its header (a log's
 * earlier lines, what a cell printed first) and after its last row
 * (`weighted avg`, or `samples avg` after it) is not part of it; every line
 * between is a row or blank. Problems give the line in `text`.
 */
export function parseClassificationReportText(text: string): ImportResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headers = lines.flatMap((line, index) => (HEADER.test(line) ? [index + 1] : []));
  const [header, second] = headers;
  if (header === undefined) {
    const first = lines.findIndex((line) => line.trim() !== '');
    return {
      ok: false,
      ...(first === -1 ? {} : { line: first + 1 }),
      message: `expected a classification_report table (a header "precision recall f1-score support"), got ${first === -1 ? 'an empty text' : describeValue(lines[first]?.trim())}`,
    };
  }
  if (second !== undefined) {
    return {
      ok: false,
      line: second,
      message: `expected one classification_report table, found ${headers.length} (headers on lines ${new Intl.ListFormat('en').format(headers.map(String))}); keep only the report the metric reads`,
    };
  }
  const entries: [string, unknown][] = [];
  const lineOf = new Map<string, number>();
  for (let index = header; index < lines.length; index++) {
    const content = lines[index]?.trim() ?? '';
    if (content === '') continue;
    const line = index + 1;
    const row = readRow(content, line);
    if (!row.ok) return row;
    if (lineOf.has(row.label)) {
      return {
        ok: false,
        line,
        message: `expected each label once, got ${JSON.stringify(row.label)} again`,
      };
    }
    entries.push([row.label, row.value]);
    lineOf.set(row.label, line);
    if (LAST_ROWS.has(row.label) && !nextRowIs(lines, index + 1, 'samples avg')) break;
  }
  if (entries.length === 0) {
    return {
      ok: false,
      message: 'expected rows of classes and averages after the header, got none',
    };
  }
  // fromEntries makes every label an own key, even "__proto__", as JSON.parse does.
  const report: Record<string, unknown> = Object.fromEntries(entries);
  const problem = reportEntryProblem(report);
  if (problem) {
    const line = problem.key === undefined ? undefined : lineOf.get(problem.key);
    return line === undefined
      ? { ok: false, message: problem.message }
      : { ok: false, line, message: problem.message };
  }
  return { ok: true, artifact: { format: 'sklearn-report', values: report } };
}

/** Whether the first non-blank line from `start` on is the row of `label`. */
function nextRowIs(lines: readonly string[], start: number, label: string): boolean {
  const next = lines.slice(start).find((line) => line.trim() !== '');
  return next !== undefined && new RegExp(`^\\s*${label}\\s`).test(next);
}

/**
 * One row: a label and four numbers, or `accuracy` with its value and
 * support (as scikit-learn prints it) or its value in all four columns (as
 * pandas shows the report's DataFrame).
 */
function readRow(content: string, line: number): Row {
  const accuracy = /^accuracy\s+(\S+)\s+(\S+)$/.exec(content);
  const row = accuracy ? undefined : /^(.+?)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$/.exec(content);
  const label = accuracy ? 'accuracy' : row?.[1];
  if (label === undefined) {
    return {
      ok: false,
      line,
      message: `${EXPECTED_ENTRY} after a label (or "accuracy", its value and support), got ${describeValue(content)}`,
    };
  }
  const cells = (accuracy ? accuracy.slice(1, 3) : (row?.slice(2, 6) ?? [])).map(
    (cell) => cell ?? '',
  );
  const names = label === 'accuracy' && accuracy ? ['accuracy', 'support'] : FIELDS;
  const values: (number | null)[] = [];
  for (const index of cells.keys()) {
    const value = readCell(
      { cells, line },
      index,
      reportNumber,
      (cell) =>
        `expected ${names[index] ?? 'a value'} for ${JSON.stringify(label)} to be a number, got ${describeValue(cell)}`,
    );
    if (!value.ok) return value;
    values.push(value.value);
  }
  if (label !== 'accuracy') {
    return {
      ok: true,
      label,
      value: Object.fromEntries(FIELDS.map((field, index) => [field, values[index]])),
    };
  }
  if (!accuracy && values.some((value) => value !== values[0])) {
    return {
      ok: false,
      line,
      message: `expected "accuracy" to hold its value and support, or its value in all four columns as a pandas table of the report shows it, got ${describeValue(content)}`,
    };
  }
  return { ok: true, label, value: values[0] };
}
