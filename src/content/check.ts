import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { caseStudyPathSchema, type CaseStudyData } from '../schemas/case-study.ts';
import { profilePathSchema, type ProfileData } from '../schemas/profile.ts';
import { parseYaml, readFrontmatter, type ParsedYaml, type SplitFile } from './frontmatter.ts';
import type { ChartKey } from '../processes/built-charts.ts';
import type { BuiltChart } from '../charts/data.ts';
import type { ConfusionKey } from '../processes/confusion-views.ts';
import type { ConfusionView } from '../charts/confusion.ts';
import { checkMdxElements } from './mdx/checks.ts';
import { imageFileProblem, markdownImageProblem } from './mdx/local-files.ts';
import { codeProblems } from './mdx/code.ts';
import { importProblems } from './mdx/imports.ts';
import { scanMdx, type MdxContents } from './mdx/elements.ts';
import { sortProblems, type ContentProblem } from '../problems/problem.ts';
import { fieldProblem, schemaProblems } from './schema-problems.ts';
import { isValidSlug, slugFromEntry, suggestSlug } from '../schemas/slugs.ts';
import { checkLocalFile } from '../files/paths.ts';
import { walkFiles } from '../files/walk.ts';
import { resolveMetric, type ResolvedMetric } from '../artifacts/resolve-metric.ts';
import { metricKey, type MetricKey } from '../processes/resolved-metrics.ts';
import { metricSchema } from '../schemas/metric.ts';

/** One case-study file found under content/case-studies. */
export interface CaseStudyFile {
  /** `churn-model/index.mdx` or `pricing-dashboard.mdx`, relative to the case-studies folder. */
  entry: string;
  /** Absolute path. */
  absolutePath: string;
  /** Path relative to the project, as messages show it. */
  file: string;
  slug: string;
  draft: boolean;
  /** What the file holds, when its frontmatter could be read (for the authoring lints). */
  parsed?: ParsedCaseStudy;
}

/** A case study's frontmatter and body as read, valid or not. */
interface ParsedCaseStudy {
  /** The frontmatter as YAML data, before validation. */
  data: Record<string, unknown>;
  /** 1-based line of a frontmatter field. */
  lineOf: ParsedYaml['lineOf'];
  /** The frontmatter after validation, when it is valid. */
  valid?: CaseStudyData;
  /** Headings, images, links and components of the body, when it parses. */
  body?: MdxContents;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** The body's charts that were built without problems, for the pages to reuse. */
  charts: [ChartKey, BuiltChart][];
  /** The body's confusion matrices read without problems, for the pages to reuse. */
  confusions: [ConfusionKey, ConfusionView][];
  /**
   * The metrics read from artifact files (`from:` + `key:`) without problems,
   * with their values and source notes: the only time a build reads them
   * (the plan hands them to the cards and the pages; processes/resolved-metrics.ts).
   */
  metrics?: [MetricKey, ResolvedMetric][];
}

/** Everything the build needs to know before Astro starts. */
export interface ContentReport {
  problems: ContentProblem[];
  caseStudies: CaseStudyFile[];
  /** The profile after validation, when it is valid. */
  profile?: ProfileData;
}

export interface ContentLocation {
  /** The project root: paths in messages are relative to it. */
  root: string;
  /** The content folder, absolute. */
  contentDir: string;
}

/** A case study's entry: `slug.mdx` directly in case-studies/, or `slug/index.mdx` one folder down. */
const ENTRY = /^[^/]+(\.mdx|\/index\.mdx)$/;

/**
 * Folder form (`slug/index.mdx`) and single-file form (`slug.mdx`), in a
 * stable order; ignored names (`_notes.mdx`, `.trash/`) are passed over.
 */
export function findCaseStudyFiles(caseStudiesDir: string): { entry: string; slug: string }[] {
  return walkFiles(caseStudiesDir, { maxDepth: 2 })
    .map(({ relative }) => relative)
    .filter((entry) => ENTRY.test(entry))
    .map((entry) => ({ entry, slug: slugFromEntry(entry) }));
}

/** A case-study file and whether it is a draft, known before it is checked. */
export interface FoundCaseStudy {
  entry: string;
  draft: boolean;
}

