import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type BuildResult } from '../helpers/build.ts';
import { checkFixture, problemLines } from '../helpers/check-lines.ts';

/**
 * Formulas the renderer cannot read (tests/fixtures/math-errors): each is one
 * line naming the file, the line where the formula starts, the formula and
 * the fix; every one of them in one run; the same lines from
 * `npm run check` and from the build, which stops before it renders a page
 * and prints no stack trace. Dollar amounts in the same file are prose.
 */

const FILE = 'tests/fixtures/math-errors/content/case-studies/bad-math.mdx';

const EXPECTED = [
  '21: math: $\\fracc{1}{1 + e^{-z}}$: unknown command \\fracc (did you mean \\frac?)',
  '25: math: $$ \\begin{aligned} P &= \\frac{TP}{TP + FP} \\\\ R…$$: \\begin{aligned} is closed by \\end{align}; the names must match',
  '34: math: $\\hat{y}_{i$: a { is never closed; add the missing }',
  '34: math: $x^$: ^ at the end has nothing to raise; write x^{2}, or remove it',
  '34: math: $\\lamda$: unknown command \\lamda (did you mean \\lambda?)',
  '36: math: ```math \\begin{matrx} 1 & 0 \\\\ 0 & 1 \\end{matr…```: unknown environment \\begin{matrx} (did you mean \\begin{matrix}?)',
  '42: math: $\\tag{1} x$: \\tag works only in display math: write the formula between $$ and $$',
  '42: math: $\\includegraphics{secret.png}$: \\includegraphics is not allowed in a formula on the site (it would load a file or style the page)',
].map((line) => `${FILE}:${line}`);

describe('formulas that do not render', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'math-errors' });
  });

  it('fail the build with one line each, naming the file, the line and the fix', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(problemLines(result.stderr)).toEqual(EXPECTED);
    expect(listFiles(result.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
  });

  it('are refused by npm run check with the same lines', () => {
    expect(checkFixture('math-errors')).toEqual({ status: 1, lines: EXPECTED });
  });
});
