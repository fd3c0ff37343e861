import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { caseStudyPathSchema, type CaseStudyData } from '../schemas/case-study.ts';
import { profilePathSchema, type ProfileData } from '../schemas/profile.ts';
import type { Publication } from '../publications/publication.ts';
import { checkPublications, paperProblem, type ProfilePublications } from './publications.ts';
import { parseYaml, readFrontmatter, type ParsedYaml, type SplitFile } from './frontmatter.ts';
import type { ChartKey } from '../processes/built-charts.ts';
import type { BuiltChart } from '../charts/data.ts';
import type { ConfusionKey } from '../processes/confusion-views.ts';
import type { ConfusionView } from '../charts/confusion.ts';
import { checkMdxBody, type UndrawnChart } from './mdx/checks.ts';
import type { NotebookContext, NotebookUse } from './mdx/notebooks.ts';
import type { NotebookKey } from '../processes/notebook-views.ts';
import type { NotebookView } from '../notebooks/view.ts';
import { imageFileProblem, markdownImageProblem } from './mdx/local-files.ts';
import { importProblems } from './mdx/import-targets.ts';
import { scanMdx, type MdxContents } from './mdx/elements.ts';
import { sortProblems, type ContentProblem } from '../problems/problem.ts';
import { fieldProblem, schemaProblems } from './schema-problems.ts';
import { isValidSlug, slugFromEntry, suggestSlug } from '../schemas/slugs.ts';
import { checkLocalFile, linkProblemMessage, resolveInside } from '../files/paths.ts';
import { walkFolder, type RefusedLink } from '../files/walk.ts';
import { resolveMetric, type ResolvedMetric } from '../artifacts/resolve-metric.ts';
import { metricKey, type MetricKey } from '../processes/resolved-metrics.ts';
import { fairnessKey, type FairnessKey } from '../processes/fairness-views.ts';
import type { FairnessView } from '../fairness/view.ts';
import { fairnessBreakdown } from '../fairness/breakdown.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.ts';
import { fairnessSchema } from '../schemas/responsible.ts';
import { metricSchema, notebookSource } from '../schemas/metric.ts';
import { comparisonProblem } from '../metrics/compare.ts';
import { notebookMaxBytes, siteOptionsSchema } from '../schemas/site-options.ts';

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
  /** The body's charts too large to draw at build time, for the `chart-size` lint. */
  undrawnCharts?: UndrawnChart[];
  /** The body's confusion matrices read without problems, for the pages to reuse. */
  confusions: [ConfusionKey, ConfusionView][];
  /** The body's notebooks prepared without problems, for the pages to reuse. */
  notebooks?: [NotebookKey, NotebookView][];
  /** Every image file decoded from the body's notebooks, absolute, for Astro to bundle. */
  notebookImages?: string[];
  /** Each `<Notebook>` of the body as the lints see it (content/lints.ts). */
  notebookUses?: NotebookUse[];
  /**
   * The metrics read from artifact files (`from:` + `key:`) without problems,
   * with their values and source notes: the only time a build reads them
   * (the plan hands them to the cards and the pages; processes/resolved-metrics.ts).
   */
  metrics?: [MetricKey, ResolvedMetric][];
  /** The fairness breakdown worked out without problems (`responsible.fairness`), for the pages to reuse. */
  fairness?: [FairnessKey, FairnessView][];
}

/** Everything the build needs to know before Astro starts. */
export interface ContentReport {
  problems: ContentProblem[];
  caseStudies: CaseStudyFile[];
  /**
   * Entries (`churn.mdx`, `churn/index.mdx`) that are links Casefolio does
   * not follow, out of content/, to nothing or in a loop: each is a problem,
   * and never loaded.
   */
  linkedEntries: FoundCaseStudy[];
  /** The profile after validation, when it is valid. */
  profile?: ProfileData;
  /** The files profile.yaml names (`avatar`, `resume`), for the draft-file lint. */
  profileReads?: ProfileReads;
  /** content/publications.bib and profile.yaml's `publications:`, as read without problems. */
  publications: Publication[];
}

/** profile.yaml and the local files it names, as written. */
interface ProfileReads {
  file: string;
  absolutePath: string;
  reads: { field: string; line: number | undefined; written: string }[];
}

