import type { ContentReport } from '../content/check.ts';

/** How far one case study is from everything a reviewer looks for. */
export interface Completeness {
  slug: string;
  draft: boolean;
  /** Metrics with a baseline, of all metrics. */
  baselines: { with: number; of: number };
  /** Recommended sections present, of all recommended. */
  sections: { with: number; of: number };
  cover: boolean;
  /** Project links given (repo, demo, notebook...). */
  links: number;
  /** A stakeholder with an outcome: the "so what" of the work. */
  outcome: boolean;
  /** `responsible.limitations` given: where the model is known to do badly. */
  limits: boolean;
  /**
   * `responsible.fairness` given and read without a problem: the metrics
   * broken down by group, as the page will show them.
   */
  groups: boolean;
}

/**
 * One row per case study whose frontmatter could be read, in slug order.
 * `sections` are the recommended headings, or a function giving them for a
 * case study's frontmatter (they follow its language).
 */
export function completeness(
  report: ContentReport,
  sections: readonly string[] | ((frontmatter: Record<string, unknown>) => readonly string[]),
): Completeness[] {
  return report.caseStudies.flatMap((study) => {
    const parsed = study.parsed;
    if (!parsed) return [];
    const { data, body } = parsed;
    const metrics = Array.isArray(data['metrics']) ? (data['metrics'] as unknown[]) : [];
    const stakeholders = Array.isArray(data['stakeholders'])
      ? (data['stakeholders'] as unknown[])
      : [];
    const headings = new Set(body?.headings.map((heading) => heading.text.toLowerCase()) ?? []);
    const links = data['links'];
    const recommended = typeof sections === 'function' ? sections(data) : sections;
    const responsible = asRecord(data['responsible']);
    return [
      {
        slug: study.slug,
        draft: study.draft,
        baselines: {
          with: metrics.filter(
            (metric) => typeof metric === 'object' && metric !== null && 'baseline' in metric,
          ).length,
          of: metrics.length,
        },
        sections: {
          with: recommended.filter((section) => headings.has(section.toLowerCase())).length,
          of: recommended.length,
        },
        cover: typeof data['cover'] === 'object' && data['cover'] !== null,
        links: typeof links === 'object' && links !== null ? Object.keys(links).length : 0,
        outcome: stakeholders.some(
          (person) => typeof person === 'object' && person !== null && 'outcome' in person,
        ),
        limits: Array.isArray(responsible['limitations']) && responsible['limitations'].length > 0,
        // The breakdown the check worked out, not just the field: a fairness
        // file with a problem shows no groups on the page.
        groups: (parsed.fairness?.length ?? 0) > 0,
      },
    ];
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The report as a small fixed-width table a mentor can read at a glance. */
export function formatCompleteness(rows: readonly Completeness[]): string {
  const mark = (ok: boolean) => (ok ? 'yes' : 'no');
  const ratio = ({ with: have, of }: { with: number; of: number }) =>
    `${have}/${of}${have === of ? '' : ' !'}`;
  const table = [
    ['case study', 'baselines', 'sections', 'cover', 'links', 'outcome', 'limits', 'groups'],
    ...rows.map((row) => [
      `${row.slug}${row.draft ? ' (draft)' : ''}`,
      ratio(row.baselines),
      ratio(row.sections),
      mark(row.cover),
      String(row.links),
      mark(row.outcome),
      mark(row.limits),
      mark(row.groups),
    ]),
  ];
  return formatTable(table);
}

/** How far one cohort member is from everything a reviewer looks for, over their case studies. */
export interface MemberCompleteness {
  member: string;
  /** The profile's track, when it names one. */
  track: string | undefined;
  /** Case studies, drafts included. */
  studies: number;
  errors: number;
  warnings: number;
  /** Metrics with a baseline, of all metrics, over every case study. */
  baselines: { with: number; of: number };
  /** Case studies with every recommended section, of all. */
  sections: { with: number; of: number };
  /** Case studies with a stakeholder outcome, of all. */
  outcome: { with: number; of: number };
  /** Case studies with `responsible.limitations`, of all. */
  limits: { with: number; of: number };
  /** Case studies with `responsible.fairness`, of all. */
  groups: { with: number; of: number };
}

/** A member's row, from the rows of their case studies and the count of their findings. */
export function memberCompleteness(
  member: { slug: string; track: string | undefined },
  rows: readonly Completeness[],
  findings: { errors: number; warnings: number },
): MemberCompleteness {
  const count = (ok: (row: Completeness) => boolean) => ({
    with: rows.filter(ok).length,
    of: rows.length,
  });
  return {
    member: member.slug,
    track: member.track,
    studies: rows.length,
    ...findings,
    baselines: {
      with: rows.reduce((sum, row) => sum + row.baselines.with, 0),
      of: rows.reduce((sum, row) => sum + row.baselines.of, 0),
    },
    sections: count((row) => row.sections.with === row.sections.of),
    outcome: count((row) => row.outcome),
    limits: count((row) => row.limits),
    groups: count((row) => row.groups),
  };
}

/** The cohort's table: one row per member, in name order. */
export function formatMemberCompleteness(rows: readonly MemberCompleteness[]): string {
  const ratio = ({ with: have, of }: { with: number; of: number }) =>
    `${have}/${of}${have === of ? '' : ' !'}`;
  return formatTable([
    [
      'member',
      'track',
      'studies',
      'errors',
      'warnings',
      'baselines',
      'sections',
      'outcome',
      'limits',
      'groups',
    ],
    ...rows.map((row) => [
      row.member,
      row.track ?? '-',
      String(row.studies),
      String(row.errors),
      String(row.warnings),
      ratio(row.baselines),
      ratio(row.sections),
      ratio(row.outcome),
      ratio(row.limits),
      ratio(row.groups),
    ]),
  ]);
}

/** Cells padded into columns two spaces apart. */
function formatTable(table: readonly (readonly string[])[]): string {
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  return table
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
