import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, loadPage, projectRoot, textOf, type BuildResult } from '../helpers/build.ts';
import { readTrace } from '../helpers/read-trace.ts';
import { checkFixture, problemLines } from '../helpers/check-lines.ts';

/**
 * Metrics read from a notebook's saved outputs and from a printed
 * classification_report (tests/fixtures/notebook-metrics): the nbclient-run
 * sklearn notebook, whose cells have ids and execution counts but no labels.
 * Its In [2] shows the report as a pandas DataFrame, its In [4] the accuracy
 * as one number. tests/fixtures/notebook-metrics-broken names cells and
 * reports that give no number; the build and `npm run check` refuse them
 * with the same lines.
 */

const FILE =
  'tests/fixtures/notebook-metrics-broken/content/case-studies/broken-notebook/index.mdx';
const CELLS =
  'it has ids "e96c0540", "7c51cbf4", "a1b986f0", "abf94628", "5fafc78f", "d7f83325" and execution counts 1-5 but no #| label: lines; write one of these, or add a line "#| label: NAME" at the top of the cell you mean';
const SHOW =
  'end the cell with the value (one number, or a dict of named numbers), print a classification_report, or display the values with IPython.display.JSON, then run the notebook and save it';

const EXPECTED = [
  `10: metrics[0].from: ./case_study.ipynb is a notebook: name the cell whose output holds the value after a #, as in ./case_study.ipynb#NAME; ${CELLS} (metric "No cell")`,
  `11: metrics[1].from: ./case_study.ipynb#report: no cell "report" in the notebook; ${CELLS} (metric "Wrong cell")`,
  '12: metrics[2].from: ./case_study.ipynb#e96c0540: the 1st cell is a Markdown cell, which has no output; name the code cell whose output holds the value (metric "Markdown")',
  `13: metrics[3].from: ./case_study.ipynb#3: In [3] (the 4th cell) shows no value Casefolio can read: it has a display of image/png and text/plain; ${SHOW} (metric "Figure")`,
  '14: metrics[4].key: ./case_study.ipynb#4: In [4] (the 5th cell) shows one number (0.986013986013986), which has no keys; remove key (metric "Key on one number")',
  '15: metrics[5].key: ./case_study.ipynb#2: no "macro avg.f1" in the cell\'s output; available keys: "macro avg.f1-score", "macro avg.recall", "macro avg.support", "accuracy", "macro avg.precision", "malignant.f1-score", "malignant.recall", "benign.recall", and 9 more (metric "Wrong key")',
  '16: metrics[6].key: ./case_study.ipynb#2: In [2] (the 3rd cell) shows several values; add key to say which: "malignant.precision", "malignant.recall", "malignant.f1-score", "malignant.support", "benign.precision", "benign.recall", "benign.f1-score", "benign.support", and 9 more (metric "No key")',
  '17: metrics[7].from: ./never_run.ipynb#scores: cell "scores" has never run and has no saved output; run the notebook and save it, so that the file holds what the cell shows (metric "Never run")',
  '18: metrics[8].format: does not apply to a notebook, whose cell\'s output is read as it is (JSON, a Python value or a printed classification_report); remove format (metric "Format")',
  '19: metrics[9].from: ./broken_report.txt (line 4): expected precision, recall, f1-score and support after a label (or "accuracy", its value and support), got "benign       0.99      0.99        90" (metric "Broken table")',
].map((line) => `${FILE}:${line}`);

const study = path.join(projectRoot, 'tests/fixtures/notebook-metrics/content/case-studies');

describe('metrics from notebook cells and printed reports', () => {
  let result: BuildResult;
  // Every read of a file under the case studies is recorded.
  const trace = readTrace('notebook-metric-reads', study);
  beforeAll(async () => {
    result = await buildSite({
      fixture: 'notebook-metrics',
      fresh: true,
      label: 'notebook-metrics',
      env: trace.env,
    });
  });

  it('builds', () => {
    expect(result.code, result.stderr).toBe(0);
  });

  it('reads the notebook and the report once each, however many metrics name them', () => {
    expect(
      trace.timesRead([
        'tumour-notebook/case_study.ipynb',
        'tumour-notebook/classification_report.txt',
      ]),
    ).toEqual({
      'tumour-notebook/case_study.ipynb': 1,
      'tumour-notebook/classification_report.txt': 1,
    });
  });

  it('shows the values the cells and the report hold, naming the notebook and the cell', () => {
    const $ = loadPage(result.outDir, 'case-studies/tumour-notebook/');
    expect(
      $('.result')
        .map((_, li) => textOf($(li)))
        .get(),
    ).toEqual([
      // In [2]'s DataFrame of the report, rounded to 3 decimals by the notebook.
      expect.stringMatching(
        /^F1 \(macro\) Headline result 0\.985 .*vs baseline 0\.9 Higher is better From case_study\.ipynb, In \[2\] \(the 3rd cell\) · macro avg\.f1-score$/,
      ),
      // In [4], found by its id, shows one number: no key.
      'Accuracy 0.986 Higher is better From case_study.ipynb, In [4] (the 5th cell)',
      'Benign recall 0.99 Higher is better From classification_report.txt · benign.recall',
      'Malignant precision 0.98 Higher is better From classification_report.txt · malignant.precision',
    ]);
  });
});

describe('metrics that cannot be read from a notebook or a printed report', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'notebook-metrics-broken' });
  });

  it('fail the build with one line each, naming the cell and what to do', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(problemLines(result.stderr)).toEqual(EXPECTED);
  });

  it('are refused by npm run check with the same lines', () => {
    expect(checkFixture('notebook-metrics-broken')).toEqual({ status: 1, lines: EXPECTED });
  });
});