export interface ContentLocation {
  /** The project root: paths in messages are relative to it. */
  root: string;
  /** The content folder, absolute. */
  contentDir: string;
  /**
   * Where `<Notebook>`'s images are decoded to, absolute: a folder of the
   * build's cache. Default: in Astro's default cache folder under `root`.
   */
  notebookImagesDir?: string;
  /** The largest notebook `<Notebook>` may name, in bytes (`notebookSizeLimit`). Default 20 MB. */
  notebookMaxBytes?: number;
  /** A cohort member's: the cohort's `tracks`, one of which the profile's `track` must be. */
  tracks?: readonly string[];
  /**
   * The site's language (`casefolio({ locale })`): the words and numbers of
   * the charts the check builds, unless a case study names its own. Default `en`.
   */
  locale?: Locale;
}

/** Where a notebook's images go when the location does not say: Astro's default cache. */
function defaultNotebookImagesDir(root: string): string {
  return path.join(root, 'node_modules', '.astro', 'casefolio', 'notebook-images');
}

/** A case study's entry: `slug.mdx` directly in case-studies/, or `slug/index.mdx` one folder down. */
const ENTRY = /^[^/]+(\.mdx|\/index\.mdx)$/;

/** What a case study could be mistaken to be written as: MDX in other casing, or Markdown. */
const PAGE_LIKE = /\.(mdx|md|markdown|mdown|mkd|mkdn)$/i;

/** README files document a folder and are never pages. */
const README = /^readme\.[^.]+$/i;

/** The case-study files under content/case-studies, and the files that look like one but never become a page. */
export interface CaseStudyListing {
  /** The entries, in a stable order: `churn-model/index.mdx`, `pricing.mdx`. */
  entries: { entry: string; slug: string }[];
  /**
   * Files that will never become a page, though their name says they were
   * meant to (`x.MDX`, `x.md`, `churn/Index.mdx`), relative to the folder,
   * with the message that says what to name them.
   */
  misnamed: { file: string; message: string }[];
  /** Links where case studies are that Casefolio does not follow (files/walk.ts). */
  linked: RefusedLink[];
}

/**
 * Folder form (`slug/index.mdx`) and single-file form (`slug.mdx`), in a
 * stable order; ignored names (`_notes.mdx`, `.trash/`) are passed over.
 * Files that only miss the contract's form by their name are listed as
 * misnamed, with the name to give them: a single file in other casing or
 * as Markdown (`Churn.MDX`, `churn.md`), a folder's page named otherwise
 * (`churn/Index.mdx`, `churn/index.md`), or the one MDX file of a folder
 * with no `index.mdx` (`churn/churn.mdx`). README files, notes beside an
 * `index.mdx`, and a file beside the case study it would be are not.
 * `linked` are the case studies' files and folders that are links leading
 * out of `contentDir`, to nothing, or in a loop (files/walk.ts): never read.
 */
export function findCaseStudyFiles(
  caseStudiesDir: string,
  contentDir = path.dirname(caseStudiesDir),
): CaseStudyListing {
  const walk = walkFolder(caseStudiesDir, { maxDepth: 2, within: contentDir });
  const files = walk.files.map(({ relative }) => relative);
  const entries = files
    .filter((entry) => ENTRY.test(entry))
    .map((entry) => ({ entry, slug: slugFromEntry(entry) }));
  const slugs = new Set(entries.map(({ slug }) => slug));
  const indexed = new Set(entries.map(({ entry }) => entry.split('/')[0]));
  const misnamed: CaseStudyListing['misnamed'] = [];
  /** Per folder with no index.mdx, the files that could have been its page. */
  const candidates = new Map<string, string[]>();
  for (const file of files) {
    const [first = '', name = ''] = file.split('/');
    const page = name === '' ? first : name;
    if (ENTRY.test(file) || !PAGE_LIKE.test(page) || README.test(page)) continue;
    const isMdx = /\.mdx$/i.test(page);
    if (name === '') {
      const stem = page.replace(PAGE_LIKE, '');
      const slug = isValidSlug(stem) ? stem : suggestSlug(stem);
      // Beside the case study it would be (`churn.md` next to `churn.mdx`): a note.
      if (slugs.has(slug)) continue;
      const proper = `${slug}.mdx`;
      const why = isMdx
        ? 'only names ending in ".mdx", in lower case, are'
        : 'case studies are MDX files, not Markdown';
      misnamed.push({
        file,
        message: `not a case study: ${why}; rename it to "${proper}", or start its name with "_" to keep it out of the site`,
      });
    } else if (!indexed.has(first) && (isMdx || isIndexName(page))) {
      candidates.set(first, [...(candidates.get(first) ?? []), page]);
    }
  }
  for (const [folder, pages] of candidates) {
    const page = pages.find(isIndexName) ?? pages[0] ?? '';
    const why = !isIndexName(page)
      ? `${folder}/ has no "index.mdx", the page of a case-study folder`
      : /\.mdx$/i.test(page)
        ? `a case-study folder's page is named "index.mdx", in lower case`
        : `a case-study folder's page is "index.mdx" (case studies are MDX files, not Markdown)`;
    misnamed.push({
      file: `${folder}/${page}`,
      message: `not a case study: ${why}; rename it to "${folder}/index.mdx", or start the folder's name with "_" to keep it out of the site`,
    });
  }
  misnamed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    entries,
    misnamed,
    // A folder, an entry, or a link that leads nowhere, where entries are.
    linked: walk.refused.filter(
      ({ relative, folder, problem }) =>
        ENTRY.test(relative) || (!relative.includes('/') && (folder || problem !== 'outside')),
    ),
  };
}

