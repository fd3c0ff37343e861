import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClassificationReport } from '../../../../src/artifacts/formats/sklearn-report.ts';
import type { ImportResult } from '../../../../src/artifacts/formats/types.ts';
import { ARTIFACTS } from '../../../helpers/artifacts.ts';

function fixture(name: string): string {
  return fs.readFileSync(path.join(ARTIFACTS, name), 'utf8');
}

function valuesOf(result: ImportResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected a report, got: ${result.message}`);
  expect(result.artifact.format).toBe('sklearn-report');
  return result.artifact.values ?? {};
}

/** What a dotted key such as `macro avg.f1-score` finds (split on dots only). */
function lookup(values: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], values);
}

const entry = (precision: number, recall: number, f1: number, support: number) => ({
  precision,
  recall,
  'f1-score': f1,
  support,
});

describe('parseClassificationReport (JSON, output_dict=True)', () => {
  it('keeps the binary breast-cancer report as written, unrounded', () => {
    const text = fixture('classification_report.json');
    const values = valuesOf(parseClassificationReport(text));
    expect(values).toEqual(JSON.parse(text));
    expect(Object.keys(values)).toEqual([
      'malignant',
      'benign',
      'accuracy',
      'macro avg',
      'weighted avg',
    ]);
    expect(lookup(values, 'macro avg.f1-score')).toBe(0.9850104821802935);
    expect(lookup(values, 'accuracy')).toBe(0.986013986013986);
    expect(lookup(values, 'malignant.recall')).toBe(0.9811320754716981);
    expect(lookup(values, 'benign.support')).toBe(90);
    expect(lookup(values, 'weighted avg.support')).toBe(143);
  });

  it('reads the report without target_names (class keys "0" and "1")', () => {
    const values = valuesOf(
      parseClassificationReport(fixture('classification_report_nolabels.json')),
    );
    expect(lookup(values, '0.precision')).toBe(0.9811320754716981);
    expect(lookup(values, '1.f1-score')).toBe(0.9888888888888889);
    expect(values['accuracy']).toBe(0.986013986013986);
  });

  it('reads the three-class iris report', () => {
    const values = valuesOf(parseClassificationReport(fixture('iris_classification_report.json')));
    expect(values['versicolor']).toEqual(entry(0.9375, 1, 0.967741935483871, 15));
    expect(values['virginica']).toEqual(entry(1, 0.9333333333333333, 0.9655172413793104, 15));
    expect(values['accuracy']).toBe(0.9777777777777777);
    expect(lookup(values, 'macro avg.recall')).toBe(0.9777777777777779);
    expect(lookup(values, 'weighted avg.f1-score')).toBe(0.9777530589543938);
  });

  it('reads a labels= subset report: micro avg instead of accuracy', () => {
    const values = valuesOf(parseClassificationReport(fixture('iris_report_labels_subset.json')));
    expect(Object.keys(values)).toEqual([
      'setosa',
      'versicolor',
      'micro avg',
      'macro avg',
      'weighted avg',
    ]);
    expect(values).not.toHaveProperty('accuracy');
    expect(values['micro avg']).toEqual(entry(0.967741935483871, 1, 0.9836065573770492, 30));
    expect(lookup(values, 'macro avg.f1-score')).toBe(0.9838709677419355);
  });

  it('reads a multilabel report: micro avg and samples avg', () => {
    const values = valuesOf(
      parseClassificationReport(fixture('multilabel_classification_report.json')),
    );
    expect(Object.keys(values)).toEqual([
      'a',
      'b',
      'c',
      'micro avg',
      'macro avg',
      'weighted avg',
      'samples avg',
    ]);
    expect(values['micro avg']).toEqual(entry(0.8, 0.6666666666666666, 0.7272727272727272, 6));
    expect(values['samples avg']).toEqual(entry(0.875, 0.75, 0.7499999999999999, 6));
    expect(lookup(values, 'c.f1-score')).toBe(0.6666666666666666);
  });

  it("reads Python's bare NaN (zero_division=np.nan) as null", () => {
    const text =
      '{"a": {"precision": NaN, "recall": 0.0, "f1-score": NaN, "support": 0},' +
      ' "b": {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 3},' +
      ' "accuracy": 1.0}';
    const values = valuesOf(parseClassificationReport(text));
    expect(values['a']).toEqual({ precision: null, recall: 0, 'f1-score': null, support: 0 });
    expect(values['accuracy']).toBe(1);
  });

  it('accepts a byte-order mark and surrounding whitespace', () => {
    const text = `\uFEFF\n  ${fixture('classification_report.json')}\n\n`;
    expect(lookup(valuesOf(parseClassificationReport(text)), 'benign.precision')).toBe(
      0.9888888888888889,
    );
  });
});

describe('parseClassificationReport (the printed text table)', () => {
  it('maps the breast-cancer table to the output_dict shape (values as printed)', () => {
    expect(valuesOf(parseClassificationReport(fixture('classification_report.txt')))).toEqual({
      malignant: entry(0.98, 0.98, 0.98, 53),
      benign: entry(0.99, 0.99, 0.99, 90),
      accuracy: 0.99,
      'macro avg': entry(0.99, 0.99, 0.99, 143),
      'weighted avg': entry(0.99, 0.99, 0.99, 143),
    });
  });

  it('reads the iris table; "macro avg.f1-score" finds the rounded value', () => {
    const values = valuesOf(parseClassificationReport(fixture('iris_classification_report.txt')));
    expect(Object.keys(values)).toEqual([
      'setosa',
      'versicolor',
      'virginica',
      'accuracy',
      'macro avg',
      'weighted avg',
    ]);
    expect(values['versicolor']).toEqual(entry(0.94, 1, 0.97, 15));
    expect(values['virginica']).toEqual(entry(1, 0.93, 0.97, 15));
    expect(lookup(values, 'macro avg.f1-score')).toBe(0.98);
    expect(values['accuracy']).toBe(0.98);
  });

  it('reads micro avg and samples avg rows, digits=4, numeric labels and nan (multilabel)', () => {
    const text = [
      '              precision    recall  f1-score   support',
      '',
      '           0     1.0000    1.0000    1.0000         2',
      '           1     0.5000    0.5000    0.5000         2',
      '           2        nan    0.0000       nan         0',
      '',
      '   micro avg     0.8000    0.6667    0.7273         6',
      '   macro avg     0.8333    0.6667    0.7222         6',
      'weighted avg     0.8333    0.6667    0.7222         6',
      ' samples avg     0.8750    0.7500    0.7500         6',
      '',
    ].join('\r\n');
    expect(valuesOf(parseClassificationReport(text))).toEqual({
      '0': entry(1, 1, 1, 2),
      '1': entry(0.5, 0.5, 0.5, 2),
      '2': { precision: null, recall: 0, 'f1-score': null, support: 0 },
      'micro avg': entry(0.8, 0.6667, 0.7273, 6),
      'macro avg': entry(0.8333, 0.6667, 0.7222, 6),
      'weighted avg': entry(0.8333, 0.6667, 0.7222, 6),
      'samples avg': entry(0.875, 0.75, 0.75, 6),
    });
  });

  it('keeps class names with spaces or named like Object members', () => {
    const text = [
      '                 precision    recall  f1-score   support',
      '',
      'not spam at all       0.90      0.80      0.85        10',
      '           spam       0.80      0.90      0.85        10',
      '    constructor       1.00      1.00      1.00         1',
      '',
      '       accuracy                           0.85        20',
    ].join('\n');
    const values = valuesOf(parseClassificationReport(text));
    expect(values['not spam at all']).toEqual(entry(0.9, 0.8, 0.85, 10));
    expect(values['constructor']).toEqual(entry(1, 1, 1, 1));
    expect(values['accuracy']).toBe(0.85);
  });
});

describe('parseClassificationReport problems', () => {
  const report = (entries: Record<string, unknown>) =>
    JSON.stringify({
      benign: entry(0.99, 0.99, 0.99, 90),
      ...entries,
    });

  it('names an average without all four fields', () => {
    expect(
      parseClassificationReport(
        report({ 'macro avg': { precision: 0.98, recall: 0.98, support: 143 } }),
      ),
    ).toEqual({
      ok: false,
      message:
        '"macro avg": expected precision, recall, f1-score and support, got an object with precision, recall, support',
    });
  });

  it('names a class entry that is not an object', () => {
    expect(parseClassificationReport(report({ malignant: 0.98 }))).toEqual({
      ok: false,
      message: '"malignant": expected precision, recall, f1-score and support, got 0.98',
    });
    expect(parseClassificationReport(report({ malignant: {} }))).toEqual({
      ok: false,
      message: '"malignant": expected precision, recall, f1-score and support, got an empty object',
    });
  });

  it('names a score that is text or outside 0..1', () => {
    expect(
      parseClassificationReport(
        report({ malignant: { ...entry(0.98, 0.98, 0.98, 53), precision: '0.98' } }),
      ),
    ).toEqual({
      ok: false,
      message: '"malignant": expected precision to be a number from 0 to 1, got "0.98"',
    });
    expect(
      parseClassificationReport(report({ 'weighted avg': entry(0.98, 98, 0.98, 143) })),
    ).toEqual({
      ok: false,
      message: '"weighted avg": expected recall to be a number from 0 to 1, got 98',
    });
  });

  it('names a support that is not a whole number', () => {
    expect(parseClassificationReport(report({ malignant: entry(0.98, 0.98, 0.98, 52.5) }))).toEqual(
      {
        ok: false,
        message: '"malignant": expected support to be a whole number of samples, got 52.5',
      },
    );
    expect(
      parseClassificationReport(report({ 'macro avg': { ...entry(1, 1, 1, 0), support: null } })),
    ).toEqual({
      ok: false,
      message:
        '"macro avg": expected support to be a whole number of samples, got null (an empty value)',
    });
  });

  it('names an accuracy that is not a bare number', () => {
    expect(parseClassificationReport(report({ accuracy: entry(0.98, 0.98, 0.98, 143) }))).toEqual({
      ok: false,
      message: '"accuracy": expected a number from 0 to 1, got an object',
    });
    expect(parseClassificationReport(report({ accuracy: '0.99' }))).toEqual({
      ok: false,
      message: '"accuracy": expected a number from 0 to 1, got "0.99"',
    });
  });

  it('names another file passed as a report (summary.json)', () => {
    expect(parseClassificationReport(fixture('summary.json'))).toEqual({
      ok: false,
      message:
        '"dataset": expected precision, recall, f1-score and support, got an object with name, n_samples, n_features, classes, test_size, random_state, ...',
    });
  });

  it('rejects a list, an empty object, an empty file and broken JSON', () => {
    expect(parseClassificationReport('[0.98, 0.99]')).toEqual({
      ok: false,
      message:
        'expected a JSON object of class and average entries (classification_report(output_dict=True)), got a list',
    });
    expect(parseClassificationReport('{}')).toEqual({
      ok: false,
      message: 'expected one entry per class and the averages, got an empty object',
    });
    expect(parseClassificationReport(' \n')).toEqual({
      ok: false,
      message: 'expected a classification_report JSON object or its text table, got an empty file',
    });
    const broken = parseClassificationReport('{\n  "benign": {\n    "precision": 0.99,\n  }\n}');
    expect(broken).toMatchObject({ ok: false, line: 4 });
    expect(broken.ok ? '' : broken.message).toMatch(/^expected valid JSON, found an error: /);
  });

  it('rejects text that is neither JSON nor the printed table', () => {
    expect(parseClassificationReport('class,precision,recall\nbenign,0.99,0.99\n')).toEqual({
      ok: false,
      line: 1,
      message:
        'expected a classification_report JSON object or its text table (a header "precision recall f1-score support"), got "class,precision,recall"',
    });
  });

  it('names the line of a bad row in the text table', () => {
    const header = '              precision    recall  f1-score   support\n\n';
    expect(
      parseClassificationReport(`${header}   malignant       0.98      0.98        53\n`),
    ).toEqual({
      ok: false,
      line: 3,
      message:
        'expected precision, recall, f1-score and support after a label (or "accuracy", its value and support), got "malignant       0.98      0.98        53"',
    });
    expect(
      parseClassificationReport(`${header}   malignant       0.98      n/a      0.98        53\n`),
    ).toEqual({
      ok: false,
      line: 3,
      message: 'expected recall for "malignant" to be a number, got "n/a"',
    });
    expect(
      parseClassificationReport(
        `${header}      benign       0.99      0.99      0.99        90\n      benign       0.99      0.99      0.99        90\n`,
      ),
    ).toEqual({ ok: false, line: 4, message: 'expected each label once, got "benign" again' });
    expect(
      parseClassificationReport(`${header}      benign       0.99      1.99      0.99      90.5\n`),
    ).toEqual({
      ok: false,
      line: 3,
      message: '"benign": expected recall to be a number from 0 to 1, got 1.99',
    });
    expect(parseClassificationReport(header)).toEqual({
      ok: false,
      message: 'expected rows of classes and averages after the header, got none',
    });
  });
});
