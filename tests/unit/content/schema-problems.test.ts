import { describe, expect, it } from 'vitest';
import { parseYaml, splitFrontmatter } from '../../../src/content/frontmatter.ts';
import { formatProblem } from '../../../src/problems/problem.ts';
import { metricNote, schemaProblems } from '../../../src/content/schema-problems.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import { profilePathSchema } from '../../../src/schemas/profile.ts';

/** The error lines of a case-study file, as `npm run check` prints them. */
function caseStudyLines(source: string): string[] {
  const split = splitFrontmatter(source);
  const parsed = parseYaml(split?.frontmatter ?? '', 1);
  if (!parsed.ok) throw new Error(parsed.message);
  return schemaProblems(caseStudyPathSchema, parsed.yaml, 'a.mdx').problems.map(formatProblem);
}

function profileLines(source: string): string[] {
  const parsed = parseYaml(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return schemaProblems(profilePathSchema, parsed.yaml, 'profile.yaml').problems.map(formatProblem);
}

const VALID = [
  '---', // 1
  'title: Churn', // 2
  'summary: A churn model.', // 3
  'organization: Acme', // 4
  'role: Intern', // 5
  'period: { start: 2025-06, end: 2025-08 }', // 6
  'dataset:', // 7
  '  name: Events', // 8
  '  access: confidential', // 9
  'model: { name: Trees, task: classification }', // 10
  'metrics:', // 11
  '  - { name: ROC AUC, value: 0.91 }', // 12
  '  - name: Recall', // 13
  '    value: 0.5', // 14
  'stakeholders:', // 15
  '  - { role: Head of Retention }', // 16
  '---',
  '',
  'Body.',
].join('\n');

/** VALID with the line numbered `line` replaced by `text` (which may hold several lines). */
const withLine = (line: number, text: string) => {
  const lines = VALID.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
};

describe('schemaProblems: every problem carries the line of its field', () => {
  it('finds nothing in a valid file', () => {
    expect(caseStudyLines(VALID)).toEqual([]);
  });

  it('wrong types, in a flow mapping on one line and in a block mapping', () => {
    expect(
      caseStudyLines(
        withLine(12, '  - { name: AUC, value: "0.91 AUC" }').replace(
          '    value: 0.5',
          '    value: high',
        ),
      ),
    ).toEqual([
      'a.mdx:12: metrics[0].value: expected a number, got "0.91 AUC" (metric "AUC")',
      'a.mdx:14: metrics[1].value: expected a number, got "high" (metric "Recall")',
    ]);
  });

  it('numbers with more digits than they hold, or beyond the range, as written', () => {
    expect(
      caseStudyLines(
        withLine(12, '  - { name: AUC, value: 123456789012345678901234567890 }').replace(
          '    value: 0.5',
          '    value: 1e400',
        ),
      ),
    ).toEqual([
      'a.mdx:12: metrics[0].value: 123456789012345678901234567890 has more digits than a number holds exactly and would show as 123,456,789,012,345,680,000,000,000,000; write at most 15 significant digits (metric "AUC")',
      'a.mdx:14: metrics[1].value: 1e400 is beyond the largest number a page can show (about 1.8e308); use a larger unit (metric "Recall")',
    ]);
    expect(
      caseStudyLines(
        withLine(
          10,
          'model: { name: Trees, task: other, hyperparameters: { seed: 0.1234567890123456789 } }',
        ),
      ),
    ).toEqual([
      'a.mdx:10: model.hyperparameters.seed: 0.1234567890123456789 has more digits than a number holds exactly and would show as 0.12345678901234568; write at most 15 significant digits',
    ]);
    expect(caseStudyLines(withLine(12, '  - { name: AUC, value: 0.30000000000000004 }'))).toEqual(
      [],
    );
  });

  it('unknown keys, with "did you mean", nested and top-level', () => {
    expect(caseStudyLines(withLine(9, '  acess: public\nsumary: x'))).toEqual([
      'a.mdx:9: dataset.acess: unknown field (did you mean "access"?)',
      'a.mdx:10: sumary: unknown field (did you mean "summary"?)',
    ]);
  });

  it('missing fields: at the list item, the mapping, or the opening fence', () => {
    expect(
      caseStudyLines(
        withLine(2, '')
          .replace('  - name: Recall\n    value: 0.5', '  - name: Recall')
          .replace('  name: Events\n', ''),
      ),
    ).toEqual([
      'a.mdx:1: title: required field is missing (expected text)',
      'a.mdx:7: dataset.name: required field is missing (expected text)',
      'a.mdx:12: metrics[1].value: required field is missing (expected a number, or from + key to read it from a file) (metric "Recall")',
    ]);
  });

  it('enums, lengths, URL schemes and the confidential URL', () => {
    const source = withLine(10, 'model: { name: Trees, task: clasification }')
      .replace('title: Churn', `title: ${'x'.repeat(121)}`)
      .replace(
        '  access: confidential',
        '  access: confidential\n  url: https://data.acme.internal',
      )
      .replace('stakeholders:', 'links: { repo: "javascript:alert(1)" }\nstakeholders:');
    expect(caseStudyLines(source)).toEqual([
      'a.mdx:2: title: expected at most 120 characters, got 121',
      'a.mdx:10: dataset.url: not allowed when access is "confidential"; remove the link or change access',
      expect.stringMatching(
        /^a\.mdx:11: model\.task: expected one of .*, got "clasification" \(did you mean "classification"\?\)$/,
      ),
      'a.mdx:16: links.repo: only https and http links are allowed, got "javascript:alert(1)"',
    ]);
  });

  it('two primaries and a duplicate name point at the later metric', () => {
    const source = withLine(12, '  - { name: Recall, value: 0.91, primary: true }').replace(
      '    value: 0.5',
      '    value: 0.5\n    primary: true',
    );
    expect(caseStudyLines(source)).toEqual([
      'a.mdx:13: metrics[1].name: duplicate metric name "Recall" (also metrics[0].name); names must be unique',
      'a.mdx:15: metrics[1].primary: only one metric can be primary, and metrics[0] already is (metric "Recall")',
    ]);
  });

  it('impossible dates say so, with the line', () => {
    expect(caseStudyLines(withLine(6, 'period: { start: 2025-06-31, end: 2025-08 }'))).toEqual([
      'a.mdx:6: period.start: 2025-06-31 is not a real date (June has 30 days)',
    ]);
  });

  it('profile.yaml fields, in flow and block lists', () => {
    const lines = profileLines(
      [
        'nme: Ada', // 1
        'headline: Intern', // 2
        'links:', // 3
        '  - { label: GitHub, url: "javascript:alert(1)" }', // 4
        'education:', // 5
        '  - school: Uni', // 6
        '    degree: MS', // 7
        '    start: 2025-02-29', // 8
        'experience:', // 9
        '  - { organization: Acme, role: Intern, start: 2024-04-31 }', // 10
      ].join('\n'),
    );
    expect(lines).toEqual([
      'profile.yaml:1: name: required field is missing (expected text)',
      'profile.yaml:4: links[0].url: only https, http and mailto links are allowed, got "javascript:alert(1)"',
      'profile.yaml:8: education[0].start: 2025-02-29 is not a real date (February 2025 has 28 days)',
      'profile.yaml:10: experience[0].start: 2024-04-31 is not a real date (April has 30 days)',
      'profile.yaml:1: nme: unknown field (did you mean "name"?)',
    ]);
  });

  it('a file that is not a mapping points at its first line', () => {
    expect(caseStudyLines('---\n- a\n- b\n---\n')).toEqual([
      'a.mdx:1: expected fields as key: value pairs, got something else',
    ]);
  });
});

describe('metricNote', () => {
  const data = {
    metrics: [{ name: '  Recall  ' }, { name: '' }, { value: 1 }, 'text', { name: 5 }],
  };

  it('names the metric a problem is in', () => {
    expect(metricNote(['metrics', 0, 'value'], data)).toBe(' (metric "Recall")');
    expect(metricNote(['metrics', 0, 'unit', 0], data)).toBe(' (metric "Recall")');
  });

  it('says nothing when the metric has no usable name', () => {
    for (const index of [1, 2, 3, 4, 9]) {
      expect(metricNote(['metrics', index, 'value'], data)).toBe('');
    }
  });

  it('says nothing about the name itself, the whole metric, or other fields', () => {
    expect(metricNote(['metrics', 0, 'name'], data)).toBe('');
    expect(metricNote(['metrics', 0], data)).toBe('');
    expect(metricNote(['metrics'], data)).toBe('');
    expect(metricNote(['stakeholders', 0, 'role'], data)).toBe('');
    expect(metricNote(['metrics', 0, 'value'], null)).toBe('');
  });
});
