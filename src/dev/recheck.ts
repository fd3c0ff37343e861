import type { AstroIntegrationLogger } from 'astro';
import {
  planContent,
  type ContentPlan,
  type PlanLocation,
  type PlanMode,
} from '../content/plan.ts';
import { getLiveProblems, setLiveProblems } from './live-problems.ts';
import { shareCheckedValues } from '../processes/checked-values.ts';
import { formatProblem } from '../problems/problem.ts';

/**
 * `astro dev`'s check after each save: the same plan as at start-up and in a
 * build (so `checkAll`, lints and photos included), its problems handed to
 * the pages for Astro's error overlay (dev/live-problems.ts) and printed in the
 * terminal, and its charts, matrices and metric values handed to the pages
 * (processes/checked-values.ts). Resolves with the plan, or undefined when the
 * check itself broke, which is logged: the dev server keeps running either way.
 */
export async function recheckContent(
  location: PlanLocation,
  mode: PlanMode,
  logger: Pick<AstroIntegrationLogger, 'error' | 'info'>,
): Promise<ContentPlan | undefined> {
  const fresh = await planContent(location, mode).catch((error: unknown) => {
    logger.error(`the content could not be checked: ${(error as Error).message}`);
  });
  if (!fresh) return undefined;
  // "Valid again" only after a check that found problems, not after every save.
  const wasInvalid = getLiveProblems().length > 0;
  setLiveProblems(fresh.problems);
  // The pages show what this check read; it read again only the files
  // changed since the last one (artifacts/read-cache.ts).
  shareCheckedValues(fresh);
  if (fresh.problems.length > 0) {
    logger.error(fresh.problems.map(formatProblem).join('\n'));
  } else if (wasInvalid) {
    logger.info('content is valid again');
  }
  return fresh;
}
