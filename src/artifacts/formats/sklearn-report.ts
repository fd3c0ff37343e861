import { describeValue } from '../../problems/describe-value.ts';
import { parsePythonJson } from '../../files/python-json.ts';
import { jsonSyntaxProblem } from './json-values.ts';
import { hasReportTable, parseClassificationReportText } from './classification-report-text.ts';
import { isRecord, reportEntryProblem } from './report-entries.ts';
import type { ImportResult } from './types.ts';

/**
 * Reads a scikit-learn `classification_report`: the `output_dict=True` JSON
 * (`classification_report.json`) or the printed fixed-width table
 * (`classification_report.txt`, whose values are rounded to `digits`; read
 * by classification-report-text.ts).
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
  if (!hasReportTable(source)) {
    const lines = source.split(/\r?\n/);
    const first = lines.findIndex((line) => line.trim() !== '');
    return {
      ok: false,
      line: first + 1,
      message: `expected a classification_report JSON object or its text table (a header "precision recall f1-score support"), got ${describeValue(lines[first]?.trim())}`,
    };
  }
  return parseClassificationReportText(source);
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
  const problem = reportEntryProblem(report);
  if (problem) return { ok: false, message: problem.message };
  return { ok: true, artifact: { format: 'sklearn-report', values: report } };
}
