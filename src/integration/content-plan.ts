/**
 * What the integration does with the content check's plan when it comes
 * back: a build or `astro sync` stops on its problems (other commands show
 * them), and the rest of the plan is handed to Astro's process: problems to
 * the dev overlay, the charts, matrices and metric values the check already read to
 * the pages, the drafts' folders to the image list, the cards and search
 * records to the build's extras.
 */

import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger, HookParameters } from 'astro';
import { shareCheckedValues } from '../processes/checked-values.ts';
import type { BuildContentPlan, PlannedCohort } from '../content/plan.ts';
import { pluralize } from '../problems/plural.ts';
import { COHORT_REPORT_PATH } from '../output/cohort-report.ts';
import { setLiveProblems } from '../dev/live-problems.ts';
import { formatFinding, formatProblem, problemsSummary } from '../problems/problem.ts';
import { removeScratch, startBuildExtras } from './build-extras.ts';
import { contentProblemsError } from './build-failure.ts';
import type { IntegrationState } from './state.ts';

/**
 * What the build prints about members left out under `onMemberError: skip`:
 * who, and each problem's line, so a coordinator can forward them.
 */
function skippedMembersText(skipped: PlannedCohort['skipped']): string {
  const lines = skipped.flatMap(({ member, problems }) => [
    `left out ${member} (${pluralize(problems.length, 'problem')}; onMemberError: skip):`,
    ...problems.map((line) => `  ${line}`),
  ]);
  return `${lines.join('\n')}\nThe report is in ${COHORT_REPORT_PATH} of the build's output (not linked from any page).`;
}

export interface PlanContext {
  command: HookParameters<'astro:config:setup'>['command'];
  config: AstroConfig;
  logger: AstroIntegrationLogger;
  state: IntegrationState;
}

/** Takes `plan` into the build; throws the build's error when its content has problems. */
export function takeContentPlan(
  plan: BuildContentPlan,
  { command, config, logger, state }: PlanContext,
): void {
  if (plan.problems.length > 0) {
    if (command === 'build' || command === 'sync') {
      if (state.extras) removeScratch(state.extras);
      throw contentProblemsError(plan.problems);
    }
    logger.error(
      `${plan.problems.map(formatProblem).join('\n')}\n${problemsSummary(plan.problems)}`,
    );
  }
  // Once, where the build goes on: `npm run check` prints them too, the same way.
  if (command === 'build' && plan.warnings.length > 0) {
    logger.warn(plan.warnings.map(formatFinding).join('\n'));
  }
  if (command === 'build' && plan.cohort && plan.cohort.skipped.length > 0) {
    logger.warn(skippedMembersText(plan.cohort.skipped));
  }
  if (state.resolved) state.resolved.cohort = plan.cohort;
  setLiveProblems(plan.problems);
  // The pages take the charts, matrices and metric values the check read
  // instead of reading their files again.
  shareCheckedValues(plan);
  // A folder-form draft keeps its images to itself in production.
  state.draftFolders = plan.draftFolders;
  // Decoded into the cache by the check, before Vite lists them for the pages.
  state.notebookImages = plan.notebookImages;
  if (!config.site && command === 'build') {
    logger.warn(
      'site is not set, so pages get no canonical URL and the sitemap, RSS feed and social previews use relative links. Set SITE_URL (for example https://ada.github.io) or `site` in astro.config.mjs.',
    );
  }
  if (state.extras) startBuildExtras(state.extras, plan.cards, fileURLToPath(config.root));
}
