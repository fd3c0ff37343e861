import { markdownToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  formulaOf,
  formulaProblem,
  isMathNode,
  type Formula,
  type MathNode,
} from '../../../src/math/formulas.ts';
import { mathFeatures } from '../../../src/math/markdown.ts';

/** The formulas of plain Markdown (a notebook cell, say) starting on line `firstLine` of its file. */
function formulas(markdown: string, firstLine = 1): Formula[] {
  const tree = markdownToMdast(markdown, { position: true, features: mathFeatures });
  const found: Formula[] = [];
  const visit = (node: MathNode & { children?: unknown[] }) => {
    if (isMathNode(node)) {
      const formula = formulaOf(node, markdown, firstLine);
      if (formula) found.push(formula);
    }
    for (const child of node.children ?? []) visit(child as MathNode);
  };
  visit(tree as unknown as MathNode);
  return found;
}

describe('the formulas of a Markdown text', () => {
  it('are read where the build renders them, dollar amounts left out', () => {
    const markdown = 'Costs $5 and $10.\n\nThe loss $L$ and $$\\sum_i x_i$$.\n\n$$\nx^2\n$$\n';
    expect(formulas(markdown, 20)).toEqual([
      { tex: 'L', display: false, written: '$L$', line: 22 },
      { tex: '\\sum_i x_i', display: true, written: '$$\\sum_i x_i$$', line: 22 },
      { tex: 'x^2', display: true, written: '$$\nx^2\n$$', line: 24 },
    ]);
  });

  it('each have a one-line problem quoting them when they do not render', () => {
    const [bad, long] = formulas(
      `$\\fracc{1}{2}$\n\n$$\n\\begin{aligned} ${'a + '.repeat(30)} \\end{align}\n$$\n\n$x$`,
    );
    expect(formulaProblem(bad!)).toBe(
      '$\\fracc{1}{2}$: unknown command \\fracc (did you mean \\frac?)',
    );
    expect(formulaProblem(long!)).toBe(
      '$$ \\begin{aligned} a + a + a + a + a + a + a + …$$: \\begin{aligned} is closed by \\end{align}; the names must match',
    );
    expect(formulaProblem({ tex: 'x', display: false, written: '$x$', line: 1 })).toBeUndefined();
  });

  it('are quoted with control characters escaped, so a message stays one line', () => {
    const formula = {
      tex: '\\fracc\u001b[2J',
      display: false,
      written: '$\\fracc\u001b[2J$',
      line: 1,
    };
    expect(formulaProblem(formula)).toMatch(/^\$\\fracc\\u001b\[2J\$: /);
  });
});
