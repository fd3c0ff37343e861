/**
 * The content check, started at config setup, and the two moments Astro
 * waits for: the files to load are known (`listed`), the content has been
 * checked and planned (`ready`).
 *
 * A production build checks the content in a child process, on the core
 * Astro leaves idle while it sets itself up (about two seconds at 1,000
 * case studies). The child says which files to load as soon as it has read
 * every frontmatter; the content collections start loading then
 * (virtual:casefolio/collections-config) and finish once the check has
 * passed (content/loaders/checked-loader.ts). Other commands check first, in
 * this process.
 */

import { runChildJob } from '../processes/child-process.ts';
import type { BuildContentPlan, CollectionFiles, PlanLocation, PlanMode } from '../content/plan.ts';
import { machineryFailure } from './build-failure.ts';
import type { IntegrationState } from './state.ts';
import type { ResolvedConfig } from './vite/virtual-config.ts';

export interface ContentCheck {
  location: PlanLocation;
  mode: PlanMode;
  /** Where a production build's check writes the search records; it runs in a child process then. */
  searchRecordsFile: string | undefined;
  /** Where it writes the published studies, for the model-card writer. */
  studiesFile?: string | undefined;
}

/** Every MDX file under the case-study folder, as a glob pattern. */
const EVERY_CASE_STUDY = '**/*.mdx';

/**
 * Starts `check`. The files it lists go into `resolved.caseStudyPatterns`;
 * its plan goes to `takePlan`, which may throw to stop a build (then `ready`
 * rejects with that error, see build-failure.ts).
 */
export function startContentCheck(
  check: ContentCheck,
  resolved: ResolvedConfig,
  takePlan: (plan: BuildContentPlan) => void,
): Pick<IntegrationState, 'listed' | 'ready'> {
  const { promise: listed, resolve: filesListed } = Promise.withResolvers<void>();
  const listFiles = (files: CollectionFiles) => {
    resolved.caseStudyPatterns = files.caseStudyPatterns;
    resolved.caseStudiesBase = files.caseStudiesBase;
    resolved.profiles = files.profiles;
    resolved.entryIds = files.entryIds;
    filesListed();
  };
  const { location, mode, searchRecordsFile, studiesFile } = check;
  const planning: Promise<BuildContentPlan> =
    searchRecordsFile !== undefined
      ? runChildJob<BuildContentPlan>(
          new URL('../content/plan-child.ts', import.meta.url),
          { location, ...mode, searchRecordsFile, studiesFile },
          { name: 'the content check', onEarly: (files) => listFiles(files as CollectionFiles) },
        )
      : // The checker is loaded only where it runs in this process: a build's
        // Astro process never needs it, and loading it took 0.13 s of the
        // build's start-up, before the check's child process could start.
        import('../content/plan.ts').then(({ planContent }) => planContent(location, mode));
  const ready = planning.then(
    (plan) => {
      listFiles(plan);
      takePlan(plan);
    },
    (error: unknown) => {
      // Not a content problem (the check reports those): the check itself
      // broke. The collections are let load every case study, so that their
      // loaders reach `ready` and throw this (listing none would make Astro's
      // glob loader warn that it found no files, a false trail).
      listFiles({
        caseStudyPatterns: [EVERY_CASE_STUDY],
        caseStudiesBase: resolved.caseStudiesBase,
        profiles: resolved.profiles,
        entryIds: resolved.entryIds,
      });
      throw machineryFailure('the content could not be checked', error);
    },
  );
  // A build's content problems reach Astro later, when a content loader
  // waits for `ready`; until then its rejection is not an unhandled one
  // (which would end the process with a stack trace).
  ready.catch(() => undefined);
  return { listed, ready };
}
