import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import config from 'virtual:casefolio/config';
import { sortCaseStudies } from '../lib/sorting.ts';
import { groupByLabel, type LabelGroup } from '../lib/taxonomy.ts';

/**
 * The one place pages read content from. Collections are read and sorted
 * once per build and shared by every page (no per-page collection scans).
 */

export type CaseStudyEntry = CollectionEntry<'caseStudies'>;
export type CaseStudy = CaseStudyEntry['data'] & { slug: string; entry: CaseStudyEntry };
export type Profile = CollectionEntry<'profile'>['data'];

let caseStudiesPromise: Promise<CaseStudy[]> | undefined;

/** Published case studies in display order; in dev, drafts too. */
export function getCaseStudies(): Promise<CaseStudy[]> {
  caseStudiesPromise ??= getCollection('caseStudies').then((entries) =>
    sortCaseStudies(
      entries
        // Drafts never reach the production loader; this guards dev-only paths.
        .filter((entry) => config.showDrafts || !entry.data.draft)
        .map((entry) => ({ ...entry.data, slug: entry.id, entry })),
    ),
  );
  return caseStudiesPromise;
}

export async function getProfile(): Promise<Profile> {
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

/** Whether drafts are on show (dev only), so pages can mark them. */
export const showDrafts = config.showDrafts;
