import type { NotebookOutput } from '../../schemas/notebook.ts';
import { describeValue } from '../../problems/describe-value.ts';
import { pluralize } from '../../problems/plural.ts';
import { hasReportTable, parseClassificationReportText } from './classification-report-text.ts';
import { parsePythonLiteral } from './python-literal.ts';
import { isRecord, isReportEntry, reportEntryProblem } from './report-entries.ts';
import type { Artifact } from './types.ts';

/**
 * The value a notebook cell's saved outputs hold, for a metric that reads
 * the cell (`from: ./analysis.ipynb#report`). The outputs are read in this
 * order, the first that holds a value winning:
 *
 * 1. `application/json` (`display(JSON(...))`, or a library that shows JSON);
 * 2. the `text/plain` of the cell's result (its last expression), as a
 *    Python value (python-literal.ts): a dict, one number, or the text of a
 *    report an unprinted `classification_report(...)` shows;
 * 3. a `classification_report` table (classification-report-text.ts) in a
 *    `text/plain` output (the report's pandas DataFrame) or in what the cell
 *    printed to stdout.
 *
 * A dict shaped like a classification report is held to the report's rules
 * (format `sklearn-report`); any other dict is a `json` artifact, looked up
 * by dotted keys; one number is `artifact.number`, read without a key.
 */

/**
 * The cell's value, or why there is none as the rest of a sentence whose
 * subject is the cell: `In [4] (the 5th cell)` + ` ` + `has no saved output; ...`.
 */
export type CellOutputValue = { ok: true; artifact: Artifact } | { ok: false; message: string };

const HOW_TO_SHOW =
  'end the cell with the value (one number, or a dict of named numbers), print a classification_report, or display the values with IPython.display.JSON, then run the notebook and save it';

/** Reads the value of a code cell's saved outputs. */
export function readCellOutputs(
  outputs: readonly NotebookOutput[],
  executionCount: number | null,
): CellOutputValue {
  if (outputs.length === 0) {
    const ran = executionCount === null ? 'has never run and ' : '';
    return {
      ok: false,
      message: `${ran}has no saved output; run the notebook and save it, so that the file holds what the cell shows`,
    };
  }
  const bundles = outputs.flatMap((output) =>
    output.output_type === 'execute_result' || output.output_type === 'display_data'
      ? [{ kind: output.output_type, data: output.data }]
      : [],
  );

  const json = bundles.find(({ data }) => Object.hasOwn(data, 'application/json'));
  if (json) return fromValue(json.data['application/json'], 'application/json');

  const result = bundles.find(({ kind }) => kind === 'execute_result');
  const resultText = result?.data['text/plain'];
  let literalProblem: string | undefined;
  if (typeof resultText === 'string') {
    const literal = parsePythonLiteral(resultText);
    if (literal.ok) return fromValue(literal.value, 'text/plain');
    // Text that does not even start as a Python value (a DataFrame, a
    // figure's `<Figure ...>`) may still hold a report table, below.
    if (!literal.notAValue) {
      literalProblem = `shows a value Casefolio cannot read (its text/plain output, line ${literal.line}, column ${literal.column}): ${literal.message}`;
    }
  }

  const tables = [
    ...bundles.flatMap(({ data }) => {
      const text = data['text/plain'];
      return typeof text === 'string' && hasReportTable(text)
        ? [{ text, where: 'its text/plain output' }]
        : [];
    }),
    ...stdoutTable(outputs),
  ];
  const [table] = tables;
  if (table) {
    const report = parseClassificationReportText(table.text);
    if (report.ok) return { ok: true, artifact: report.artifact };
    const line = report.line === undefined ? '' : `, line ${report.line}`;
    return {
      ok: false,
      message: `holds a classification_report Casefolio cannot read (${table.where}${line}): ${report.message}`,
    };
  }
  if (literalProblem) return { ok: false, message: literalProblem };
  return {
    ok: false,
    message: `shows no value Casefolio can read: it has ${outputKinds(outputs)}; ${HOW_TO_SHOW}`,
  };
}

/** What the cell printed to stdout, as one text, when it holds a report table. */
function stdoutTable(outputs: readonly NotebookOutput[]): { text: string; where: string }[] {
  // Jupyter may save one print as several stream outputs: they are read as one text.
  const text = outputs
    .flatMap((output) =>
      output.output_type === 'stream' && output.name === 'stdout' ? [output.text] : [],
    )
    .join('');
  return hasReportTable(text) ? [{ text, where: 'what it printed' }] : [];
}

/** A value the cell shows (parsed JSON or a Python literal) as an artifact. */
function fromValue(value: unknown, mime: string): CellOutputValue {
  if (typeof value === 'number') return { ok: true, artifact: { format: 'json', number: value } };
  if (typeof value === 'string' && hasReportTable(value)) {
    const report = parseClassificationReportText(value);
    if (report.ok) return report;
    const line = report.line === undefined ? '' : `, line ${report.line} of the text`;
    return {
      ok: false,
      message: `shows a classification_report Casefolio cannot read (its ${mime} output${line}): ${report.message}`,
    };
  }
  if (isRecord(value)) {
    if (Object.values(value).some(isReportEntry)) {
      const problem = reportEntryProblem(value);
      if (problem) {
        return {
          ok: false,
          message: `shows a classification report Casefolio cannot read (its ${mime} output): ${problem.message}`,
        };
      }
      return { ok: true, artifact: { format: 'sklearn-report', values: value } };
    }
    return { ok: true, artifact: { format: 'json', values: value } };
  }
  const what =
    value === null
      ? 'None or nan'
      : Array.isArray(value)
        ? `a list of ${pluralize(value.length, 'value', 'values')}`
        : typeof value === 'string'
          ? `text (${describeValue(value)})`
          : describeValue(value);
  return {
    ok: false,
    message: `shows ${what} (its ${mime} output), not a number or a dict of named numbers; ${HOW_TO_SHOW}`,
  };
}

const listed = (items: readonly string[]) => new Intl.ListFormat('en').format(items);

/** The kinds of outputs a cell has, for "it has ..." messages: `printed text (stdout) and a display of image/png and text/plain`. */
function outputKinds(outputs: readonly NotebookOutput[]): string {
  const kinds = outputs.map((output) => {
    switch (output.output_type) {
      case 'stream':
        return `printed text (${output.name})`;
      case 'error':
        return `an error (${output.ename})`;
      case 'execute_result':
        return `a result shown as ${listed(Object.keys(output.data)) || 'nothing'}`;
      case 'display_data':
        return `a display of ${listed(Object.keys(output.data)) || 'nothing'}`;
    }
  });
  return listed([...new Set(kinds)]);
}
