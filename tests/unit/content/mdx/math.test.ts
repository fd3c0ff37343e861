import { describe, expect, it } from 'vitest';
import { checkBodyCode } from '../../../../src/content/mdx/code.ts';
import { scanMdx } from '../../../../src/content/mdx/elements.ts';
import { checkBodyMath } from '../../../../src/content/mdx/math.ts';

/** A body starting on line 10 of its file, scanned as the check scans it. */
function scan(body: string) {
  const scanned = scanMdx(body, 10);
  if (!scanned.ok) throw new Error(`line ${scanned.line}: ${scanned.message}`);
  return scanned;
}

/** The math problems of a body starting on line 10, as `line: message`. */
function check(body: string): string[] {
  return checkBodyMath(scan(body)).map(({ line, message }) => `${line}: ${message}`);
}

describe('the formulas of an MDX body', () => {
  it('are found where the build renders them, with their lines and display mode', () => {
    const body = [
      'Inline $x_i$ and $$\\sum_i x_i$$ in a sentence.',
      '',
      '$$',
      '\\frac{1}{2}',
      '$$',
      '',
      '```math',
      'E = mc^2',
      '```',
      '',
      '`$not math$` and a fee of $5 and $10.',
    ].join('\n');
    expect(scan(body).math).toEqual([
      { tex: 'x_i', display: false, written: '$x_i$', line: 10 },
      { tex: '\\sum_i x_i', display: true, written: '$$\\sum_i x_i$$', line: 10 },
      { tex: '\\frac{1}{2}', display: true, written: '$$\n\\frac{1}{2}\n$$', line: 12 },
      { tex: 'E = mc^2', display: true, written: '```math\nE = mc^2\n```', line: 16 },
    ]);
  });

  it('hold TeX, not code: braces inside a formula are not expressions', () => {
    const body = 'Precision $\\frac{TP}{TP + FP}$ and the set $\\{0, 1\\}$.';
    expect(scan(body).code).toEqual([]);
    expect(checkBodyCode(scan(body))).toEqual([]);
  });

  it('each get a line of their own when they do not render, all of them in one run', () => {
    const body = [
      'Score $\\fracc{1}{2}$, label $y \\in \\{0, 1\\}$, power $x^$.',
      '',
      '$$',
      '\\begin{aligned} a &= b \\\\ c &= d \\end{align}',
      '$$',
      '',
      'A review costs $5 and a missed fraud $180.',
    ].join('\n');
    expect(check(body)).toEqual([
      '10: math: $\\fracc{1}{2}$: unknown command \\fracc (did you mean \\frac?)',
      '10: math: $x^$: ^ at the end has nothing to raise; write x^{2}, or remove it',
      '12: math: $$ \\begin{aligned} a &= b \\\\ c &= d \\end{align} $$: \\begin{aligned} is closed by \\end{align}; the names must match',
    ]);
  });

  it('are quoted shortened and on one line in a message', () => {
    const long = `$$\n\\begin{foo} ${'x + '.repeat(40)}\n$$`;
    const [line] = check(long);
    expect(line).toMatch(
      /^10: math: \$\$ \\begin\{foo\} x \+ .*…\$\$: unknown environment \\begin\{foo\}; /,
    );
    expect(line).not.toContain('\n');
  });
});

describe('dollar amounts in a body', () => {
  it('are text the search index reads, as on the page', () => {
    const scanned = scan('A review costs $5 and a missed fraud $180, with $x$ as math.');
    expect(scanned.text).toEqual(['A review costs $5 and a missed fraud $180, with  as math.']);
    expect(scanned.math.map((formula) => formula.tex)).toEqual(['x']);
  });
});
