import { compareMetric, primaryMetric } from '../metrics/compare.ts';
import type { CohortData } from '../schemas/cohort.ts';
import type { CaseStudy, MemberView } from './portfolio.ts';
import { memberSkills } from './cohort.ts';

/**
 * `/people.json`: a cohort's members as data, so a program or a recruiter
 * can use their own tools. Pure: the page hands it the members and how to
 * write an address.
 */

/** A headline metric as people.json gives it. */
interface HeadlineJson {
  name: string;
  value: number;
  unit?: string;
  goal: 'higher' | 'lower';
  baseline?: number;
  /** value − baseline, rounded as the page shows it. */
  delta?: number;
  /** Whether the value beat the baseline, in the metric's direction. */
  verdict?: 'better' | 'worse' | 'unchanged';
}

export interface PeopleJson {
  cohort: { name: string; description?: string; url?: string; year?: number; tracks?: string[] };
  members: {
    /** The member's folder name, which is their URL's last part. */
    id: string;
    name: string;
    headline: string;
    track?: string;
    skills: string[];
    url: string;
    resume: { page: string; json: string; pdf?: string };
    caseStudies: {
      slug: string;
      title: string;
      summary: string;
      task: string;
      url: string;
      modelCard: string;
      headline?: HeadlineJson;
    }[];
  }[];
}

/** How people.json writes an address: absolute when the site's is known, from the member's path. */
export type Address = (pathname: string, member: string) => string;

/** Where a portfolio's résumé files are, within it: `resume.json`, `resume.pdf`. */
export interface ResumeFiles {
  json: string;
  pdf: string;
}

export function peopleJson(
  cohort: CohortData,
  members: readonly MemberView[],
  address: Address,
  resumeFiles: ResumeFiles,
): PeopleJson {
  return {
    cohort: {
      name: cohort.name,
      ...(cohort.description ? { description: cohort.description } : {}),
      ...(cohort.url ? { url: cohort.url } : {}),
      ...(cohort.year !== undefined ? { year: cohort.year } : {}),
      ...(cohort.tracks ? { tracks: cohort.tracks } : {}),
    },
    members: members.map(({ slug, profile, studies }) => ({
      id: slug,
      name: profile.name,
      headline: profile.headline,
      ...(profile.track ? { track: profile.track } : {}),
      skills: memberSkills({ profile, studies }),
      url: address('', slug),
      resume: {
        page: address('resume/', slug),
        json: address(resumeFiles.json, slug),
        ...(profile.resume ? { pdf: address(resumeFiles.pdf, slug) } : {}),
      },
      caseStudies: studies.map((study) => ({
        slug: study.slug,
        title: study.title,
        summary: study.summary,
        task: study.model.task,
        url: address(`case-studies/${study.slug}/`, slug),
        modelCard: address(`case-studies/${study.slug}/model-card.md`, slug),
        ...headlineOf(study),
      })),
    })),
  };
}

function headlineOf(study: CaseStudy): { headline?: HeadlineJson } {
  const metric = primaryMetric(study.metrics);
  if (metric?.value === undefined) return {};
  const comparison = compareMetric(metric);
  return {
    headline: {
      name: metric.name,
      value: metric.value,
      ...(metric.unit ? { unit: metric.unit } : {}),
      goal: metric.goal,
      ...(metric.baseline !== undefined ? { baseline: metric.baseline } : {}),
      ...(comparison ? { delta: comparison.delta, verdict: comparison.verdict } : {}),
    },
  };
}
