import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fairnessBreakdown } from '../../../src/fairness/breakdown.ts';
import { fairnessSchema } from '../../../src/schemas/responsible.ts';
import { projectRoot } from '../../helpers/build.ts';

/**
 * The fairness files fairlearn really writes (tests/fixtures/fairness-files,
 * made by make_fairness_files.py from a MetricFrame over a synthetic fraud
 * model): each read and worked out as a case study beside them would be.
 */

const folder = path.join(projectRoot, 'tests/fixtures/fairness-files');

function breakdown(
  from: string,
  metrics: unknown[] = ['recall', { name: 'false_positive_rate', goal: 'lower' }],
) {
  const fairness = fairnessSchema.parse({ attribute: 'issuing region', from, metrics });
  const result = fairnessBreakdown(fairness, path.join(folder, 'index.mdx'), folder);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.view;
}

/** Each group as `name count small: values`, values to four decimals. */
const groups = (view: ReturnType<typeof breakdown>) =>
  view.groups.map(
    (group) =>
      `${group.name} ${group.count} ${group.small ? 'small' : 'ok'}: ${group.values.map((value) => (value === null ? 'null' : value.toFixed(4))).join(' ')}`,
  );

/** Each metric's gap as `worst-best difference`, to four decimals. */
const gaps = (view: ReturnType<typeof breakdown>) =>
  view.metrics.map(({ gap }) =>
    gap
      ? `${gap.worst.group} ${gap.worst.value.toFixed(4)} < ${gap.best.group} ${gap.best.value.toFixed(4)}: ${gap.difference.toFixed(4)}`
      : 'none',
  );

const ONE_FEATURE = [
  'domestic 816 ok: 0.4516 0.0058',
  'eu 273 ok: 0.5577 0.0317',
  'rest_of_world 111 ok: 0.3125 0.1263',
];
const ONE_FEATURE_GAPS = [
  'rest_of_world 0.3125 < eu 0.5577: 0.2452',
  'rest_of_world 0.1263 < domestic 0.0058: 0.1205',
];

describe("fairlearn's by_group files", () => {
  it('reads to_csv(), with its float counts', () => {
    const view = breakdown('./by-group.csv');
    expect(groups(view)).toEqual(ONE_FEATURE);
    expect(gaps(view)).toEqual(ONE_FEATURE_GAPS);
  });

  it('reads to_json() in the columns and the index orient alike', () => {
    for (const file of ['./by-group.json', './by-group-index.json']) {
      const view = breakdown(file);
      expect(groups(view), file).toEqual(ONE_FEATURE);
      expect(gaps(view), file).toEqual(ONE_FEATURE_GAPS);
    }
  });

  it('names each group of two sensitive features by both', () => {
    const view = breakdown('./by-group-two-features.csv', ['recall']);
    expect(view.groups.map((group) => group.name)).toEqual([
      'domestic · credit',
      'domestic · debit',
      'eu · credit',
      'eu · debit',
      'rest_of_world · credit',
      'rest_of_world · debit',
    ]);
    expect(view.groups.every((group) => !group.small)).toBe(true);
  });

  it('shows an undefined recall as missing, flags the small group and leaves it out of the gap', () => {
    for (const file of ['./by-group-nan.csv', './by-group-nan.json']) {
      const view = breakdown(file);
      expect(groups(view), file).toEqual([
        'domestic 791 ok: 0.4516 0.0060',
        'eu 273 ok: 0.5577 0.0317',
        'pilot_branch 25 small: null 0.0000',
        'rest_of_world 111 ok: 0.3125 0.1263',
      ]);
      // pilot_branch's 0.0 false-positive rate would be the best: it is too small to count.
      expect(gaps(view), file).toEqual([
        'rest_of_world 0.3125 < eu 0.5577: 0.2452',
        'rest_of_world 0.1263 < domestic 0.0060: 0.1203',
      ]);
    }
  });
});
