import { describe, expect, it } from 'vitest';
import type { FairnessMetricView } from '../../../src/fairness/view.ts';
import {
  type GapStatement,
  fairnessTitle,
  fairnessValueText,
  gapSentence,
  gapStatement,
  noGapSentence,
  smallGroupText,
} from '../../../src/site/fairness.ts';

const MINUS = '\u2212';

/** The sentence as text, the group names the page emphasises in *stars*. */
function sentence(statement: GapStatement | undefined): string | undefined {
  return statement
    ? gapSentence(statement)
        .map((part) => (typeof part === 'string' ? part : `*${part.group}*`))
        .join('')
    : undefined;
}

function metric(fields: Partial<FairnessMetricView>): FairnessMetricView {
  return { column: 'recall', label: 'recall', goal: 'higher', ...fields };
}

describe('the largest gap in words', () => {
  it('names the lowest group of a higher-is-better metric, against the best', () => {
    const statement = gapStatement(
      metric({
        gap: {
          // 0.83 - 0.61 in floating point is 0.21999999999999997.
          difference: 0.83 - 0.61,
          worst: { group: 'abroad', value: 0.61 },
          best: { group: 'domestic', value: 0.83 },
        },
      }),
    );
    expect(sentence(statement)).toBe(
      'Recall is lowest for *abroad*: 0.61, against 0.83 for *domestic* (gap 0.22).',
    );
  });

  it('names the highest group of a lower-is-better metric', () => {
    const statement = gapStatement(
      metric({
        column: 'false_positive_rate',
        label: 'false positive rate',
        goal: 'lower',
        gap: {
          difference: 0.0912 - 0.0301,
          worst: { group: 'abroad', value: 0.0912 },
          best: { group: 'domestic', value: 0.0301 },
        },
      }),
    );
    expect(statement?.extreme).toBe('highest');
    expect(sentence(statement)).toBe(
      'False positive rate is highest for *abroad*: 0.0912, against 0.0301 for *domestic* (gap 0.0611).',
    );
  });

  it('writes fairlearn floats without their noise, as the chart table does', () => {
    const statement = gapStatement(
      metric({
        gap: {
          difference: 0.8333333333333334 - 0.6123456789,
          worst: { group: 'a', value: 0.6123456789 },
          best: { group: 'b', value: 0.8333333333333334 },
        },
      }),
    );
    expect(sentence(statement)).toBe(
      'Recall is lowest for *a*: 0.61235, against 0.83333 for *b* (gap 0.22099).',
    );
  });

  it('says so when fewer than two groups could be compared', () => {
    expect(gapStatement(metric({}))).toBeUndefined();
    expect(noGapSentence({ label: 'recall' })).toBe(
      'Recall: fewer than two groups large enough to compare.',
    );
  });
});

describe('the table', () => {
  it('is captioned with every metric and the attribute', () => {
    expect(fairnessTitle({ attribute: 'issuing region', metrics: [metric({})] })).toBe(
      'Recall by issuing region',
    );
    expect(
      fairnessTitle({
        attribute: 'age band',
        metrics: [
          metric({}),
          metric({ label: 'precision' }),
          metric({ label: 'false positive rate' }),
        ],
      }),
    ).toBe('Recall, precision, and false positive rate by age band');
  });

  it('writes a capitalised label in lower case inside the title, but not an acronym', () => {
    expect(
      fairnessTitle({
        attribute: 'mean nucleus radius',
        metrics: [
          metric({ label: 'Malignant recall' }),
          metric({ label: 'False-positive rate' }),
          metric({ label: 'ROC AUC' }),
          metric({ label: 'F1' }),
        ],
      }),
    ).toBe('Malignant recall, false-positive rate, ROC AUC, and F1 by mean nucleus radius');
  });

  it('writes values for reading and leaves empty cells to the page', () => {
    expect(fairnessValueText(0.8333333333333334)).toBe('0.83333');
    expect(fairnessValueText(-0.05)).toBe(`${MINUS}0.05`);
    expect(fairnessValueText(null)).toBeUndefined();
  });

  it('flags a small group with its count', () => {
    expect(smallGroupText({ count: 1200 })).toBe('too few examples to read (n\u00a0=\u00a01,200)');
    expect(smallGroupText({})).toBe('too few examples to read');
  });
});
