/**
 * How a failed build ends. It prints the contract's lines (problems, then
 * the summary) with nothing of Astro's error reporter around them (no stack
 * trace, no "[ERROR]" frame), exits non-zero and leaves an empty output
 * folder.
 *
 * Content problems are thrown: the state's `ready` rejects with
 * `contentProblemsError`; the content loaders wait for it (through
 * virtual:casefolio/config, content/loaders/checked-loader.ts) and throw it;
 * Astro's content sync passes a loader's error on as it is, up to its CLI,
 * which prints an error that is not one of Astro's own as its bare message,
 * adding a stack trace only when the error has one (astro/dist/cli/throw-and-exit.js,
 * formatErrorMessage in astro/dist/core/messages/runtime.js), and exits with 1.
 *
 * Casefolio's own machinery failing (the check process, the card painter,
 * the search index) is thrown the same way, as `machineryFailure`: the
 * check's failure through `ready`, so the loaders throw it; the cards' and the
 * index's from the astro:build:done hook, where Astro first names the hook
 * ("[ERROR] [casefolio] An unhandled error occurred while running the
 * "astro:build:done" hook"), then prints the line. Nothing here ends the
 * process itself.
 */

import { emptyOutDir } from '../output/out-dir.ts';
import { formatProblem, problemsSummary, type ContentProblem } from '../problems/problem.ts';
import type { IntegrationState } from './state.ts';

/**
 * The error a build or `astro sync` over content with problems ends with:
 * one line a problem, a blank line and the summary, and no stack, so that
 * Astro's CLI prints exactly these lines (see above).
 */
export function contentProblemsError(problems: readonly ContentProblem[]): Error {
  const error = new Error(
    `${problems.map(formatProblem).join('\n')}\n\n${problemsSummary(problems)}`,
  );
  error.stack = '';
  return error;
}

/**
 * The error a build ends with when Casefolio's own machinery fails (the check
 * process, the card painter, the search index): one line, "`failure`: the
 * cause", and no stack, so that Astro's CLI prints the line as it is. Not a
 * content problem: those are reported before (contentProblemsError).
 */
export function machineryFailure(failure: string, cause: unknown): Error {
  const error = new Error(`${failure}: ${cause instanceof Error ? cause.message : String(cause)}`);
  error.stack = '';
  return error;
}

/**
 * Empties the build's output folder (`state.outDir`, read as the process
 * exits, since another integration may move it after setup) when the build
 * fails, whatever stops it: content problems, a page that fails to render,
 * the search index or the cards failing. So the previous site cannot be
 * deployed by mistake as if it were this one. Emptying rather than writing a
 * marker file: every deploy tool uploads a folder with a marker in it, none
 * can upload an empty one. It is what Astro itself does before writing a
 * site (keeping .git), so it removes nothing a successful build would have kept.
 */
export function emptyOutDirOnFailure(state: Pick<IntegrationState, 'outDir'>): void {
  process.once('exit', (code) => {
    if (code !== 0 && state.outDir) emptyOutDir(state.outDir);
  });
}
