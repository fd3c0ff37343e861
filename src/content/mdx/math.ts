import { formulaProblem } from '../../math/formulas.ts';
import type { BodyProblem } from './checks.ts';
import type { MdxContents } from './elements.ts';

/**
 * Every formula in a body that the build could not render, each on the line
 * where it starts: `math: $\fracc{1}{2}$: unknown command \fracc (did you
 * mean \frac?)`. The build's math plugin (math/markdown.ts) would show such
 * a formula as code; the check stops the build before it gets there.
 */
export function checkBodyMath(contents: Pick<MdxContents, 'math'>): BodyProblem[] {
  return contents.math.flatMap((formula) => {
    const problem = formulaProblem(formula);
    return problem === undefined ? [] : [{ line: formula.line, message: `math: ${problem}` }];
  });
}
