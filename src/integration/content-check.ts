/**
 * The content check, started at config setup, and the two moments Astro
 * waits for: the files to load are known (`listed`), the content has been
 * checked and planned (`ready`).
 *
 * A production build checks the content in a child process
 * (integration/build-child.ts), on the core Astro leaves idle while it sets
 * itself up (about two seconds at 1,000 case studies). The child says which
 * files to load as soon as it has read every frontmatter; the content
 * collections start loading then (virtual:casefolio/collections-config) and
 * finish once the check has passed (content/loaders/checked-loader.ts).
 * After the plan the same child draws the charts (handed to the pages as they
 * arrive, processes/chart-drawings.ts), writes the model cards and the search
 * index (`written`). Other commands check first, in this process.
 */

import { runChildJob } from '../processes/child-process.ts';
import type { BuildContentPlan, CollectionFiles, PlanLocation, PlanMode } from '../content/plan.ts';
import type { ModelCardJob } from '../model-card/write.ts';
import { addChartDrawings } from '../processes/chart-drawings.ts';
import type { BuildChildAnswer, BuildChildJob, BuildChildPart } from './build-child.ts';
import { machineryFailure } from './build-failure.ts';
import type { IntegrationState } from './state.ts';
import type { ResolvedConfig } from './vite/virtual-config.ts';

export interface ContentCheck {
  location: PlanLocation;
  mode: PlanMode;
  /**
   * A production build's: the check then runs in a child process, which
   * goes on to write the model cards (linking to `pages`, into
   * `modelCardsDir`) and the search index (into `searchIndexDir`).
   */
  build?: { pages: ModelCardJob; searchIndexDir: string; modelCardsDir: string } | undefined;
}

/** What a production build's check process writes once it has sent the plan. */
export interface CheckWritten {
  /** Each written model card's key and path; rejects when they could not be written. */
  modelCards: Promise<[string, string][]>;
  /** How many pages the search index holds, once it is written. */
  searchIndex: Promise<number>;
}

/** The files to load, the plan, and what is written after it, from the child process. */
function checkInChild(
  check: ContentCheck & { build: NonNullable<ContentCheck['build']> },
  listFiles: (files: CollectionFiles) => void,
): { planning: Promise<BuildContentPlan>; written: CheckWritten } {
  const plan = Promise.withResolvers<BuildContentPlan>();
  const modelCards = Promise.withResolvers<[string, string][]>();
  const job: BuildChildJob = {
    location: check.location,
    ...check.mode,
    ...check.build,
  };
  const answer = runChildJob<BuildChildAnswer>(new URL('build-child.ts', import.meta.url), job, {
    name: 'the content check',
    // For one full collection once the plan is sent (integration/build-child.ts).
    nodeFlags: ['--expose-gc'],
    onPart: (message) => {
      const part = message as BuildChildPart;
      if ('files' in part) listFiles(part.files);
      else if ('plan' in part) plan.resolve(part.plan);
      else if ('drawings' in part) addChartDrawings(part.drawings);
      else if (part.modelCards) modelCards.resolve(part.modelCards);
      else modelCards.reject(new Error('the model cards could not be written'));
    },
  });
  // A child that ends or dies before a part settles what is still waiting
  // (settling a settled promise does nothing).
  const ended = (error: unknown) => {
    plan.reject(error);
    modelCards.reject(error);
  };
  answer.then(() => ended(new Error('the content check ended without a plan')), ended);
  const searchIndex = answer.then((result) =>
    'indexed' in result ? result.indexed : Promise.reject(new Error(result.failed)),
  );
  return { planning: plan.promise, written: { modelCards: modelCards.promise, searchIndex } };
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
): Pick<IntegrationState, 'listed' | 'ready'> & { written?: CheckWritten } {
  const { promise: listed, resolve: filesListed } = Promise.withResolvers<void>();
  const listFiles = (files: CollectionFiles) => {
    resolved.caseStudyPatterns = files.caseStudyPatterns;
    resolved.caseStudiesBase = files.caseStudiesBase;
    resolved.profiles = files.profiles;
    resolved.entryIds = files.entryIds;
    filesListed();
  };
  const { location, mode, build } = check;
  const inChild = build ? checkInChild({ ...check, build }, listFiles) : undefined;
  const planning: Promise<BuildContentPlan> =
    inChild?.planning ??
    // The checker is loaded only where it runs in this process: a build's
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
  return inChild ? { listed, ready, written: inChild.written } : { listed, ready };
}
