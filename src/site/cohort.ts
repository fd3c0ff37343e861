import { compareMetric, primaryMetric } from '../metrics/compare.ts';
import type { ResolvedMetric } from '../artifacts/resolve-metric.ts';
import type { CaseStudy, MemberView } from './portfolio.ts';
import type { Facet } from './facets.ts';
import { en, type Dictionary } from '../i18n/en.ts';

/**
 * What the cohort home shows of each member, worked out from their profile
 * and case studies: pure, so the choices are tested without a build.
 */

/** The most skills a member card lists: the first ones of the profile's groups. */
const TOP_SKILLS = 5;

/** A member as their card on the cohort home shows them. */
export interface MemberCardView {
  member: MemberView;
  /** Their first skills, across the profile's groups, then their case studies'. */
  topSkills: string[];
  /** The headline metric that improved most on its baseline, with its case study. */
  best: { metric: ResolvedMetric; study: CaseStudy } | undefined;
}

/** A member's card. */
export function memberCard(member: MemberView): MemberCardView {
  return {
    member,
    topSkills: memberSkills(member).slice(0, TOP_SKILLS),
    best: bestHeadline(member.studies),
  };
}

/**
 * A member's skills: the profile's, group by group, then their case
 * studies' not already listed, each once whatever its casing.
 */
export function memberSkills(member: Pick<MemberView, 'profile' | 'studies'>): string[] {
  const byKey = new Map<string, string>();
  const skills = [
    ...member.profile.skills.flatMap((group) => group.items),
    ...member.studies.flatMap((study) => study.skills),
  ];
  for (const skill of skills) {
    if (!byKey.has(skill.toLowerCase())) byKey.set(skill.toLowerCase(), skill);
  }
  return [...byKey.values()];
}

/**
 * The member's best headline result: of their case studies' headline
 * metrics, the one that beat its baseline by the largest share; without a
 * baseline anywhere, the first case study's (the display order puts
 * featured work first).
 */
export function bestHeadline(
  studies: readonly CaseStudy[],
): { metric: ResolvedMetric; study: CaseStudy } | undefined {
  let best: { metric: ResolvedMetric; study: CaseStudy; gain: number } | undefined;
  let first: { metric: ResolvedMetric; study: CaseStudy } | undefined;
  for (const study of studies) {
    const metric = primaryMetric(study.metrics);
    if (metric?.value === undefined) continue;
    first ??= { metric, study };
    const comparison = compareMetric(metric);
    if (comparison?.relative === undefined || comparison.verdict !== 'better') continue;
    const gain = Math.abs(comparison.relative);
    if (!best || gain > best.gain) best = { metric, study, gain };
  }
  return best ? { metric: best.metric, study: best.study } : first;
}

/**
 * The facets of the cohort home's member cards: skills, model task,
 * organization, track; legends and task names in the page's `words`.
 */
export function memberFacets(words: Dictionary = en): readonly Facet<MemberView>[] {
  const { facets } = words.cohort;
  return [
    { kind: 'skill', legend: facets.skills, values: (member) => memberSkills(member) },
    {
      kind: 'task',
      legend: facets.task,
      values: (member) => member.studies.map((study) => words.model.tasks[study.model.task]),
    },
    {
      kind: 'organization',
      legend: facets.organization,
      values: (member) => member.studies.map((study) => study.organization),
    },
    {
      kind: 'track',
      legend: facets.track,
      values: (member) => (member.profile.track ? [member.profile.track] : []),
    },
  ];
}

/** The facets of a cohort's case-study cards: the members' facets, and whose work it is. */
export function studyFacets(
  members: readonly MemberView[],
  words: Dictionary = en,
): Facet<CaseStudy>[] {
  const { facets } = words.cohort;
  const tracks = new Map(members.map((member) => [member.slug, member.profile.track]));
  const track = (study: CaseStudy) => tracks.get(study.member ?? '');
  return [
    { kind: 'skill', legend: facets.skills, values: (study) => study.skills },
    {
      kind: 'task',
      legend: facets.task,
      values: (study) => [words.model.tasks[study.model.task]],
    },
    { kind: 'organization', legend: facets.organization, values: (study) => [study.organization] },
    {
      kind: 'track',
      legend: facets.track,
      values: (study) => [track(study) ?? ''].filter(Boolean),
    },
    {
      kind: 'member',
      legend: facets.person,
      values: (study) => [study.memberName ?? ''].filter(Boolean),
    },
  ];
}
