import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notebookRead } from '../../../src/artifacts/read-cache.ts';
import { resolveMetric } from '../../../src/artifacts/resolve-metric.ts';
import { metricSchema, notebookSource, type Metric } from '../../../src/schemas/metric.ts';
import { artifactSite, readArtifact } from '../../helpers/artifacts.ts';
import {
  code,
  markdown,
  notebookJson,
  NOTEBOOKS,
  result,
  SHARED_NOTEBOOK,
  stream,
} from '../notebooks/notebooks.ts';

const labelled = notebookJson([
  markdown('# Results'),
  code(['#| label: report\n', 'print(classification_report(y, p, digits=4))'], 7, [
    stream(readArtifact('wine_report_digits4.txt')),
  ]),
  code(['#| label: scores\n', 'scores'], 8, [
    result({ 'text/plain': "{'auc': np.float64(0.9712), 'n': 45}" }, 8),
  ]),
  code('model.fit(X, y)', null),
]);

/** A case study beside the sklearn notebook (as analysis.ipynb) and a labelled one. */
function site(files: Record<string, string> = {}) {
  const made = artifactSite({
    'analysis.ipynb': fs.readFileSync(SHARED_NOTEBOOK, 'utf8'),
    'labelled.ipynb': JSON.stringify(labelled),
    ...files,
  });
  return {
    ...made,
    resolve: (metric: Partial<Metric>, maxBytes?: number) =>
      resolveMetric({ name: 'Result', goal: 'higher', ...metric }, made.mdxFile, made.contentDir, {
        notebookMaxBytes: maxBytes,
      }),
  };
}