/**
 * Reads and validates all content: profile, every case study, their slugs and
 * the files they point at. Never throws on bad content; every problem in every
 * file comes back in one list. `onFound` hears which case studies there are
 * and which are drafts as soon as every frontmatter has been read.
 */
export function checkContent(
  location: ContentLocation,
  onFound?: (entries: FoundCaseStudy[]) => void,
): ContentReport {
  const problems: ContentProblem[] = [];
  const display = (absolute: string) =>
    path.relative(location.root, absolute).split(path.sep).join('/');

  const profile = checkProfile(location, display);
  problems.push(...profile.problems);

  const caseStudiesDir = path.join(location.contentDir, 'case-studies');
  // Every file's frontmatter is read first, so which files are drafts is
  // known (and reported to `onFound`) before the slower checks of each file.
  const found = findCaseStudyFiles(caseStudiesDir).map(({ entry, slug }) => {
    const absolutePath = path.join(caseStudiesDir, entry);
    const file = display(absolutePath);
    return { entry, slug, absolutePath, file, ...readCaseStudy(absolutePath, file) };
  });
  onFound?.(found.map(({ entry, draft }) => ({ entry, draft })));
  // Folder-form drafts, whose files a production build leaves out.
  const draftFolders = new Map(
    found
      .filter(({ entry, draft }) => draft && entry.endsWith('/index.mdx'))
      .map(({ absolutePath, slug }) => [path.dirname(absolutePath), slug]),
  );

  const caseStudies: CaseStudyFile[] = [];
  const fileBySlug = new Map<string, string>();
  for (const read of found) {
    const { entry, slug, absolutePath, file } = read;
    if (!isValidSlug(slug)) {
      const isFolder = entry.includes('/');
      // Problems with a file's name point at its first line, so every line
      // about a file that exists starts with `file:line: `.
      problems.push({
        file,
        line: 1,
        message: `invalid slug "${slug}": use lowercase letters, digits and single hyphens; rename the ${isFolder ? 'folder' : 'file'} to "${suggestSlug(slug)}${isFolder ? '' : '.mdx'}"`,
      });
    }
    const earlier = fileBySlug.get(slug);
    if (earlier) {
      problems.push({
        file,
        line: 1,
        message: `duplicate slug "${slug}": ${earlier} has the same slug; rename or remove one of them`,
      });
    } else fileBySlug.set(slug, file);

    const result = checkCaseStudy(read, location, draftFolders);
    problems.push(...result.problems);
    caseStudies.push({
      entry,
      absolutePath,
      file,
      slug,
      draft: read.draft,
      ...(result.parsed ? { parsed: result.parsed } : {}),
    });
  }
  return {
    problems: sortProblems(problems),
    caseStudies,
    ...(profile.valid ? { profile: profile.valid } : {}),
  };
}

function checkProfile(
  location: ContentLocation,
  display: (p: string) => string,
): { problems: ContentProblem[]; valid?: ProfileData } {
  const absolutePath = path.join(location.contentDir, 'profile.yaml');
  const file = display(absolutePath);
  if (!existsSync(absolutePath)) {
    const alternative = existsSync(path.join(location.contentDir, 'profile.yml'))
      ? ' (found profile.yml: rename it to profile.yaml)'
      : '; every portfolio needs one: copy the example from the README';
    return { problems: [{ file, message: `file not found${alternative}` }] };
  }
  const parsed = parseYaml(readFileSync(absolutePath, 'utf8'));
  if (!parsed.ok) {
    return {
      problems: [{ file, line: parsed.line, message: `invalid YAML: ${parsed.message}` }],
    };
  }
  const { problems, valid } = schemaProblems(profilePathSchema, parsed.yaml, file);
  const data = asRecord(parsed.yaml.data);
  for (const field of ['avatar', 'resume'] as const) {
    const value = data[field];
    if (typeof value !== 'string') continue;
    const problem =
      field === 'avatar'
        ? imageFileProblem(value, absolutePath, location.contentDir)
        : checkLocalFile(value, absolutePath, location.contentDir);
    if (problem) problems.push(fieldProblem(file, parsed.yaml, [field], problem));
  }
  return { problems, ...(valid ? { valid } : {}) };
}

