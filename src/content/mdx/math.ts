import { texProblem } from '../../math/tex-problem.ts';
import { escapeUnprintable } from '../../problems/describe-value.ts';
import type { BodyProblem } from './checks.ts';
import type { MdxContents, MdxMath } from './elements.ts';

/** How much of a formula a message quotes: enough to find it on its line. */
const QUOTED = 50;

/**
 * Every formula in a body that the build could not render, each on the line
 * where it starts: `math: $\fracc{1}{2}$: unknown command \fracc (did you
 * mean \frac?)`. The build's math plugin (math/markdown.ts) would show such a
 * formula as code; the check stops the build before it gets there.
 */
export function checkBodyMath(contents: Pick<MdxContents, 'math'>): BodyProblem[] {
  return contents.math.flatMap((formula) => {
    const problem = texProblem(formula.tex, formula.display);
    return problem ? [{ line: formula.line, message: `math: ${quoted(formula)}: ${problem}` }] : [];
  });
}

/** The formula as written, on one line, shortened in the middle of a long one. */
function quoted({ written }: MdxMath): string {
  const oneLine = written.replace(/\s+/g, ' ');
  if (oneLine.length <= QUOTED) return escapeUnprintable(oneLine);
  const closing = /\$+$/.exec(oneLine)?.[0] ?? (oneLine.endsWith('```') ? '```' : '');
  return escapeUnprintable(`${oneLine.slice(0, QUOTED - closing.length - 1)}…${closing}`);
}
