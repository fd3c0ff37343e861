import { describe, expect, it } from 'vitest';
import {
  formatFieldPath,
  formatFinding,
  formatProblem,
  problemsSummary,
  sortProblems,
  type ContentProblem,
} from '../../../src/problems/problem.ts';

describe('formatFieldPath', () => {
  it('uses the contract notation', () => {
    expect(formatFieldPath(['metrics', 1, 'value'])).toBe('metrics[1].value');
    expect(formatFieldPath(['dataset', 'acess'])).toBe('dataset.acess');
    expect(formatFieldPath(['links', 0, 'url'])).toBe('links[0].url');
    expect(formatFieldPath(['model', 'hyperparameters', 'max depth'])).toBe(
      'model.hyperparameters.max depth',
    );
    expect(formatFieldPath(['matrix', 0, 1])).toBe('matrix[0][1]');
    expect(formatFieldPath(['title'])).toBe('title');
    expect(formatFieldPath([])).toBe('');
  });

  it('escapes control characters in a field name, so the line stays one printable line', () => {
    expect(formatFieldPath(['model', 'hyperparameters', 'a\nb\u001b[2J\u0085'])).toBe(
      'model.hyperparameters.a\\u000ab\\u001b[2J\\u0085',
    );
  });
});

describe('formatProblem', () => {
  it('prints one line as file:line: field: message', () => {
    expect(
      formatProblem({
        file: 'content/case-studies/churn-model/index.mdx',
        field: 'metrics[1].value',
        line: 14,
        message: 'expected a number, got "0.91 AUC" (metric "AUC")',
      }),
    ).toBe(
      'content/case-studies/churn-model/index.mdx:14: metrics[1].value: expected a number, got "0.91 AUC" (metric "AUC")',
    );
  });

  it('prints file:line: message for a problem that is not about a field', () => {
    expect(
      formatProblem({ file: 'content/case-studies/a.mdx', line: 17, message: 'MDX syntax: x' }),
    ).toBe('content/case-studies/a.mdx:17: MDX syntax: x');
  });

  it('stays one line whatever the message quotes: line ends and separators become escapes', () => {
    expect(
      formatProblem({
        file: 'content/profile.yaml',
        line: 3,
        field: 'avatar',
        message: 'file not found: "a\r\nb\u2028c\u2029d"',
      }),
    ).toBe('content/profile.yaml:3: avatar: file not found: "a\\r\\nb\\u2028c\\u2029d"');
  });

  it('prints no control character a message shows unquoted: ESC, NUL, C1 and bidi controls become escapes, tab stays', () => {
    expect(
      formatFinding({
        file: 'content/case-studies/a.mdx',
        line: 9,
        severity: 'warning',
        message: 'metrics[0] (c1\u0085 \u001b[2J\u0000\u202e\tname) has no baseline',
      }),
    ).toBe(
      'content/case-studies/a.mdx:9: warning: metrics[0] (c1\\u0085 \\u001b[2J\\u0000\\u202e\tname) has no baseline',
    );
  });

  it('leaves out the line when the problem is about the whole file', () => {
    expect(
      formatProblem({ file: 'content/case-studies/a.mdx', field: 'title', message: 'x' }),
    ).toBe('content/case-studies/a.mdx: title: x');
  });

  it('leaves out the field when there is none', () => {
    expect(formatProblem({ file: 'content/profile.yaml', message: 'file not found' })).toBe(
      'content/profile.yaml: file not found',
    );
    expect(formatProblem({ file: 'content/profile.yaml', field: '', message: 'x' })).toBe(
      'content/profile.yaml: x',
    );
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, keeping the found order within a line', () => {
    const problems: ContentProblem[] = [
      { file: 'content/profile.yaml', line: 3, message: 'b' },
      { file: 'content/case-studies/b.mdx', line: 2, message: 'x' },
      { file: 'content/case-studies/a.mdx', line: 9, field: 'title', message: 'y' },
      { file: 'content/case-studies/a.mdx', line: 2, field: 'period.start', message: 'z' },
      { file: 'content/case-studies/a.mdx', line: 2, field: 'period.end', message: 'w' },
      { file: 'content/case-studies/a.mdx', field: 'period', message: 'no line' },
      { file: 'content/profile.yaml', line: 3, message: 'a' },
    ];
    const order = sortProblems(problems).map(
      (p) => `${p.file}:${p.line ?? '-'}:${p.field ?? ''}:${p.message}`,
    );
    expect(order).toEqual([
      'content/case-studies/a.mdx:-:period:no line',
      'content/case-studies/a.mdx:2:period.start:z',
      'content/case-studies/a.mdx:2:period.end:w',
      'content/case-studies/a.mdx:9:title:y',
      'content/case-studies/b.mdx:2::x',
      'content/profile.yaml:3::b',
      'content/profile.yaml:3::a',
    ]);
  });

  it('returns a new list', () => {
    const problems: ContentProblem[] = [
      { file: 'b', message: 'x' },
      { file: 'a', message: 'y' },
    ];
    const sorted = sortProblems(problems);
    expect(sorted).not.toBe(problems);
    expect(problems[0]?.file).toBe('b');
  });
});

describe('problemsSummary', () => {
  const problem = (file: string, line: number): ContentProblem => ({ file, line, message: 'x' });

  it('counts problems and the files they are in, each noun in the right number', () => {
    expect(problemsSummary([problem('a.mdx', 1)])).toBe(
      'Casefolio found 1 problem in 1 file. Fix it and run the command again.',
    );
    expect(problemsSummary([problem('a.mdx', 1), problem('a.mdx', 4)])).toBe(
      'Casefolio found 2 problems in 1 file. Fix them and run the command again.',
    );
    expect(problemsSummary([problem('a.mdx', 1), problem('b.yaml', 2), problem('a.mdx', 3)])).toBe(
      'Casefolio found 3 problems in 2 files. Fix them and run the command again.',
    );
  });
});
