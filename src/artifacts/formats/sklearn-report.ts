import { parseNumber } from '../data-table.ts';
import { describeValue } from '../../problems/describe-value.ts';
import { readCell } from './csv-rows.ts';
import { jsonSyntaxProblem, parsePythonJson } from './json-values.ts';
import type { ImportResult } from './types.ts';

const SCORES = ['precision', 'recall', 'f1-score'] as const;
const FIELDS = [...SCORES, 'support'] as const;
const EXPECTED_ENTRY = 'expected precision, recall, f1-score and support';

/**
 * Reads a scikit-learn `classification_report`: the `output_dict=True` JSON
 * (`classification_report.json`) or the printed fixed-width table
 * (`classification_report.txt`, whose values are rounded to `digits`).
 * `artifact.values` is the report object as written, so the dotted key
 * `macro avg.f1-score` finds the macro F1. Handles binary and multi-class
 * reports, class keys from `target_names` or the labels (`"0"`, `"1"`),
 * `micro avg` in place of `accuracy` (a `labels=` subset or multilabel),
 * multilabel's `samples avg`, and the `NaN` Python writes for
 * `zero_division=np.nan` (read as null). Every class and average entry needs
 * precision, recall and f1-score from 0 to 1 and a whole-number support;
 * `accuracy`, when present, is a number from 0 to 1.
 */
export function parseClassificationReport(text: string): ImportResult {
  const source = text.replace(/^\uFEFF/, '');
  const start = source.trimStart();
  if (start === '') {
    return {
      ok: false,
      message: 'expected a classification_report JSON object or its text table, got an empty file',
    };
  }
  if (start.startsWith('{') || start.startsWith('[')) return parseJsonReport(source);
  return parseTextReport(source);
}

function parseJsonReport(text: string): ImportResult {
  const parsed = parsePythonJson(text);
  if (!parsed.ok) return jsonSyntaxProblem(parsed);
  const report = parsed.data;
  if (!isRecord(report)) {
    return {
      ok: false,
      message: `expected a JSON object of class and average entries (classification_report(output_dict=True)), got ${describeValue(report)}`,
    };
  }
  const problem = checkReport(report);
  if (problem) return { ok: false, message: problem.message };
  return { ok: true, artifact: { format: 'sklearn-report', values: report } };
}

/** The first entry that is not a class or average of a classification report, with its key. */
function checkReport(
  report: Record<string, unknown>,
): { key?: string; message: string } | undefined {
  if (Object.keys(report).length === 0) {
    return { message: 'expected one entry per class and the averages, got an empty object' };
  }
  for (const [key, entry] of Object.entries(report)) {
    const name = JSON.stringify(key);
    if (key === 'accuracy') {
      if (typeof entry !== 'number' || !(entry >= 0 && entry <= 1)) {
        return {
          key,
          message: `${name}: expected a number from 0 to 1, got ${describeValue(entry)}`,
        };
      }
      continue;
    }
    if (!isRecord(entry)) {
      return { key, message: `${name}: ${EXPECTED_ENTRY}, got ${describeValue(entry)}` };
    }
    if (FIELDS.some((field) => !(field in entry))) {
      const keys = Object.keys(entry);
      const shown = keys.length > 6 ? [...keys.slice(0, 6), '...'] : keys;
      const found = keys.length === 0 ? 'an empty object' : `an object with ${shown.join(', ')}`;
      return { key, message: `${name}: ${EXPECTED_ENTRY}, got ${found}` };
    }
    for (const field of SCORES) {
      const value = entry[field];
      // null is Python's NaN (zero_division=np.nan): a score that is undefined.
      if (value !== null && (typeof value !== 'number' || !(value >= 0 && value <= 1))) {
        return {
          key,
          message: `${name}: expected ${field} to be a number from 0 to 1, got ${describeValue(value)}`,
        };
      }
    }
    const support = entry['support'];
    if (typeof support !== 'number' || !Number.isInteger(support) || support < 0) {
      return {
        key,
        message: `${name}: expected support to be a whole number of samples, got ${describeValue(support)}`,
      };
    }
  }
  return undefined;
}

/** A number in the printed report, or null for `nan` (an undefined score). */
function reportNumber(cell: string): number | null | undefined {
  return /^nan$/i.test(cell) ? null : parseNumber(cell);
}

/**
 * The printed report: a header `precision recall f1-score support`, then one
 * row per class and average (labels right-aligned, may contain spaces) and an
 * `accuracy` row with only the accuracy and the support.
 */
function parseTextReport(text: string): ImportResult {
  const lines = text
    .split(/\r?\n/)
    .map((content, index) => ({ line: index + 1, content: content.trim() }))
    .filter(({ content }) => content !== '');
  const [header, ...rows] = lines;
  if (!header || header.content.split(/\s+/).join(' ') !== 'precision recall f1-score support') {
    return {
      ok: false,
      ...(header ? { line: header.line } : {}),
      message: `expected a classification_report JSON object or its text table (a header "precision recall f1-score support"), got ${describeValue(header?.content ?? '')}`,
    };
  }
  if (rows.length === 0) {
    return {
      ok: false,
      message: 'expected rows of classes and averages after the header, got none',
    };
  }
  const entries: [string, unknown][] = [];
  const lineOf = new Map<string, number>();
  for (const { line, content } of rows) {
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
    if (lineOf.has(label)) {
      return {
        ok: false,
        line,
        message: `expected each label once, got ${JSON.stringify(label)} again`,
      };
    }
    const cells = (accuracy ? [accuracy[1]] : (row?.slice(2, 6) ?? [])).map((cell) => cell ?? '');
    const names = accuracy ? ['accuracy'] : FIELDS;
    const values: unknown[] = [];
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
    entries.push([
      label,
      accuracy
        ? values[0]
        : Object.fromEntries(FIELDS.map((field, index) => [field, values[index]])),
    ]);
    lineOf.set(label, line);
  }
  // fromEntries makes every label an own key, even "__proto__", as JSON.parse does.
  const report: Record<string, unknown> = Object.fromEntries(entries);
  const problem = checkReport(report);
  if (problem) {
    const line = problem.key === undefined ? undefined : lineOf.get(problem.key);
    return line === undefined
      ? { ok: false, message: problem.message }
      : { ok: false, line, message: problem.message };
  }
  return { ok: true, artifact: { format: 'sklearn-report', values: report } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