/** `Index.mdx`, `index.md`, `INDEX.MARKDOWN`: a folder's page named otherwise. */
function isIndexName(name: string): boolean {
  return name.replace(PAGE_LIKE, '').toLowerCase() === 'index';
}

/** The entry a link Casefolio does not follow stands for, and its problem. */
function linkedEntry(link: RefusedLink, file: string): { entry: string; problem: ContentProblem } {
  const isFile = ENTRY.test(link.relative);
  const kind = isFile || !link.folder ? 'file' : 'folder';
  const message = linkProblemMessage(`this ${kind}`, link.problem, kind);
  return {
    entry: isFile ? link.relative : `${link.relative}/index.mdx`,
    problem: isFile ? { file, line: 1, message } : { file, message },
  };
}

/** A case-study file and whether it is a draft, known before it is checked. */
export interface FoundCaseStudy {
  entry: string;
  draft: boolean;
  /** A link Casefolio does not follow: a problem, never loaded. */
  linked?: true;
}

/**
 * A portfolio's content as first read: every case study's frontmatter, so
 * which files there are and which are drafts is known before the slower
 * checks of each file (`checkListed`).
 */
export interface ContentListing {
  location: ContentLocation;
  display: (absolute: string) => string;
  /** Problems found while listing: misnamed files, links not followed. */
  problems: ContentProblem[];
  found: (ReadCaseStudy & { entry: string; slug: string; absolutePath: string; file: string })[];
  linkedEntries: FoundCaseStudy[];
}

/** Lists a portfolio's case studies and reads each one's frontmatter. */
export function listContent(location: ContentLocation): ContentListing {
  const problems: ContentProblem[] = [];
  const display = (absolute: string) =>
    path.relative(location.root, absolute).split(path.sep).join('/');
  const caseStudiesDir = path.join(location.contentDir, 'case-studies');
  const { entries, misnamed, linked } = findCaseStudyFiles(caseStudiesDir, location.contentDir);
  for (const { file, message } of misnamed) {
    problems.push({ file: display(path.join(caseStudiesDir, file)), line: 1, message });
  }
  const found = entries.map(({ entry, slug }) => {
    const absolutePath = path.join(caseStudiesDir, entry);
    const file = display(absolutePath);
    return { entry, slug, absolutePath, file, ...readCaseStudy(absolutePath, file) };
  });
  const refused = linked.map((link) => linkedEntry(link, display(link.path)));
  problems.push(...refused.map(({ problem }) => problem));
  const linkedEntries = refused.map(({ entry }) => ({
    entry,
    draft: false,
    linked: true as const,
  }));
  return { location, display, problems, found, linkedEntries };
}

/** The case-study files a listing found, drafts marked: what the collections load. */
export function listedEntries(listing: ContentListing): FoundCaseStudy[] {
  return [...listing.found.map(({ entry, draft }) => ({ entry, draft })), ...listing.linkedEntries];
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
  const listing = listContent(location);
  onFound?.(listedEntries(listing));
  return checkListed(listing);
}

