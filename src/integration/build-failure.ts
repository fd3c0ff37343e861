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
 * the search indexer) ends the process instead (`resultOrExit`):
 * there the same error would reach Astro another way, and be printed with
 * Astro's words around it. Thrown from a hook, it comes after Astro's
 * "[ERROR] [casefolio] An unhandled error occurred while running the
 * "astro:build:done" hook" line; thrown before the check has listed the
 * files to load, it fails Astro's content config and Astro wraps it in its
 * GenerateContentTypesError, with a hint, a docs link and a stack trace (and
 * listing no files instead, for the loaders to throw it, makes Astro's glob
 * loader warn that it found none).
 */

import type { AstroIntegrationLogger } from 'astro';
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
 * What `job` resolves with; if it fails, the process ends with status 1
 * after one line, "`failure`: the error's message", on Astro's logger when
 * given (as "[ERROR] [casefolio] …"), else plain on stderr. The one
 * `process.exit` of the integration, for the failures of Casefolio's own
 * machinery that Astro would report with its own words around them (see above).
 */
export async function resultOrExit<T>(
  job: Promise<T>,
  failure: string,
  logger?: AstroIntegrationLogger,
): Promise<T> {
  try {
    return await job;
  } catch (error) {
    const line = `${failure}: ${(error as Error).message}`;
    if (logger) logger.error(line);
    else process.stderr.write(`${line}\n`);
    process.exit(1);
  }
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