describe('metrics from notebook cells', () => {
  it('reads the report DataFrame by execution count or id, and the bare accuracy without a key', () => {
    const { resolve } = site();
    expect(resolve({ from: './analysis.ipynb#2', key: 'macro avg.f1-score' })).toEqual({
      ok: true,
      metric: {
        name: 'Result',
        goal: 'higher',
        from: './analysis.ipynb#2',
        key: 'macro avg.f1-score',
        value: 0.985,
        source: {
          file: 'analysis.ipynb',
          cell: 'In [2] (the 3rd cell)',
          key: 'macro avg.f1-score',
        },
      },
    });
    const byId = resolve({ from: './analysis.ipynb#a1b986f0', key: 'accuracy' });
    expect(byId.ok && byId.metric.value).toBe(0.986);
    expect(resolve({ from: './analysis.ipynb#4', decimals: 3 })).toMatchObject({
      ok: true,
      metric: {
        value: 0.986013986013986,
        source: { file: 'analysis.ipynb', cell: 'In [4] (the 5th cell)' },
      },
    });
  });

  it('reads a labelled cell: a printed report, a dict with NumPy scalars', () => {
    const { resolve } = site();
    expect(resolve({ from: './labelled.ipynb#report', key: 'class 1.recall' })).toMatchObject({
      ok: true,
      metric: {
        value: 0.9048,
        source: { file: 'labelled.ipynb', cell: 'cell "report"', key: 'class 1.recall' },
      },
    });
    const auc = resolve({ from: './labelled.ipynb#scores', key: 'auc' });
    expect(auc.ok && auc.metric.value).toBe(0.9712);
  });

  it('reads a notebook whose JSON holds the bare NaN Python writes', () => {
    const { resolve } = site({
      'nan.ipynb': fs.readFileSync(path.join(NOTEBOOKS, 'python-nan.ipynb'), 'utf8'),
    });
    expect(resolve({ from: './nan.ipynb#summary', key: 'auc' })).toMatchObject({
      ok: true,
      metric: { value: 0.91 },
    });
  });

  it('asks for the cell when the notebook is named without one, listing what there is', () => {
    expect(site().resolve({ from: './labelled.ipynb', key: 'auc' })).toEqual({
      ok: false,
      field: 'from',
      message:
        './labelled.ipynb is a notebook: name the cell whose output holds the value after a #, as in ./labelled.ipynb#NAME; it has labels "report", "scores" and execution counts 7-8; write one of these, or add a line "#| label: NAME" at the top of the cell you mean',
    });
  });

  it('names the cells there are when the one asked for is not there', () => {
    const { resolve } = site();
    expect(resolve({ from: './labelled.ipynb#reprot', key: 'accuracy' })).toEqual({
      ok: false,
      field: 'from',
      message:
        './labelled.ipynb#reprot: no cell "reprot" in the notebook (did you mean "report"?); it has labels "report", "scores" and execution counts 7-8; write one of these, or add a line "#| label: NAME" at the top of the cell you mean',
    });
    expect(resolve({ from: './analysis.ipynb#9', key: 'accuracy' })).toEqual({
      ok: false,
      field: 'from',
      message:
        './analysis.ipynb#9: no cell ran as In [9] in the notebook; it has ids "e96c0540", "7c51cbf4", "a1b986f0", "abf94628", "5fafc78f", "d7f83325" and execution counts 1-5 but no #| label: lines; write one of these, or add a line "#| label: NAME" at the top of the cell you mean',
    });
  });

  it('says what is wrong with the cell: Markdown, never run, no value', () => {
    const { resolve } = site();
    expect(resolve({ from: './analysis.ipynb#e96c0540', key: 'accuracy' })).toEqual({
      ok: false,
      field: 'from',
      message:
        './analysis.ipynb#e96c0540: the 1st cell is a Markdown cell, which has no output; name the code cell whose output holds the value',
    });
    expect(resolve({ from: './analysis.ipynb#3', key: 'auc' })).toEqual({
      ok: false,
      field: 'from',
      message:
        './analysis.ipynb#3: In [3] (the 4th cell) shows no value Casefolio can read: it has a display of image/png and text/plain; end the cell with the value (one number, or a dict of named numbers), print a classification_report, or display the values with IPython.display.JSON, then run the notebook and save it',
    });
  });

  it('holds key to what the cell shows', () => {
    const { resolve } = site();
    expect(resolve({ from: './analysis.ipynb#4', key: 'accuracy' })).toEqual({
      ok: false,
      field: 'key',
      message:
        './analysis.ipynb#4: In [4] (the 5th cell) shows one number (0.986013986013986), which has no keys; remove key',
    });
    expect(resolve({ from: './labelled.ipynb#scores' })).toEqual({
      ok: false,
      field: 'key',
      message:
        './labelled.ipynb#scores: cell "scores" shows several values; add key to say which: "auc", "n"',
    });
    expect(resolve({ from: './labelled.ipynb#report', key: 'macro avg.f1' })).toEqual({
      ok: false,
      field: 'key',
      message:
        './labelled.ipynb#report: no "macro avg.f1" in the cell\'s output; available keys: "macro avg.f1-score", "macro avg.recall", "macro avg.support", "accuracy", "macro avg.precision", "class 0.recall", "class 1.recall", "class 2.recall", and 13 more',
    });
  });

  it('holds the notebook to the path rules and its size limit', () => {
    const { resolve } = site();
    expect(resolve({ from: './missing.ipynb#2', key: 'accuracy' })).toEqual({
      ok: false,
      field: 'from',
      message: 'file not found: "./missing.ipynb"',
    });
    expect(resolve({ from: '../../../analysis.ipynb#2', key: 'accuracy' })).toMatchObject({
      ok: false,
      message:
        'path "../../../analysis.ipynb" leaves the content folder; keep files next to the case study',
    });
    expect(resolve({ from: './analysis.ipynb#2', key: 'accuracy' }, 10 * 1024)).toEqual({
      ok: false,
      field: 'from',
      message:
        './analysis.ipynb: the notebook is 0.01 MB, over the 0.01 MB limit for notebooks; clear the outputs the page does not show (in Jupyter: right-click a cell, Clear Cell Output), or save large figures as image files beside it',
    });
  });

  it('reads a notebook once however many metrics name it, and again once it changes', () => {
    const { dir } = site();
    const file = path.join(dir, 'labelled.ipynb');
    const first = notebookRead(file);
    expect(notebookRead(file)).toBe(first);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(notebookRead(file)).not.toBe(first);
  });
});

describe('the metric contract for notebooks', () => {
  it('splits a notebook path from its cell, and leaves other paths whole', () => {
    expect(notebookSource('./analysis.ipynb#report')).toEqual({
      notebook: './analysis.ipynb',
      cell: 'report',
    });
    expect(notebookSource('./nb/A.IPYNB#12')).toEqual({ notebook: './nb/A.IPYNB', cell: '12' });
    expect(notebookSource('./analysis.ipynb#')).toEqual({ notebook: './analysis.ipynb' });
    expect(notebookSource('./report#1.json')).toBeUndefined();
    expect(notebookSource('./a.ipynb#b.ipynb')).toEqual({ notebook: './a.ipynb', cell: 'b.ipynb' });
    expect(notebookSource('./#old/a.ipynb')).toEqual({ notebook: './#old/a.ipynb' });
  });

  it('needs no key for a notebook cell, and refuses format for one', () => {
    expect(metricSchema.safeParse({ name: 'Accuracy', from: './analysis.ipynb#4' }).success).toBe(
      true,
    );
    const withFormat = metricSchema.safeParse({
      name: 'Accuracy',
      from: './analysis.ipynb#4',
      format: 'json',
    });
    expect(withFormat.error?.issues.map(({ path, message }) => [path, message])).toEqual([
      [
        ['format'],
        "does not apply to a notebook, whose cell's output is read as it is (JSON, a Python value or a printed classification_report); remove format",
      ],
    ]);
    expect(metricSchema.safeParse({ name: 'F1', from: './report.json' }).success).toBe(false);
  });
});
