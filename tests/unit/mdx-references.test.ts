import { describe, expect, it } from 'vitest';
import { findMetricReferences } from '../../src/lib/mdx-references.ts';

describe('findMetricReferences', () => {
  it('finds <Metric name> uses with their file line numbers', () => {
    const body = [
      '',
      '## Results',
      'The model reached <Metric name="ROC AUC" /> on the test set,',
      "and <Metric name='Recall at top decile'/> at the top decile.",
      'Latency was <Metric name={"Scoring latency"} />.',
    ].join('\n');
    expect(findMetricReferences(body, 30)).toEqual([
      { name: 'ROC AUC', line: 32 },
      { name: 'Recall at top decile', line: 33 },
      { name: 'Scoring latency', line: 34 },
    ]);
  });

  it('finds several uses on one line and attributes in any order', () => {
    expect(
      findMetricReferences('<Metric name="A" /> and <Metric format="short" name="B" />', 1),
    ).toEqual([
      { name: 'A', line: 1 },
      { name: 'B', line: 1 },
    ]);
  });

  it('ignores other components whose names start with Metric', () => {
    expect(findMetricReferences('<MetricsChart name="x" />', 1)).toEqual([]);
  });

  it('skips fenced code blocks', () => {
    const body = [
      'Use it like this:',
      '```mdx',
      '<Metric name="Example" />',
      '```',
      '~~~',
      '<Metric name="Tilde" />',
      '~~~',
      '<Metric name="Real" />',
    ].join('\n');
    expect(findMetricReferences(body, 10)).toEqual([{ name: 'Real', line: 17 }]);
  });

  it('does not close a backtick fence on a tilde line', () => {
    const body = ['```', '~~~', '<Metric name="Inside" />', '```', '<Metric name="After" />'].join(
      '\n',
    );
    expect(findMetricReferences(body, 1)).toEqual([{ name: 'After', line: 5 }]);
  });

  it('handles CRLF bodies', () => {
    expect(
      findMetricReferences('```\r\n<Metric name="x" />\r\n```\r\n<Metric name="y" />', 4),
    ).toEqual([{ name: 'y', line: 7 }]);
  });

  it('skips a three-backtick example nested in a four-backtick fence', () => {
    const body = [
      '````md',
      '```mdx',
      '<Metric name="Example" />',
      '```',
      '````',
      '<Metric name="Real" />',
    ].join('\n');
    expect(findMetricReferences(body, 1)).toEqual([{ name: 'Real', line: 6 }]);
  });

  it('skips the tag shown in inline code', () => {
    expect(findMetricReferences('Write `<Metric name="Your metric" />` in prose.', 1)).toEqual([]);
  });
});
