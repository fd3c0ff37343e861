import { oneLine } from './one-line.ts';
import { pluralize } from './plural.ts';
import { escapeUnprintable } from './describe-value.ts';

/**
 * A problem found in the intern's content: one line of output, in the
 * contract's shape `file:line: field: message`.
 */
export interface ContentProblem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** Field path in the contract's notation (`metrics[1].value`), if the problem has one. */
  field?: string;
  /**
   * 1-based line in the file: of the field, or of the element in the body.
   * Only problems about a whole file (a bad slug, a missing file) have none.
   */
  line?: number;
  /** What was expected and what was found, and the fix when there is one. */
  message: string;
}

/**
 * The one-line form printed by `build` and `check`: `file:line: field:
 * message`, with `:line` left out when the problem is about the whole file
 * and `field: ` when it is not about a field (the MDX body, YAML syntax).
 * Line breaks quoted from content are written as escapes (`oneLine`).
 */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  // One line whatever a message quotes from content (a path, a name).
  return oneLine(
    problem.field
      ? `${where}: ${problem.field}: ${problem.message}`
      : `${where}: ${problem.message}`,
  );
}

/**
 * A finding as `npm run check` and the build print it: a warning's message
 * starts with `warning: ` (`file:line: warning: message`), an error's does not.
 */
export function formatFinding(finding: ContentProblem & { severity: 'error' | 'warning' }): string {
  return formatProblem(
    finding.severity === 'warning'
      ? { ...finding, message: `warning: ${finding.message}` }
      : finding,
  );
}

/**
 * The line after the problems that stop a build: `Casefolio found 3 problems
 * in 2 files. Fix them and run the command again.`
 */
export function problemsSummary(problems: readonly ContentProblem[]): string {
  const files = new Set(problems.map((problem) => problem.file)).size;
  return `Casefolio found ${pluralize(problems.length, 'problem')} in ${pluralize(files, 'file')}. Fix ${problems.length === 1 ? 'it' : 'them'} and run the command again.`;
}

/**
 * By file, then by line. The sort is stable, so problems on one line keep the
 * order the schema found them in (`period.start` before `period.end`).
 */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `['metrics', 1, 'value']` -> `metrics[1].value`; a name's unprintable characters escaped. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const name = escapeUnprintable(String(segment));
      out += out === '' ? name : `.${name}`;
    }
  }
  return out;
}
