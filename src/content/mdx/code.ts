import { tokenizer } from 'acorn';
import type { BodyProblem } from './checks.ts';
import type { MdxContents } from './elements.ts';
import { DYNAMIC, evaluateStatic } from './static-expression.ts';

/**
 * Code in an MDX body: a `{...}` expression in the text, a prop written as
 * code (`src={file}`) or spread (`{...props}`). MDX runs it while the build
 * renders the page, so nothing can check it before: a name that does not
 * exist stops the build with a stack trace, and a prop known only then
 * escapes every check of files and columns. So code is refused, with its
 * line; values are not. A value written in braces (`{["loss", "val_loss"]}`,
 * `{0.91}`, `{"text"}`) and a comment (`{/* note *\/}`) are not code: they
 * are read as they are written, without running anything.
 */
export function codeProblems(body: Pick<MdxContents, 'elements' | 'expressions'>): BodyProblem[] {
  const problems: BodyProblem[] = [];
  for (const expression of body.expressions) {
    if (isCommentOnly(expression.code) || evaluateStatic(expression.code) !== DYNAMIC) continue;
    problems.push({
      line: expression.line,
      message: `${quoteCode(expression.code)} is code, which would run during the build; Casefolio runs no code from content, so write the text or value itself (a metric's value is <Metric name="..." />)`,
    });
  }
  for (const element of body.elements) {
    const tag = `<${element.name}>`;
    if (element.hasSpread) {
      problems.push({
        line: element.line,
        message: `${tag}: {...} passes props as code, which Casefolio cannot check before the build; write each prop itself`,
      });
    }
    for (const [name, value] of Object.entries(element.props)) {
      if (value !== DYNAMIC) continue;
      problems.push({
        line: element.line,
        message: `${tag} ${name}: written as code, which Casefolio cannot check before the build and runs no code from content; write the value itself (${name}="..." or ${name}={["a", "b"]})`,
      });
    }
  }
  return problems;
}

/** `{code}`, shortened to one readable line. */
function quoteCode(code: string): string {
  const line = code.replace(/\s+/g, ' ').trim();
  return `{${line.length > 40 ? `${line.slice(0, 39)}…` : line}}`;
}

/** Whether an expression holds nothing but comments and spaces (`{/* note *\/}`). */
function isCommentOnly(code: string): boolean {
  try {
    for (const _token of tokenizer(code, { ecmaVersion: 'latest' })) return false;
    return true;
  } catch {
    return false;
  }
}