/** A case study as first read: its frontmatter parsed, or the one problem that stops it. */
type ReadCaseStudy =
  | { draft: boolean; split: SplitFile; yaml: ParsedYaml; problem?: undefined }
  | { draft: false; problem: ContentProblem };

function readCaseStudy(absolutePath: string, file: string): ReadCaseStudy {
  const read = readFrontmatter(readFileSync(absolutePath, 'utf8'));
  if (!read.ok) return { draft: false, problem: { file, line: read.line, message: read.message } };
  const { split, yaml } = read;
  return { draft: asRecord(yaml.data)['draft'] === true, split, yaml };
}

function checkCaseStudy(
  read: ReadCaseStudy & { absolutePath: string; file: string },
  location: ContentLocation,
  draftFolders: ReadonlyMap<string, string>,
): { problems: ContentProblem[]; parsed?: ParsedCaseStudy } {
  const { absolutePath, file } = read;
  if (read.problem) return { problems: [read.problem] };
  const { split, yaml } = read;
  const { problems, valid } = schemaProblems(caseStudyPathSchema, yaml, file);
  const data = asRecord(yaml.data);

  const cover = asRecord(data['cover']);
  if (typeof cover['src'] === 'string') {
    const problem = imageFileProblem(cover['src'], absolutePath, location.contentDir);
    if (problem) problems.push(fieldProblem(file, yaml, ['cover', 'src'], problem));
  }

  const metrics = Array.isArray(data['metrics']) ? data['metrics'] : [];
  const metricNames: string[] = [];
  const resolvedMetrics: [MetricKey, ResolvedMetric][] = [];
  metrics.forEach((raw: unknown, index) => {
    const metric = asRecord(raw);
    if (typeof metric['name'] === 'string') metricNames.push(metric['name'].trim());
    if (typeof metric['from'] !== 'string') return;
    // A metric that is otherwise valid gets its value read now, so a wrong key
    // or a broken file is reported before the build; a broken one only gets
    // its path checked (the schema has already said what else is wrong).
    const parsedMetric = metricSchema.safeParse(raw);
    if (!parsedMetric.success) {
      const problem = checkLocalFile(metric['from'], absolutePath, location.contentDir);
      if (problem) problems.push(fieldProblem(file, yaml, ['metrics', index, 'from'], problem));
      return;
    }
    const resolved = resolveMetric(parsedMetric.data, absolutePath, location.contentDir);
    if (!resolved.ok) {
      problems.push(fieldProblem(file, yaml, ['metrics', index, resolved.field], resolved.message));
    } else {
      resolvedMetrics.push([metricKey(absolutePath, parsedMetric.data), resolved.metric]);
    }
  });

  const scan = scanMdx(split.body, split.bodyLine);
  const charts = new Map<ChartKey, BuiltChart>();
  const confusions = new Map<ConfusionKey, ConfusionView>();
  if (!scan.ok) {
    problems.push({ file, line: scan.line, message: `MDX syntax: ${scan.message}` });
  } else {
    const context = {
      mdxFile: absolutePath,
      contentDir: location.contentDir,
      isDraft: read.draft,
      draftFolders,
      metricNames,
      charts,
      confusions,
    };
    for (const problem of checkMdxElements(scan.elements, context)) {
      problems.push({ file, line: problem.line, message: problem.message });
    }
    for (const image of scan.images) {
      const message = markdownImageProblem(image.url, context);
      if (message) problems.push({ file, line: image.line, message });
    }
    for (const problem of [
      ...codeProblems(scan),
      ...importProblems(scan, absolutePath, location.contentDir),
    ]) {
      problems.push({ file, line: problem.line, message: problem.message });
    }
  }

  const parsedCaseStudy: ParsedCaseStudy = {
    data,
    lineOf: yaml.lineOf,
    bodyLine: split.bodyLine,
    charts: [...charts],
    confusions: [...confusions],
    metrics: resolvedMetrics,
    ...(valid ? { valid } : {}),
    ...(scan.ok ? { body: scan } : {}),
  };
  return { problems, parsed: parsedCaseStudy };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
