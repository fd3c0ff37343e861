/**
 * The formulas of a parsed Markdown or MDX text, read where the build
 * renders them (markdown.ts), and the one line for one that does not render.
 * The content check reads an MDX body's with these (content/mdx/elements.ts
 * and math.ts); any other Markdown can be checked the same way, from
 * Sätteri's `markdownToMdast(text, { position: true, features: mathFeatures })`.
 */

import { escapeUnprintable } from '../problems/describe-value.ts';
import { isDisplayDollars, isProseDollars } from './dollars.ts';
import { texProblem } from './tex-problem.ts';

/** A formula: `$…$`, `$$…$$` or a fenced `math` block. */
export interface Formula {
  /** The TeX between the delimiters. */
  tex: string;
  /** Display math (`$$`, or a `math` block), which allows a few commands inline math does not. */
  display: boolean;
  /** The formula as written, delimiters included, for a message. */
  written: string;
  /** 1-based line in the file where the formula starts. */
  line: number;
}

/** The parts of an mdast node (Sätteri's or micromark's, parsed with positions) a formula is read from. */
export interface MathNode {
  type: string;
  value?: string | undefined;
  lang?: string | null | undefined;
  position?:
    | {
        start: { line: number; offset?: number | undefined };
        end?: { offset?: number | undefined };
      }
    | undefined;
}

/** Whether a node holds math as the build renders it: `$…$`, a `$$` block or a fenced `math` block. */
export function isMathNode(node: MathNode): boolean {
  return (
    node.type === 'inlineMath' ||
    node.type === 'math' ||
    (node.type === 'code' && node.lang === 'math')
  );
}

/**
 * The formula a math node holds, or undefined for a dollar amount in prose
 * (`costs $5 and $10`, dollars.ts), which the build shows as the text it is.
 * `source` is the text that was parsed, `firstLine` its first line's line in the file.
 */
export function formulaOf(node: MathNode, source: string, firstLine = 1): Formula | undefined {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end?.offset ?? start;
  const formula = {
    tex: node.value ?? '',
    display: true,
    written: source.slice(start, end),
    line: firstLine + (node.position?.start.line ?? 1) - 1,
  };
  if (node.type !== 'inlineMath') return formula;
  if (isProseDollars(source, start, end)) return undefined;
  return { ...formula, display: isDisplayDollars(source, start) };
}

/** How much of a formula a message quotes: enough to find it on its line. */
const QUOTED = 50;

/**
 * What is wrong with a formula, quoting it, or undefined when it renders:
 * `$\fracc{1}{2}$: unknown command \fracc (did you mean \frac?)`.
 */
export function formulaProblem(formula: Formula): string | undefined {
  const problem = texProblem(formula.tex, formula.display);
  return problem === undefined ? undefined : `${quoted(formula.written)}: ${problem}`;
}

/** A formula as written, on one line, shortened in the middle of a long one. */
function quoted(written: string): string {
  const oneLine = written.replace(/\s+/g, ' ');
  if (oneLine.length <= QUOTED) return escapeUnprintable(oneLine);
  const closing = /(\$+|```|~~~)$/.exec(oneLine)?.[0] ?? '';
  return escapeUnprintable(`${oneLine.slice(0, QUOTED - closing.length - 1)}…${closing}`);
}