/** Checks a listed portfolio: the profile, then each case study in full. */
export function checkListed(listing: ContentListing): ContentReport {
  const { location, display, found, linkedEntries } = listing;
  const problems: ContentProblem[] = [...listing.problems];
  const profile = checkProfile(location, display);
  problems.push(...profile.problems);
  const publications = checkPublications(location.contentDir, display, profile.publications);
  problems.push(...publications.problems);

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

    const result = checkCaseStudy(read, location);
    problems.push(...result.problems);
    const paper = result.parsed?.valid?.paper;
    const unknownPaper =
      paper === undefined ? undefined : paperProblem(paper, publications.publications);
    if (unknownPaper) {
      const line = result.parsed?.lineOf(['paper']);
      problems.push({ file, ...(line ? { line } : {}), field: 'paper', message: unknownPaper });
    }
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
    linkedEntries,
    ...(profile.valid ? { profile: profile.valid } : {}),
    ...(profile.reads ? { profileReads: profile.reads } : {}),
    publications: publications.publications,
  };
}

function checkProfile(
  location: ContentLocation,
  display: (p: string) => string,
): {
  problems: ContentProblem[];
  valid?: ProfileData;
  reads?: ProfileReads;
  publications?: ProfilePublications;
} {
  const absolutePath = path.join(location.contentDir, 'profile.yaml');
  const file = display(absolutePath);
  const real = resolveInside(absolutePath, location.contentDir);
  if (!real.ok && real.problem !== 'missing') {
    return { problems: [{ file, message: linkProblemMessage('this file', real.problem) }] };
  }
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
  const track = data['track'];
  if (location.tracks && typeof track === 'string' && !location.tracks.includes(track.trim())) {
    const tracks = location.tracks.map((name) => `"${name}"`).join(', ');
    problems.push(
      fieldProblem(
        file,
        parsed.yaml,
        ['track'],
        `"${track}" is not one of the cohort's tracks (${tracks}, in content/cohort.yaml); use one of them, or add it there`,
      ),
    );
  }
  const reads: ProfileReads = { file, absolutePath, reads: [] };
  for (const field of ['avatar', 'resume'] as const) {
    const value = data[field];
    if (typeof value !== 'string') continue;
    reads.reads.push({ field, line: parsed.yaml.lineOf([field]), written: value });
    const problem =
      field === 'avatar'
        ? imageFileProblem(value, absolutePath, location.contentDir)
        : checkLocalFile(value, absolutePath, location.contentDir);
    if (problem) problems.push(fieldProblem(file, parsed.yaml, [field], problem));
  }
  // The entries are checked with the rest of the profile; a valid profile's
  // are listed with the .bib file's.
  const publications: ProfilePublications | undefined = valid && {
    file,
    entries: valid.publications,
    lineOf: (index) => parsed.yaml.lineOf(['publications', index]),
  };
  return {
    problems,
    reads,
    ...(valid ? { valid } : {}),
    ...(publications ? { publications } : {}),
  };
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
): { problems: ContentProblem[]; parsed?: ParsedCaseStudy } {
  const { absolutePath, file } = read;
  if (read.problem) return { problems: [read.problem] };
  const { split, yaml } = read;
  const { problems, valid } = schemaProblems(caseStudyPathSchema, yaml, file);
  const data = asRecord(yaml.data);
  // The charts' words and numbers are the page's: the study's language, or the site's.
  const locale = isLocale(data['locale']) ? data['locale'] : (location.locale ?? DEFAULT_LOCALE);

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
    const compare = (value: unknown) => {
      const baseline = metric['baseline'];
      if (typeof value !== 'number' || typeof baseline !== 'number') return;
      const problem = comparisonProblem({ name: '', goal: 'higher', value, baseline });
      if (problem) problems.push(fieldProblem(file, yaml, ['metrics', index, 'baseline'], problem));
    };
    if (typeof metric['from'] !== 'string') {
      compare(metric['value']);
      return;
    }
    // A metric that is otherwise valid gets its value read now, so a wrong key
    // or a broken file is reported before the build; a broken one only gets
    // its path checked (the schema has already said what else is wrong).
    const parsedMetric = metricSchema.safeParse(raw);
    if (!parsedMetric.success) {
      const from = metric['from'];
      // A notebook is checked as a file; the cell after its # is read with the value.
      const problem = checkLocalFile(
        notebookSource(from)?.notebook ?? from,
        absolutePath,
        location.contentDir,
      );
      if (problem) problems.push(fieldProblem(file, yaml, ['metrics', index, 'from'], problem));
      return;
    }
    const resolved = resolveMetric(
      parsedMetric.data,
      absolutePath,
      location.contentDir,
      location.notebookMaxBytes === undefined
        ? {}
        : { notebookMaxBytes: location.notebookMaxBytes },
    );
    if (!resolved.ok) {
      problems.push(fieldProblem(file, yaml, ['metrics', index, resolved.field], resolved.message));
    } else {
      resolvedMetrics.push([metricKey(absolutePath, parsedMetric.data), resolved.metric]);
      compare(resolved.metric.value);
    }
  });

  const fairness = checkFairness(data, {
    absolutePath,
    file,
    yaml,
    contentDir: location.contentDir,
    locale,
  });
  problems.push(...fairness.problems);

  const scan = scanMdx(split.body, split.bodyLine);
  const charts = new Map<ChartKey, BuiltChart>();
  const undrawnCharts: UndrawnChart[] = [];
  const confusions = new Map<ConfusionKey, ConfusionView>();
  const notebooks: NotebookContext = {
    imagesDir: location.notebookImagesDir ?? defaultNotebookImagesDir(location.root),
    maxBytes: location.notebookMaxBytes ?? notebookMaxBytes(siteOptionsSchema.parse({})),
    views: new Map(),
    uses: [],
    images: new Set(),
  };
  if (!scan.ok) {
    problems.push({ file, line: scan.line, message: `MDX syntax: ${scan.message}` });
  } else {
    const context = {
      mdxFile: absolutePath,
      contentDir: location.contentDir,
      metricNames,
      locale,
      charts,
      undrawnCharts,
      confusions,
      notebooks,
    };
    for (const problem of checkMdxBody(scan, context)) {
      problems.push({ file, line: problem.line, message: problem.message });
    }
    for (const image of scan.images) {
      const message = markdownImageProblem(image.url, context);
      if (message) problems.push({ file, line: image.line, message });
    }
    for (const problem of importProblems(scan, absolutePath, location.contentDir)) {
      problems.push({ file, line: problem.line, message: problem.message });
    }
  }

  const parsedCaseStudy: ParsedCaseStudy = {
    data,
    lineOf: yaml.lineOf,
    bodyLine: split.bodyLine,
    charts: [...charts],
    undrawnCharts,
    confusions: [...confusions],
    notebooks: [...notebooks.views],
    notebookImages: [...notebooks.images],
    notebookUses: notebooks.uses,
    metrics: resolvedMetrics,
    fairness: fairness.views,
    ...(valid ? { valid } : {}),
    ...(scan.ok ? { body: scan } : {}),
  };
  return { problems, parsed: parsedCaseStudy };
}

