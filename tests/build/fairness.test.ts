import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../helpers/build.ts';
import { readTrace } from '../helpers/read-trace.ts';
import { checkFixture, problemLines, runCheck } from '../helpers/check-lines.ts';

/**
 * Responsible ML's fairness breakdown (issue 19) in a build and in `npm run
 * check`: tests/fixtures/fairness holds the issue's `responsible:` block
 * with fairlearn's by_group CSV (one group under 30 examples) and a JSON
 * breakdown under a key; tests/fixtures/fairness-broken every way the
 * frontmatter and the file can disagree, which one run reports together.
 */

const studies = path.join(projectRoot, 'tests/fixtures/fairness/content/case-studies');

const at = (study: string, rest: string) =>
  `tests/fixtures/fairness-broken/content/case-studies/${study}/index.mdx:${rest}`;

const EXPECTED = [
  at(
    'bad-cells',
    '17: responsible.fairness.from: ./by_group.csv: row 4, column "count": expected a whole number of examples, 0 or more, got -12',
  ),
  at(
    'bad-cells',
    '17: responsible.fairness.from: ./by_group.csv: row 3, column "recall": expected a number, got "high"',
  ),
  // Excel in a language that writes 0,5 saved it: a BOM, ";" between cells, decimal commas.
  at(
    'excel-saved',
    '17: responsible.fairness.from: ./by_group.csv: row 2, column "recall": "0,81" is written with a decimal comma, as a spreadsheet saves it in many languages; save the file with decimal points, as by_group.to_csv() writes it',
  ),
  // The README's block as an intern first types it: every slip is one line that says the fix.
  at(
    'intern-yaml',
    '14: responsible.limitations: expected a list, got "New merchant categories are under-represented."',
  ),
  at(
    'intern-yaml',
    '16: responsible.risks[0].reviewed monthly: unknown field (allowed: risk, mitigation); a comma inside { } ends a value, so quote it: mitigation: "Threshold per issuing region, reviewed monthly"',
  ),
  at(
    'intern-yaml',
    '17: responsible.risks[1]: expected a set of fields (key: value), got "Cards issued abroad are reviewed more often." (fields: risk, mitigation)',
  ),
  at(
    'intern-yaml',
    '21: responsible.fairness.metrics[1].goal: expected one of "higher" | "lower", got "Lower" (did you mean "lower"?)',
  ),
  at(
    'leaky-groups',
    '17: responsible.fairness.from: ./by_group.csv: group "billing@acme-payments.com": an email address (billing@acme-payments.com), in a case study whose dataset is confidential; rename the group in the file before publishing',
  ),
  at('missing-file', '17: responsible.fairness.from: file not found: "./fairness_by_group.csv"'),
  at(
    'one-group',
    '17: responsible.fairness.from: ./by_group.json holds one group ("domestic"); a breakdown compares at least two',
  ),
  at(
    'too-many-groups',
    '17: responsible.fairness.from: ./by_group.csv holds 45 groups, more than the 40 a breakdown shows; list the ones to show under groups (groups there: "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12", and 33 more)',
  ),
  at(
    'unknown-group',
    '19: responsible.fairness.groups[1]: no group "Abroad" in ./by_group.csv (did you mean "abroad"? groups there: "domestic", "abroad", "unknown")',
  ),
  at(
    'unknown-group',
    '19: responsible.fairness.groups[2]: no group "mars" in ./by_group.csv (groups there: "domestic", "abroad", "unknown")',
  ),
  at(
    'unknown-metric',
    '18: responsible.fairness.metrics[0]: no column "recal" in ./by_group.csv (did you mean "recall"? available: "recall", "false_positive_rate", "count")',
  ),
  at(
    'unknown-metric',
    '18: responsible.fairness.metrics[1].name: no column "fpr" in ./by_group.csv (available: "recall", "false_positive_rate", "count")',
  ),
];

const LIMITATIONS_WARNING = at(
  'no-limitations',
  '8: warning: a classification model without responsible.limitations: add where it is known to do badly or was not tested (a rare class, a group with little data, traffic after the training period), as responsible.limitations: [...]',
);

describe('a case study with a fairness breakdown', () => {
  let result: BuildResult;
  // Every read of a file under the case studies is recorded.
  const trace = readTrace('fairness-reads', studies);
  beforeAll(async () => {
    result = await buildSite({
      fixture: 'fairness',
      fresh: true,
      label: 'fairness-reads',
      env: trace.env,
    });
  });

  it('builds, and npm run check finds nothing to say', () => {
    expect(result.code, result.stderr).toBe(0);
    const check = runCheck('tests/fixtures/fairness/content');
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('0 errors, 0 warnings in 2 case studies and the profile.');
    expect(check.status).toBe(0);
  });

  it('reads each fairness file once, in the check, and pages read none again', () => {
    const named = ['card-fraud/fairness_by_group.csv', 'loan-default/by_group.json'];
    expect(trace.timesRead(named)).toEqual({ [named[0]!]: 1, [named[1]!]: 1 });
    const pids = trace.reads().filter((read) => named.includes(read.file));
    expect(new Set(pids.map(({ pid }) => pid)).size).toBe(1);
  });
});

describe('fairness files that do not fit their frontmatter', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'fairness-broken' });
  });

  it('fail the build with one line each, all in one run, naming what the file holds', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(problemLines(result.stderr)).toEqual(EXPECTED);
  });

  it('are refused by npm run check with the same lines, beside the limitations warning', () => {
    expect(checkFixture('fairness-broken')).toEqual({ status: 1, lines: EXPECTED });
    const check = runCheck('tests/fixtures/fairness-broken/content');
    expect(check.stdout.split('\n').filter((line) => line.includes('warning:'))).toEqual([
      LIMITATIONS_WARNING,
    ]);
  });
});
