import { describe, expect, it } from 'vitest';
import {
  hasReportTable,
  parseClassificationReportText,
} from '../../../../src/artifacts/formats/classification-report-text.ts';
import { parseClassificationReport } from '../../../../src/artifacts/formats/sklearn-report.ts';
import { availableKeys, lookupValue } from '../../../../src/artifacts/lookup.ts';
import { artifact, readArtifact } from '../../../helpers/artifacts.ts';

const entry = (precision: number | null, recall: number, f1: number, support: number) => ({
  precision,
  recall,
  'f1-score': f1,
  support,
});

const HEADER = '              precision    recall  f1-score   support';

function valueAt(text: string, key: string): number {
  const found = lookupValue(artifact(parseClassificationReportText(text)), key, 'higher');
  if (!found.ok) throw new Error(found.message);
  return found.value;
}

describe('the printed classification_report', () => {
  it('finds every key of the JSON report, with the decimals the table shows (digits=4)', () => {
    const json = artifact(parseClassificationReport(readArtifact('wine_report_digits4.json')));
    const text = artifact(parseClassificationReportText(readArtifact('wine_report_digits4.txt')));
    expect(text.format).toBe('sklearn-report');
    const keys = availableKeys(json);
    expect(availableKeys(text)).toEqual(keys);
    for (const key of keys) {
      const exact = lookupValue(json, key, 'higher');
      const shown = lookupValue(text, key, 'higher');
      if (!exact.ok || !shown.ok) throw new Error(`${key} not found`);
      expect([key, shown.value]).toEqual([key, Number(exact.value.toFixed(4))]);
    }
    expect(valueAt(readArtifact('wine_report_digits4.txt'), 'macro avg.f1-score')).toBe(0.52);
    expect(valueAt(readArtifact('wine_report_digits4.txt'), 'class 1.recall')).toBe(0.9048);
    expect(valueAt(readArtifact('wine_report_digits4.txt'), 'accuracy')).toBe(0.6667);
  });

  it('reads a multilabel table: micro avg, samples avg and nan', () => {
    const values = artifact(
      parseClassificationReportText(readArtifact('multilabel_report.txt')),
    ).values;
    expect(Object.keys(values ?? {})).toEqual([
      'a',
      'b',
      'c',
      'micro avg',
      'macro avg',
      'weighted avg',
      'samples avg',
    ]);
    expect(values?.['c']).toEqual(entry(null, 0, 0, 2));
    expect(values?.['samples avg']).toEqual(entry(1, 0.4, 0.47, 7));
  });

  it('reads the report as a pandas DataFrame shows it (accuracy in every column)', () => {
    expect(valueAt(readArtifact('reprs/report_dataframe_rounded.txt'), 'accuracy')).toBe(0.667);
    expect(valueAt(readArtifact('reprs/report_dataframe_rounded.txt'), 'class 0.support')).toBe(18);
    expect(valueAt(readArtifact('reprs/report_dataframe.txt'), 'weighted avg.precision')).toBe(
      0.484728,
    );
  });

  it('reads the table out of what a cell or a log printed around it', () => {
    const printed = [
      'train 426 test 143',
      readArtifact('classification_report.txt').trimEnd(),
      'ROC AUC: 0.9977',
      'saved to ./model.joblib',
    ].join('\n');
    expect(valueAt(printed, 'macro avg.f1-score')).toBe(0.99);
    expect(Object.keys(artifact(parseClassificationReportText(printed)).values ?? {})).toEqual([
      'malignant',
      'benign',
      'accuracy',
      'macro avg',
      'weighted avg',
    ]);
    expect(hasReportTable(printed)).toBe(true);
    expect(hasReportTable('precision recall\n0.9 0.8')).toBe(false);
  });
});

describe('problems with a printed table', () => {
  it('names the line of a row whose cell is not a number', () => {
    expect(
      parseClassificationReportText(`log line\n${HEADER}\n    accuracy      0.98      n/a\n`),
    ).toEqual({
      ok: false,
      line: 3,
      message: 'expected support for "accuracy" to be a number, got "n/a"',
    });
  });

  it('refuses a pandas accuracy row whose columns differ', () => {
    expect(
      parseClassificationReportText(
        `${HEADER}\nbenign   0.99  0.99  0.99  90\naccuracy 0.98 0.97 0.98 143\n`,
      ),
    ).toEqual({
      ok: false,
      line: 3,
      message:
        'expected "accuracy" to hold its value and support, or its value in all four columns as a pandas table of the report shows it, got "accuracy 0.98 0.97 0.98 143"',
    });
  });

  it('refuses two tables in one text, naming both headers', () => {
    const report = readArtifact('classification_report.txt');
    expect(parseClassificationReportText(`Train\n${report}\nTest\n${report}`)).toEqual({
      ok: false,
      line: 12,
      message:
        'expected one classification_report table, found 2 (headers on lines 2 and 12); keep only the report the metric reads',
    });
  });

  it('says what it found when there is no table, and when the table has no rows', () => {
    expect(parseClassificationReportText('\nF1: 0.93\n')).toEqual({
      ok: false,
      line: 2,
      message:
        'expected a classification_report table (a header "precision recall f1-score support"), got "F1: 0.93"',
    });
    expect(parseClassificationReportText(`${HEADER}\n\n`)).toEqual({
      ok: false,
      message: 'expected rows of classes and averages after the header, got none',
    });
  });

  it('names the line of a value out of range', () => {
    expect(
      parseClassificationReportText(
        `${HEADER}\n\n      benign       0.99      1.99      0.99  90\n`,
      ),
    ).toEqual({
      ok: false,
      line: 3,
      message: '"benign": expected recall to be a number from 0 to 1, got 1.99',
    });
  });
});