/**
 * `responsible.fairness` read and worked out now, so a metric or group the
 * file does not hold, or a broken file, is reported before the build: the
 * only time a build reads the file (the plan hands the view to the pages,
 * processes/fairness-views.ts). A breakdown the schema refuses only gets its
 * path checked; the schema has said what else is wrong.
 */
function checkFairness(
  data: Record<string, unknown>,
  at: {
    absolutePath: string;
    file: string;
    yaml: ParsedYaml;
    contentDir: string;
    locale: Locale;
  },
): { problems: ContentProblem[]; views: [FairnessKey, FairnessView][] } {
  const raw = asRecord(data['responsible'])['fairness'];
  if (raw === undefined) return { problems: [], views: [] };
  const field = (path: readonly (string | number)[], message: string) =>
    fieldProblem(at.file, at.yaml, ['responsible', 'fairness', ...path], message);
  const parsed = fairnessSchema.safeParse(raw);
  if (!parsed.success) {
    const from = asRecord(raw)['from'];
    const problem =
      typeof from === 'string' ? checkLocalFile(from, at.absolutePath, at.contentDir) : undefined;
    return { problems: problem ? [field(['from'], problem)] : [], views: [] };
  }
  const breakdown = fairnessBreakdown(parsed.data, at.absolutePath, at.contentDir, at.locale);
  if (!breakdown.ok) {
    return {
      problems: breakdown.problems.map((problem) => field(problem.path, problem.message)),
      views: [],
    };
  }
  return { problems: [], views: [[fairnessKey(at.absolutePath, parsed.data), breakdown.view]] };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
