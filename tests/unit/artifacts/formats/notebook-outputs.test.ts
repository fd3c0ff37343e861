import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCellOutputs } from '../../../../src/artifacts/formats/notebook-outputs.ts';
import { notebookSchema, type CodeCell } from '../../../../src/schemas/notebook.ts';
import { readArtifact } from '../../../helpers/artifacts.ts';
import {
  code,
  display,
  error,
  notebook,
  PNG_1X1,
  result,
  SHARED_NOTEBOOK,
  stream,
} from '../../notebooks/notebooks.ts';

type Json = Record<string, unknown>;

/** What readCellOutputs makes of a code cell with these outputs (and execution count). */
function read(outputs: Json[], count: number | null = 3) {
  const [cell] = notebook([code('x', count, outputs)]).cells as CodeCell[];
  if (!cell) throw new Error('no cell');
  return readCellOutputs(cell.outputs, cell.execution_count);
}

function artifactOf(outputs: Json[]) {
  const value = read(outputs);
  if (!value.ok) throw new Error(value.message);
  return value.artifact;
}

const REPORT_TEXT = readArtifact('wine_report_digits4.txt');

describe('readCellOutputs', () => {
  it('reads the sklearn notebook: the report DataFrame (In [2]) and the bare accuracy (In [4])', () => {
    const shared = notebookSchema.parse(JSON.parse(fs.readFileSync(SHARED_NOTEBOOK, 'utf8')));
    const cells = shared.cells.filter((cell): cell is CodeCell => cell.cell_type === 'code');
    const byCount = (count: number) => {
      const cell = cells.find((candidate) => candidate.execution_count === count);
      if (!cell) throw new Error(`no In [${count}]`);
      return readCellOutputs(cell.outputs, count);
    };
    const report = byCount(2);
    expect(report.ok && report.artifact.format).toBe('sklearn-report');
    expect(report.ok && report.artifact.values?.['macro avg']).toEqual({
      precision: 0.985,
      recall: 0.985,
      'f1-score': 0.985,
      support: 143,
    });
    expect(report.ok && report.artifact.values?.['accuracy']).toBe(0.986);
    expect(byCount(4)).toEqual({
      ok: true,
      artifact: { format: 'json', number: 0.986013986013986 },
    });
  });

  it('prefers application/json to the text/plain beside it', () => {
    expect(
      artifactOf([
        display({ 'application/json': { auc: 0.97 }, 'text/plain': '<IPython.core.display.JSON>' }),
        result({ 'text/plain': "{'auc': 0.5}" }),
      ]),
    ).toEqual({ format: 'json', values: { auc: 0.97 } });
  });

  it("reads the result's text/plain as a Python value: a dict with NumPy scalars, a report dict", () => {
    expect(
      artifactOf([result({ 'text/plain': readArtifact('reprs/numpy_scalars.txt') })]),
    ).toMatchObject({ format: 'json', values: { accuracy: 0.9555555555555556, n_test: 45 } });
    expect(artifactOf([result({ 'text/plain': readArtifact('reprs/report_dict.txt') })])).toEqual({
      format: 'sklearn-report',
      values: JSON.parse(readArtifact('wine_report_digits4.json')),
    });
    expect(artifactOf([result({ 'text/plain': 'np.float64(0.93)' })])).toEqual({
      format: 'json',
      number: 0.93,
    });
  });

  it('reads a report shown as an unprinted string, a DataFrame, or printed in pieces', () => {
    const fromString = artifactOf([
      result({ 'text/plain': readArtifact('reprs/report_string.txt') }),
    ]);
    expect(fromString.values?.['accuracy']).toBe(0.67);
    const fromFrame = artifactOf([
      display({
        'text/html': '<table></table>',
        'text/plain': readArtifact('reprs/report_dataframe.txt'),
      }),
    ]);
    expect(fromFrame.values?.['class 1']).toEqual({
      precision: 0.612903,
      recall: 0.904762,
      'f1-score': 0.730769,
      support: 21,
    });
    const [head = '', tail = ''] = [REPORT_TEXT.slice(0, 100), REPORT_TEXT.slice(100)];
    const printed = artifactOf([
      stream('Test set\n'),
      stream('a warning\n', 'stderr'),
      stream(head),
      stream(tail),
      display({ 'image/png': PNG_1X1, 'text/plain': '<Figure size 640x480 with 1 Axes>' }),
    ]);
    expect(printed.values?.['macro avg']).toMatchObject({ 'f1-score': 0.52 });
  });

  it('says a cell without outputs has to be run and saved', () => {
    expect(read([])).toEqual({
      ok: false,
      message:
        'has no saved output; run the notebook and save it, so that the file holds what the cell shows',
    });
    expect(read([], null)).toEqual({
      ok: false,
      message:
        'has never run and has no saved output; run the notebook and save it, so that the file holds what the cell shows',
    });
  });

  it('names the outputs it found when none holds a value', () => {
    expect(
      read([
        stream('train 426 test 143\n'),
        display({ 'image/png': PNG_1X1, 'text/plain': '<Figure size 640x480 with 1 Axes>' }),
        error(['Traceback']),
      ]),
    ).toEqual({
      ok: false,
      message:
        'shows no value Casefolio can read: it has printed text (stdout), a display of image/png and text/plain, and an error (ValueError); end the cell with the value (one number, or a dict of named numbers), print a classification_report, or display the values with IPython.display.JSON, then run the notebook and save it',
    });
  });

  it('says why a Python value or a report cannot be read, and where', () => {
    expect(read([result({ 'text/plain': readArtifact('reprs/array.txt') })])).toEqual({
      ok: false,
      message:
        'shows a value Casefolio cannot read (its text/plain output, line 1, column 15): array(...) is a NumPy array, which Casefolio does not read; show a list (scores.tolist()) or one number (scores.mean())',
    });
    expect(read([result({ 'text/plain': '[0.91, 0.87, 0.93]' })])).toEqual({
      ok: false,
      message:
        'shows a list of 3 values (its text/plain output), not a number or a dict of named numbers; end the cell with the value (one number, or a dict of named numbers), print a classification_report, or display the values with IPython.display.JSON, then run the notebook and save it',
    });
    expect(read([result({ 'text/plain': "'done'" })])).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^shows text \("done"\) \(its text\/plain output\), not a number/,
      ),
    });
    expect(read([stream(REPORT_TEXT.replace('0.9048', 'n/a'))])).toEqual({
      ok: false,
      message:
        'holds a classification_report Casefolio cannot read (what it printed, line 4): expected recall for "class 1" to be a number, got "n/a"',
    });
    expect(
      read([
        result({
          'application/json': { a: { precision: 2, recall: 1, 'f1-score': 1, support: 3 } },
        }),
      ]),
    ).toEqual({
      ok: false,
      message:
        'shows a classification report Casefolio cannot read (its application/json output): "a": expected precision to be a number from 0 to 1, got 2',
    });
  });
});
