import { describe, expect, it } from 'vitest';
import { groupTableFromCsv, type GroupTable } from '../../../src/fairness/by-group.ts';
import { largestGap, readableColumn, resolveFairness } from '../../../src/fairness/resolve.ts';
import { fairnessSchema, type FairnessData } from '../../../src/schemas/responsible.ts';

const CSV = `issuing region,recall,false_positive_rate,selection_rate,count
domestic,0.81,0.012,0.031,2140
abroad,0.66,0.047,0.078,412
online-only,0.74,0.021,0.044,198
unknown,0.5,0.1,0.2,12
`;

function table(csv: string): GroupTable {
  const result = groupTableFromCsv(csv);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

function fairness(fields: Record<string, unknown> = {}): FairnessData {
  return fairnessSchema.parse({
    attribute: 'issuing region',
    from: './fairness_by_group.csv',
    metrics: ['recall', { name: 'false_positive_rate', goal: 'lower' }],
    ...fields,
  });
}

function view(fields: Record<string, unknown> = {}, csv = CSV) {
  const result = resolveFairness(fairness(fields), table(csv));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.view;
}

function problems(fields: Record<string, unknown>, csv = CSV): string[] {
  const result = resolveFairness(fairness(fields), table(csv));
  if (result.ok) throw new Error('resolved without problems');
  return result.problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`);
}

describe('the gap between groups', () => {
  it('names the lowest group of a higher-is-better metric, the highest of a lower-is-better one', () => {
    const [recall, fpr] = view().metrics;
    expect(recall).toEqual({
      column: 'recall',
      label: 'recall',
      goal: 'higher',
      gap: {
        difference: 0.15,
        ratio: 0.66 / 0.81,
        worst: { group: 'abroad', value: 0.66 },
        best: { group: 'domestic', value: 0.81 },
      },
    });
    expect(fpr?.gap).toEqual({
      difference: 0.035,
      ratio: 0.012 / 0.047,
      worst: { group: 'abroad', value: 0.047 },
      best: { group: 'domestic', value: 0.012 },
    });
  });

  it('flags groups under 30 examples and leaves them out of the gap, but shows them', () => {
    const shown = view();
    expect(shown.minGroupSize).toBe(30);
    expect(shown.groups.map(({ name, count, small }) => `${name} ${count} ${small}`)).toEqual([
      'domestic 2140 false',
      'abroad 412 false',
      'online-only 198 false',
      'unknown 12 true',
    ]);
    // "unknown" has the lowest recall (0.5) and the highest rate (0.1): too small to read.
    expect(shown.metrics.map((metric) => metric.gap?.worst.group)).toEqual(['abroad', 'abroad']);
    expect(shown.groups[3]?.values).toEqual([0.5, 0.1]);
  });

  it('takes a group of exactly 30 examples into the gap', () => {
    const csv = 'g,recall,count\na,0.9,30\nb,0.8,29\nc,0.7,31\n';
    const gap = view({ metrics: ['recall'], attribute: 'g' }, csv).metrics[0]?.gap;
    expect([gap?.worst.group, gap?.best.group]).toEqual(['c', 'a']);
  });

  it('uses every group when the file has no count, and flags none', () => {
    const csv = 'g,recall\na,0.9\nb,0.4\n';
    const shown = view({ metrics: ['recall'] }, csv);
    expect(shown.groups.map((group) => [group.count, group.small])).toEqual([
      [undefined, false],
      [undefined, false],
    ]);
    expect(shown.metrics[0]?.gap?.worst).toEqual({ group: 'b', value: 0.4 });
  });

  it('leaves out groups without a value (NaN), and has no gap with fewer than two left', () => {
    const csv = 'g,recall,count\na,0.9,100\nb,nan,100\nc,0.2,10\n';
    expect(view({ metrics: ['recall'] }, csv).metrics[0]?.gap).toBeUndefined();
  });

  it('breaks ties by file order, and compares two different groups when all are equal', () => {
    expect(
      largestGap(
        [
          { group: 'a', value: 0.5 },
          { group: 'b', value: 0.5 },
          { group: 'c', value: 0.5 },
        ],
        'higher',
      ),
    ).toEqual({
      difference: 0,
      ratio: 1,
      worst: { group: 'a', value: 0.5 },
      best: { group: 'b', value: 0.5 },
    });
    expect(
      largestGap(
        [
          { group: 'a', value: 0.2 },
          { group: 'b', value: 0.9 },
          { group: 'c', value: 0.2 },
          { group: 'd', value: 0.9 },
        ],
        'lower',
      ),
    ).toMatchObject({ worst: { group: 'b' }, best: { group: 'a' } });
  });

  it('gives no ratio when it would divide by zero or mix signs', () => {
    expect(
      largestGap(
        [
          { group: 'a', value: 0 },
          { group: 'b', value: 0 },
        ],
        'higher',
      )?.ratio,
    ).toBeUndefined();
    expect(
      largestGap(
        [
          { group: 'a', value: -0.2 },
          { group: 'b', value: 0.3 },
        ],
        'higher',
      )?.ratio,
    ).toBeUndefined();
    expect(
      largestGap(
        [
          { group: 'a', value: 0 },
          { group: 'b', value: 0.3 },
        ],
        'higher',
      )?.ratio,
    ).toBe(0);
  });
});

describe('what the page shows', () => {
  it('labels a metric by its label, or its column made readable', () => {
    expect(
      view({
        metrics: [{ name: 'recall', label: 'Recall (fraud caught)' }, 'false_positive_rate'],
      }).metrics.map((metric) => metric.label),
    ).toEqual(['Recall (fraud caught)', 'false positive rate']);
    expect(
      ['false_positive_rate', 'selectionRate', 'AUC', 'true-positive-rate'].map(readableColumn),
    ).toEqual(['false positive rate', 'selection rate', 'AUC', 'true positive rate']);
  });

  it('shows the groups asked for, in the order asked', () => {
    const shown = view({ groups: ['abroad', 'domestic'] });
    expect(shown.groups.map((group) => group.name)).toEqual(['abroad', 'domestic']);
    expect(shown.chart.config.labels).toEqual(['abroad', 'domestic']);
  });

  it('draws one bar series per metric, by group, with the table as the page shows it', () => {
    const { chart } = view();
    expect(chart.config).toMatchObject({
      type: 'bar',
      labels: ['domestic', 'abroad', 'online-only', 'unknown'],
      xLabel: 'issuing region',
      series: [
        { label: 'Recall', data: [0.81, 0.66, 0.74, 0.5] },
        { label: 'False positive rate', data: [0.012, 0.047, 0.021, 0.1] },
      ],
    });
    expect(chart.table).toEqual({
      head: ['issuing region', 'Recall', 'False positive rate'],
      rows: [
        ['domestic', '0.81', '0.012'],
        ['abroad', '0.66', '0.047'],
        ['online-only', '0.74', '0.021'],
        ['unknown', '0.5', '0.1'],
      ],
    });
    expect(chart.summary).toBe(
      'Bar chart: Recall, False positive rate by issuing region, 4 points. The data table has every plotted value.',
    );
  });
});

describe('problems', () => {
  it('names a metric column the file does not have, with the columns it has', () => {
    expect(problems({ metrics: ['recal', { name: 'fpr', goal: 'lower' }] })).toEqual([
      'metrics.0: no column "recal" in ./fairness_by_group.csv (did you mean "recall"? available: "recall", "false_positive_rate", "selection_rate", "count")',
      'metrics.1.name: no column "fpr" in ./fairness_by_group.csv (available: "recall", "false_positive_rate", "selection_rate", "count")',
    ]);
  });

  it('says to keep the index when the file was saved without its groups (to_csv(index=False))', () => {
    const noIndex = CSV.split('\n')
      .map((line) => line.split(',').slice(1).join(','))
      .join('\n');
    expect(problems({}, noIndex)).toEqual([
      'metrics.0: column "recall" of ./fairness_by_group.csv is read as the group names, as the first column is, but holds numbers: save by_group.to_csv() without index=False, so the groups come first (metric columns: "false_positive_rate", "selection_rate", "count")',
    ]);
  });

  it('says the group column is no metric', () => {
    expect(problems({ metrics: ['issuing region'] })).toEqual([
      'metrics.0: column "issuing region" of ./fairness_by_group.csv names the groups, not a metric (metric columns: "recall", "false_positive_rate", "selection_rate", "count")',
    ]);
  });

  it('names a group the file does not have, with the groups it has', () => {
    expect(problems({ groups: ['abroad', 'Domestic', 'mars'] })).toEqual([
      'groups.1: no group "Domestic" in ./fairness_by_group.csv (did you mean "domestic"? groups there: "domestic", "abroad", "online-only", "unknown")',
      'groups.2: no group "mars" in ./fairness_by_group.csv (groups there: "domestic", "abroad", "online-only", "unknown")',
    ]);
  });

  it('names the row and column of a cell that is no number, in a shown column or count', () => {
    const csv = 'g,recall,precision,count\na,0.9,high,100\nb,high,0.5,1e2\nc,0.3,0.4,twelve\n';
    expect(problems({ metrics: ['recall'] }, csv)).toEqual([
      'from: ./fairness_by_group.csv: row 4, column "count": expected a whole number of examples, 0 or more, got "twelve"',
      'from: ./fairness_by_group.csv: row 3, column "recall": expected a number, got "high"',
    ]);
  });

  it('refuses a negative or fractional count', () => {
    expect(problems({ metrics: ['recall'] }, 'g,recall,count\na,0.9,-3\nb,0.8,10\n')).toEqual([
      'from: ./fairness_by_group.csv: row 2, column "count": expected a whole number of examples, 0 or more, got -3',
    ]);
    expect(problems({ metrics: ['recall'] }, 'g,recall,Count\na,0.9,10\nb,0.8,10.5\n')).toEqual([
      'from: ./fairness_by_group.csv: row 3, column "Count": expected a whole number of examples, 0 or more, got 10.5',
    ]);
    expect(problems({ metrics: ['recall'] }, 'g,recall,count\na,0.9,1e300\nb,0.8,10\n')).toEqual([
      'from: ./fairness_by_group.csv: row 2, column "count": expected a whole number of examples, 0 or more, got 1e+300',
    ]);
    expect(problems({ metrics: ['recall'] }, 'g,recall,count\na,0.9,10\nb,0.8,inf\n')).toEqual([
      'from: ./fairness_by_group.csv: row 3, column "count": expected a whole number of examples, 0 or more, got Infinity',
    ]);
  });

  it('needs two groups, and each group once', () => {
    expect(problems({ metrics: ['recall'] }, 'g,recall\na,0.9\n')).toEqual([
      'from: ./fairness_by_group.csv holds one group ("a"); a breakdown compares at least two',
    ]);
    expect(problems({ metrics: ['recall'] }, 'g,recall\na,0.9\nb,0.3\na,0.8\n')).toEqual([
      'from: ./fairness_by_group.csv: group "a" is in row 2 and in row 4; each group is one row',
    ]);
  });

  it('says once that a group is in two rows, however many rows repeat it', () => {
    const csv = `g,recall\nb,0.5\n${'a,0.9\n'.repeat(5000)}`;
    expect(problems({ metrics: ['recall'] }, csv)).toEqual([
      'from: ./fairness_by_group.csv: group "a" is in row 3 and in row 4; each group is one row',
    ]);
  });

  it('refuses a file of more groups than a page shows, unless groups names the ones to show', () => {
    const rows = Array.from({ length: 100_000 }, (_, index) => `g${index},${index % 10}\n`);
    const csv = `g,recall\n${rows.join('')}`;
    expect(problems({ metrics: ['recall'] }, csv)).toEqual([
      'from: ./fairness_by_group.csv holds 100000 groups, more than the 40 a breakdown shows; list the ones to show under groups (groups there: "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9", "g10", "g11", and 99988 more)',
    ]);
    expect(view({ metrics: ['recall'], groups: ['g99999', 'g7'] }, csv).groups).toEqual([
      { name: 'g99999', small: false, values: [9] },
      { name: 'g7', small: false, values: [7] },
    ]);
    const forty = `g,recall\n${rows.slice(0, 40).join('')}`;
    expect(view({ metrics: ['recall'] }, forty).groups).toHaveLength(40);
  });

  it('refuses a metric or a group listed twice', () => {
    expect(
      problems({ metrics: ['recall', { name: 'recall', goal: 'lower' }], groups: ['a', 'a'] }),
    ).toEqual([
      'metrics.1.name: "recall" is listed twice (also metrics[0])',
      'groups.0: no group "a" in ./fairness_by_group.csv (groups there: "domestic", "abroad", "online-only", "unknown")',
      'groups.1: "a" is listed twice',
    ]);
  });
});

describe('group names from the file', () => {
  it('refuses one a page cannot show, one that reads out of order, and one too long for a cell', () => {
    const long = 'x'.repeat(81);
    const csv = `g,recall\nok,0.5\nbell\u0007,0.6\nab\u202ecd,0.7\n${long},0.8\n`;
    expect(problems({ metrics: ['recall'] }, csv)).toEqual([
      'from: ./fairness_by_group.csv: row 3: group "bell\\u0007": the control character U+0007 (character 5) cannot be shown on a page or in a feed; remove it (tabs and line breaks are fine)',
      'from: ./fairness_by_group.csv: row 4: group "ab\\u202ecd": the bidirectional control U+202E (character 3) makes a name read in another order than it is written; remove it',
      `from: ./fairness_by_group.csv: row 5: group "${'x'.repeat(57)}..." is 81 characters long; shorten it to at most 80`,
    ]);
  });
});
