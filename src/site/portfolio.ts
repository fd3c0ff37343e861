import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import config from 'virtual:casefolio/config';
import { getLiveProblems } from '../dev/live-problems.ts';
import { pluralize } from '../problems/plural.ts';
import { formatProblem } from '../problems/problem.ts';
import { resolveMetric, type ResolvedMetric } from '../artifacts/resolve-metric.ts';
import { sharedResolvedMetric } from '../processes/resolved-metrics.ts';
import { checkedFairness } from '../processes/fairness-views.ts';
import type { FairnessView } from '../fairness/view.ts';
import { sortCaseStudies } from './sorting.ts';
import { groupByLabel, withSharedSpellings, type LabelGroup } from './taxonomy.ts';

/**
 * The one place pages read content from. Collections are read and sorted
 * once per build and shared by every page (no per-page collection scans).
 */

type CaseStudyEntry = CollectionEntry<'caseStudies'>;
export type CaseStudy = Omit<CaseStudyEntry['data'], 'metrics'> & {
  slug: string;
  entry: CaseStudyEntry;
  /** Metrics with values read from artifact files filled in, and where they came from. */
  metrics: ResolvedMetric[];
  /**
   * `responsible.fairness` read and worked out (the groups, the gaps, the bar
   * chart), as the check did it; undefined without one.
   */
  fairness?: FairnessView | undefined;
};
export type Profile = CollectionEntry<'profile'>['data'];

/**
 * The metrics with their `from` values filled in, as the content check read
 * them (processes/resolved-metrics.ts): a production build's check, or in dev the
 * re-check after the last save, which read again only the files that changed.
 * A metric the check did not read (an MDX file saved while the re-check was
 * still to come) is read from its artifact file here, and a failure is
 * reported the same way as the check's.
 */
function resolveMetrics(entry: CaseStudyEntry): ResolvedMetric[] {
  const mdxFile = path.resolve(config.root, entry.filePath ?? '');
  return entry.data.metrics.map((metric, index) => {
    const shared = sharedResolvedMetric(mdxFile, metric);
    if (shared) return shared;
    const resolved = resolveMetric(metric, mdxFile, config.contentDir);
    if (!resolved.ok) {
      throw new Error(
        `${entry.filePath}: metrics[${index}].${resolved.field}: ${resolved.message}`,
      );
    }
    return resolved.metric;
  });
}

/**
 * The fairness breakdown as the check worked it out (processes/fairness-views.ts).
 * Not found (an MDX file saved while the re-check was still to come), the
 * section shows no breakdown until the re-check has read the file.
 */
function resolveFairness(entry: CaseStudyEntry): FairnessView | undefined {
  const fairness = entry.data.responsible?.fairness;
  if (!fairness) return undefined;
  return checkedFairness(path.resolve(config.root, entry.filePath ?? ''), fairness);
}

let caseStudiesPromise: Promise<CaseStudy[]> | undefined;

/**
 * In `astro dev`, content with problems is not rendered: the page throws, and
 * Astro's error overlay shows the same one-line messages as the build.
 */
function assertContentValid(): void {
  const problems = getLiveProblems();
  if (problems.length === 0) return;
  const error = new AstroError(
    `Casefolio found ${pluralize(problems.length, 'content problem')}:\n${problems.map(formatProblem).join('\n')}`,
    'Fix the lines above; the page reloads when you save. `npm run check` lists them too.',
  );
  // The lines say what is wrong and where; a stack trace would only point
  // into Casefolio's engine. Astro logs a thrown error's stack when it has
  // one, and only its message otherwise, in the terminal and the overlay.
  error.stack = '';
  throw error;
}

/** Published case studies in display order; in dev, drafts too. */
export function getCaseStudies(): Promise<CaseStudy[]> {
  assertContentValid();
  // The build reads content once; in dev the collection changes as files are saved.
  if (config.showDrafts) return loadCaseStudies();
  caseStudiesPromise ??= loadCaseStudies();
  return caseStudiesPromise;
}

function loadCaseStudies(): Promise<CaseStudy[]> {
  return getCollection('caseStudies').then((entries) =>
    withSharedSpellings(
      sortCaseStudies(
        entries
          // Drafts never reach the production loader; this guards dev-only paths.
          .filter((entry) => config.showDrafts || !entry.data.draft)
          .map((entry) => ({
            ...entry.data,
            slug: entry.id,
            entry,
            metrics: resolveMetrics(entry),
            fairness: resolveFairness(entry),
          })),
      ),
    ),
  );
}

export async function getProfile(): Promise<Profile> {
  assertContentValid();
  const entry = await getEntry('profile', 'profile');
  if (!entry) throw new Error('content/profile.yaml was not loaded');
  return entry.data;
}

export async function getTagGroups(): Promise<LabelGroup<CaseStudy>[]> {
  return groupByLabel(await getCaseStudies(), (study) => study.tags);
}

export async function getSkillGroups(): Promise<LabelGroup<CaseStudy>[]> {
  return groupByLabel(await getCaseStudies(), (study) => study.skills);
}
