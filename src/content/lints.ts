import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedSiteOptions } from '../schemas/site-options.ts';
import type { CaseStudyFile, ContentReport } from './check.ts';
import type { MdxContents } from './mdx/elements.ts';
import { describeValue } from '../problems/describe-value.ts';
import { formatFieldPath, type ContentProblem } from '../problems/problem.ts';
import { repeatedLabels } from '../schemas/labels.ts';
import { notebookSource } from '../schemas/metric.ts';
import { portfolioPath } from '../schemas/cohort.ts';
import { walkFiles } from '../files/walk.ts';
import { imageLocationProblem } from './image-metadata.ts';
import { fairnessFindings } from './fairness-lints.ts';
import { MAX_DRAWN_POINTS } from '../charts/drawable.ts';
import { dictionary } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locales.ts';

/**
 * The authoring lints of `npm run check`: things the build accepts but a
 * reviewer would flag. Each finding is a problem with a severity and the rule
 * that found it, in the same `file:line: message` shape as build errors.
 */

type Severity = 'error' | 'warning';

export interface Finding extends ContentProblem {
  severity: Severity;
  /** Stable rule name, for editors and CI: `sections`, `image-alt`, `baseline`... */
  rule: string;
}

type LintOptions = Pick<
  ResolvedSiteOptions,
  'sections' | 'privateHostSuffixes' | 'cardSummaryLength'
> &
  Partial<Pick<ResolvedSiteOptions, 'locale'>> & {
    /** Astro's `site`, so a link written as the site's own full address is checked like a path. */
    site?: string | undefined;
    /**
     * In a cohort: the member whose content is linted, and every member's case
     * studies by slug, so a link to another member's case study
     * (`/people/bea/case-studies/churn/`) is checked too.
     */
    cohort?: {
      member: string;
      studies: ReadonlyMap<string, ReadonlyMap<string, { draft: boolean }>>;
    };
  };

/**
 * An address with a letters-only top-level domain that is not a file
 * extension (`plot@2x.png`). Each part is as long as an address's may be
 * (64 characters before the @, 63 a label), so a long run of letters (a
 * printed token) is read in time that grows with its length, not its square.
 */
const EMAIL =
  /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.(?!(?:png|jpe?g|gif|svg|webp|avif|csv|tsv|json|pdf|mdx?|txt|py|ipynb|log)\b)[a-z]{2,63}\b/gi;
/** Phone numbers with separators (`+1 555 123 4567`, `(555) 123-4567`), not bare figures or dates. */
const PHONE = new RegExp(
  [
    // North American: (415) 555-0134, 415-555-0134, +1 415 555 0134
    /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/.source,
    // International with a country code: +44 20 7946 0958, +49 30 123456
    /\+\d{1,3}(?:[\s.-]\d{2,5}){2,4}\b/.source,
    // National with a trunk 0: 020 7946 0958, 030 1234 5678
    /\b0\d{2,4}[\s-]\d{3,4}[\s-]\d{3,4}\b/.source,
  ].join('|'),
  'g',
);

/**
 * The headings a case study should have: `casefolio({ sections })` when
 * given, else its language's (its own `locale:`, or the site's): a German
 * case study is asked for Problem, Vorgehen, Ergebnisse, Wirkung.
 */
export function recommendedSections(
  options: Pick<ResolvedSiteOptions, 'sections'> & Partial<Pick<ResolvedSiteOptions, 'locale'>>,
  frontmatter: Record<string, unknown>,
): readonly string[] {
  if (options.sections) return options.sections;
  const own = frontmatter['locale'];
  return dictionary(isLocale(own) ? own : (options.locale ?? DEFAULT_LOCALE)).sections;
}

/** Runs every lint over the checked content. */
export function lintContent(report: ContentReport, options: LintOptions): Finding[] {
  const studies = new Map(report.caseStudies.map((study) => [study.slug, study]));
  const drafts = draftPlaces(report.caseStudies);
  const profile = report.profileReads;
  return [
    ...report.caseStudies.flatMap((study) => [
      ...lintCaseStudy(study, studies, options),
      ...(study.draft
        ? []
        : draftFiles(study.file, study.absolutePath, caseStudyReads(study), drafts)),
    ]),
    // The avatar and the résumé are published on every page and as files.
    ...(profile
      ? draftFiles(
          profile.file,
          profile.absolutePath,
          profile.reads.map((read) => ({ ...read, line: () => read.line })),
          drafts,
        )
      : []),
  ];
}

function lintCaseStudy(
  study: CaseStudyFile,
  studies: ReadonlyMap<string, CaseStudyFile>,
  options: LintOptions,
): Finding[] {
  const parsed = study.parsed;
  if (!parsed) return [];
  const findings: Finding[] = [];
  const add = (severity: Severity, rule: string, line: number | undefined, message: string) =>
    findings.push({ file: study.file, severity, rule, message, ...(line ? { line } : {}) });
  const { data, body, lineOf } = parsed;

  // A language the schema refused says nothing of which headings to ask for: its one line is enough.
  const unknownLocale = data['locale'] !== undefined && !isLocale(data['locale']);
  if (body) {
    const headings = new Set(body.headings.map((heading) => heading.text.toLowerCase()));
    const sections = recommendedSections(options, data);
    const missing = sections.filter((section) => !headings.has(section.toLowerCase()));
    if (missing.length > 0 && !unknownLocale) {
      add(
        'error',
        'sections',
        parsed.bodyLine,
        `missing ${missing.length === 1 ? 'section' : 'sections'} ${missing.map((s) => `"## ${s}"`).join(', ')} (every case study has ${sections.join(', ')})`,
      );
    }
    for (const image of body.images) {
      if (image.alt.trim() === '') {
        add(
          'error',
          'image-alt',
          image.line,
          `image ${image.url} has no alt text: write ![what it shows](${image.url})`,
        );
      }
    }
    for (const element of body.elements) {
      // An alt written as code (`alt={caption}`) is there; only a missing one is flagged.
      if (element.name === 'img' && element.props['alt'] === undefined) {
        add('error', 'image-alt', element.line, '<img> has no alt text: add alt="what it shows"');
      }
    }
    const anchors = body.elements.flatMap((element) =>
      element.name === 'a' && typeof element.props['href'] === 'string'
        ? [{ url: element.props['href'], line: element.line }]
        : [],
    );
    for (const link of [...body.links, ...body.definitions, ...anchors]) {
      const linked = caseStudyLinkOf(link.url, study.slug, options);
      if (linked === undefined) continue;
      const { slug } = linked;
      const own = linked.member === undefined || linked.member === options.cohort?.member;
      if (own && slug === study.slug) continue;
      const target = own
        ? studies.get(slug)
        : options.cohort?.studies.get(linked.member ?? '')?.get(slug);
      if (!target) {
        add(
          'error',
          'case-study-link',
          link.line,
          `link to a case study that does not exist: ${link.url}`,
        );
      } else if (target.draft && !study.draft) {
        add(
          'error',
          'case-study-link',
          link.line,
          `link to the draft "${slug}", which is not published: ${link.url}; publish it (draft: false) or remove the link`,
        );
      }
    }
  }

  const metrics = Array.isArray(data['metrics']) ? data['metrics'] : [];
  metrics.forEach((metric: unknown, index) => {
    if (typeof metric === 'object' && metric !== null && !('baseline' in metric)) {
      const name = (metric as { name?: unknown }).name;
      add(
        'warning',
        'baseline',
        lineOf(['metrics', index]),
        `metrics[${index}] (${typeof name === 'string' ? name : 'unnamed'}) has no baseline: a result reads better against what it replaced`,
      );
    }
  });

  for (const [list, noun] of [
    ['tags', 'tag'],
    ['skills', 'skill'],
  ] as const) {
    const labels = data[list];
    for (const repeat of Array.isArray(labels) ? repeatedLabels(labels) : []) {
      const line = lineOf([list, repeat.index]);
      findings.push({
        file: study.file,
        ...(line ? { line } : {}),
        field: `${list}[${repeat.index}]`,
        severity: 'warning',
        rule: 'repeated-label',
        message: `${describeValue(repeat.label)} is the same ${noun} as ${describeValue(repeat.first)} (${list}[${repeat.firstIndex}]), so it is shown once, as ${describeValue(repeat.first)}; remove one of them`,
      });
    }
  }

  for (const chart of parsed.undrawnCharts ?? []) {
    add(
      'warning',
      'chart-size',
      chart.line,
      `<Chart> plots ${chart.points.toLocaleString('en-US')} points in ${chart.series.toLocaleString('en-US')} series, more than a page draws (${MAX_DRAWN_POINTS.toLocaleString('en-US')}): the page shows its data table instead; name the columns to plot with y`,
    );
  }

  const summary = data['summary'];
  if (typeof summary === 'string' && summary.length > options.cardSummaryLength) {
    add(
      'warning',
      'summary-length',
      lineOf(['summary']),
      `summary is ${summary.length} characters; cards show about ${options.cardSummaryLength}, so lead with the result`,
    );
  }

  const task = (data['model'] as { task?: unknown } | undefined)?.task;
  if ((task === 'classification' || task === 'regression') && !hasLimitations(data)) {
    add(
      'warning',
      'limitations',
      lineOf(['model', 'task']),
      `a ${task} model without responsible.limitations: add where it is known to do badly or was not tested (a rare class, a group with little data, traffic after the training period), as responsible.limitations: [...]`,
    );
  }

  const fairness = objectAt(objectAt(data['responsible'])['fairness']);
  if (Array.isArray(fairness['metrics'])) {
    const view = parsed.fairness?.[0]?.[1];
    for (const finding of fairnessFindings(fairness['metrics'], view)) {
      const line = lineOf(finding.path);
      findings.push({
        file: study.file,
        ...(line ? { line } : {}),
        field: formatFieldPath(finding.path),
        severity: 'warning',
        rule: 'fairness',
        message: finding.message,
      });
    }
  }

  // Without a parsed body nothing is known to be used; the syntax error is reported instead.
  if (body) findings.push(...unusedFiles(study, parsed.data, body));

  const dataset = data['dataset'];
  const confidential =
    typeof dataset === 'object' &&
    dataset !== null &&
    (dataset as { access?: unknown }).access === 'confidential';
  if (confidential) {
    findings.push(...privateInfo(study, options.privateHostSuffixes));
    findings.push(...fairnessPrivateInfo(study, options.privateHostSuffixes));
  }
  findings.push(...notebookFindings(study, confidential ? options.privateHostSuffixes : undefined));
  return findings;
}

/**
 * What the notebooks of a case study's `<Notebook>` elements hold that a
 * reviewer would flag, each on the element's line: the notebook lints and
 * the preparation's warnings (content/mdx/notebooks.ts), an image it
 * publishes with a GPS position, and, when the dataset is confidential
 * (`hostSuffixes` given), the private details the page would show of it.
 */
function notebookFindings(
  study: CaseStudyFile,
  hostSuffixes: readonly string[] | undefined,
): Finding[] {
  const at = (line: number, severity: Severity, rule: string, message: string): Finding => ({
    file: study.file,
    line,
    severity,
    rule,
    message: `<Notebook> src: ${message}`,
  });
  const host = hostSuffixes && hostPattern(hostSuffixes);
  return (study.parsed?.notebookUses ?? []).flatMap((use) => [
    ...use.findings.map((finding) => at(use.line, finding.severity, finding.rule, finding.message)),
    ...use.images.flatMap(({ cell, file }) => {
      const problem = imageLocationProblem(file);
      // The problem is worded for a file of the intern's: `the file is a JPEG image ...`.
      const message = problem?.replace(/^the file/, 'an image it shows');
      return message ? [at(use.line, 'error', 'image-location', `${cell}: ${message}`)] : [];
    }),
    ...(hostSuffixes
      ? use.texts.flatMap(({ cell, text }) =>
          privateDetails(text, host).map((what) =>
            at(
              use.line,
              'error',
              'private-info',
              `${cell}: ${what}, in a case study whose dataset is confidential; remove it from the notebook, or leave the cell out with cells={[...]}, before publishing`,
            ),
          ),
        )
      : []),
  ]);
}

/**
 * The case study a link points at, when it points at a case study's page or
 * anything under it: an absolute `/case-studies/<slug>/...` (under any base
 * path) or a relative link that resolves there from the page of the case
 * study `from` (`../<slug>/`, `../../case-studies/<slug>/data.csv`). In a
 * cohort, `/people/<member>/case-studies/<slug>/` is a member's, and
 * relative links resolve from the member's own page.
 */
function caseStudyLinkOf(
  url: string,
  from: string,
  { site, cohort }: Pick<LintOptions, 'site' | 'cohort'>,
): { member?: string; slug: string } | undefined {
  let pathname: string;
  try {
    const page = new URL(
      `${portfolioPath(cohort?.member)}case-studies/${from}/`,
      site ?? 'https://site.invalid/',
    );
    const target = new URL(url.trim(), page);
    // Another site's page, or a link that is not a page (mailto:, data:).
    if (target.origin !== page.origin) return undefined;
    pathname = target.pathname;
  } catch {
    return undefined;
  }
  const decoded = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const members = cohort && /(?:^|\/)people\/([^/]+)\/case-studies\/([^/]+)/.exec(pathname);
  if (members?.[1] !== undefined && members[2] !== undefined) {
    return { member: decoded(members[1]), slug: decoded(members[2]) };
  }
  const slug = /(?:^|\/)case-studies\/([^/]+)/.exec(pathname)?.[1];
  return slug === undefined ? undefined : { slug: decoded(slug) };
}

/** `responsible.limitations` holds at least one item. */
function hasLimitations(data: Record<string, unknown>): boolean {
  const responsible = data['responsible'];
  const limitations =
    typeof responsible === 'object' && responsible !== null
      ? (responsible as { limitations?: unknown }).limitations
      : undefined;
  return Array.isArray(limitations) ? limitations.length > 0 : limitations !== undefined;
}

/** A frontmatter value that is a mapping, or an empty one. */
function objectAt(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** `responsible.fairness.from` as written, whatever else the block holds. */
function fairnessFrom(data: Record<string, unknown>): unknown {
  const responsible = data['responsible'];
  const fairness =
    typeof responsible === 'object' && responsible !== null
      ? (responsible as { fairness?: unknown }).fairness
      : undefined;
  return typeof fairness === 'object' && fairness !== null
    ? (fairness as { from?: unknown }).from
    : undefined;
}

/** Where drafts live: a folder-form draft's folder, a single-file draft's file (real paths). */
interface DraftPlace {
  slug: string;
  path: string;
  isFolder: boolean;
}

function draftPlaces(studies: readonly CaseStudyFile[]): DraftPlace[] {
  return studies
    .filter((study) => study.draft)
    .map((study) => {
      const isFolder = study.entry.endsWith('/index.mdx');
      const place = isFolder ? path.dirname(study.absolutePath) : study.absolutePath;
      return { slug: study.slug, path: realPath(place), isFolder };
    });
}

function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** A file named in a case study or the profile, as written, with the field that names it. */
interface FileRead {
  field: string;
  /**
   * Its line, worked out only for a finding: a frontmatter field's line
   * means parsing the YAML again with positions, which for every read of
   * every study cost 0.6 s of each build at 1,000 case studies.
   */
  line: () => number | undefined;
  written: unknown;
}

/** The files a case study reads: cover, metric artifacts, component data, images, imports. */
function caseStudyReads(study: CaseStudyFile): FileRead[] {
  const parsed = study.parsed;
  if (!parsed) return [];
  const { data, body, lineOf } = parsed;
  const reads: FileRead[] = [];
  reads.push({
    field: 'cover.src',
    line: () => lineOf(['cover', 'src']),
    written: (data['cover'] as { src?: unknown } | undefined)?.src,
  });
  const metrics = Array.isArray(data['metrics']) ? data['metrics'] : [];
  metrics.forEach((metric: unknown, index) => {
    const from = (metric as { from?: unknown } | null)?.from;
    reads.push({
      field: `metrics[${index}].from`,
      line: () => lineOf(['metrics', index, 'from']),
      written: from,
    });
  });
  reads.push({
    field: 'responsible.fairness.from',
    line: () => lineOf(['responsible', 'fairness', 'from']),
    written: fairnessFrom(data),
  });
  // Links are not read (a link to a draft is the case-study-link rule's); `src` is.
  for (const element of body?.elements ?? []) {
    reads.push({
      field: `<${element.name}> src`,
      line: () => element.line,
      written: element.props['src'],
    });
  }
  for (const image of body?.images ?? []) {
    reads.push({ field: 'image', line: () => image.line, written: image.url });
  }
  // What a notebook's Markdown shows from beside it is published too (its
  // decoded outputs and attachments live in the build's cache, in no draft).
  const folder = path.dirname(study.absolutePath);
  for (const use of parsed.notebookUses ?? []) {
    for (const { cell, file } of use.images) {
      reads.push({
        field: `<Notebook> src: ${cell}: image`,
        line: () => use.line,
        written: path.relative(folder, file).split(path.sep).join('/'),
      });
    }
  }
  for (const found of body?.imports ?? []) {
    reads.push({ field: found.kind, line: () => found.line, written: found.source });
  }
  return reads;
}

/**
 * Files of a draft that a published page reads (a case study's artifacts and
 * images, the profile's avatar and résumé): the build would publish them
 * with the page. Each is an error naming the draft.
 */
function draftFiles(
  file: string,
  absolutePath: string,
  reads: readonly FileRead[],
  drafts: readonly DraftPlace[],
): Finding[] {
  if (drafts.length === 0) return [];
  const folder = path.dirname(absolutePath);
  return reads.flatMap(({ field, line, written }) => {
    if (typeof written !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(written)) return [];
    const target = realPath(path.resolve(folder, written.replace(/[?#].*$/, '')));
    const draft = drafts.find((place) =>
      place.isFolder ? target.startsWith(place.path + path.sep) : target === place.path,
    );
    if (!draft) return [];
    const at = line();
    return [
      {
        file,
        ...(at ? { line: at } : {}),
        severity: 'error' as const,
        rule: 'draft-file',
        message: `${field}: ${describeValue(written)} is a file of the draft "${draft.slug}", which is not published; copy it ${file.endsWith('profile.yaml') ? 'next to profile.yaml' : "into this case study's folder"}, or publish the draft`,
      },
    ];
  });
}

/** Files in a folder-form case study that nothing refers to (warnings). */
function unusedFiles(
  study: CaseStudyFile,
  data: Record<string, unknown>,
  body: MdxContents,
): Finding[] {
  if (!study.entry.endsWith('/index.mdx')) return [];
  const folder = path.dirname(study.absolutePath);
  const referenced = new Set<string>();
  const refer = (written: unknown) => {
    if (typeof written === 'string' && !/^[a-z]+:/i.test(written) && !written.startsWith('/')) {
      const resolved = path.resolve(folder, written);
      // A run inside an MLflow store uses the store's bookkeeping (experiment meta.yaml) too.
      const store = resolved.split(path.sep).lastIndexOf('mlruns');
      referenced.add(
        store === -1
          ? resolved
          : resolved
              .split(path.sep)
              .slice(0, store + 1)
              .join(path.sep),
      );
    }
  };
  refer((data['cover'] as { src?: unknown } | undefined)?.src);
  for (const metric of Array.isArray(data['metrics']) ? data['metrics'] : []) {
    const from = (metric as { from?: unknown } | null)?.from;
    // `./analysis.ipynb#report` uses the notebook.
    refer(typeof from === 'string' ? (notebookSource(from)?.notebook ?? from) : from);
  }
  refer(fairnessFrom(data));
  for (const element of body.elements) refer(element.props['src']);
  // What a notebook's markdown shows from beside it is published with the page.
  for (const use of study.parsed?.notebookUses ?? []) {
    for (const file of use.reads) referenced.add(file);
  }
  for (const image of body.images) refer(image.url);
  for (const link of body.links) refer(link.url);
  for (const found of body.imports) {
    if (found.source?.startsWith('.')) refer(found.source.replace(/[?#].*$/, ''));
  }

  const isUsed = (file: string) =>
    [...referenced].some((used) => file === used || file.startsWith(`${used}${path.sep}`));
  return walkFiles(folder)
    .filter(({ path: file }) => file !== study.absolutePath && !isUsed(file))
    .map(({ relative }) => ({
      file: study.file,
      severity: 'warning' as const,
      rule: 'unused-file',
      message: `${relative} is not used by this case study; remove it or prefix it with _ to keep it as a note`,
    }));
}

/** Host names under the given endings; undefined for none (no suffixes means none to look for, not "match anything"). */
function hostPattern(suffixes: readonly string[]): RegExp | undefined {
  const escaped = suffixes.map((suffix) =>
    suffix.replace(/^\./, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  // Labels as long as DNS allows, so a long run of letters is read in time that grows with its length.
  return escaped.length > 0
    ? new RegExp(`\\b(?:[a-z0-9-]{1,63}\\.){1,8}(?:${escaped.join('|')})\\b`, 'gi')
    : undefined;
}

/** The emails, phone numbers and internal host names in a text, as `an email address (…)`. */
function privateDetails(text: string, host: RegExp | undefined): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(EMAIL)) found.push(`an email address (${match[0]})`);
  for (const match of text.matchAll(PHONE)) found.push(`a phone number (${match[0].trim()})`);
  for (const match of host ? text.matchAll(host) : []) {
    if (!text.slice(Math.max(0, (match.index ?? 0) - 1), match.index).includes('@')) {
      found.push(`an internal host name (${match[0]})`);
    }
  }
  return found;
}

/**
 * Emails, phone numbers and internal host names in the group names of a
 * confidential case study's fairness file, which the page and the model card
 * publish; the frontmatter around them is the raw file's, read by `privateInfo`.
 */
function fairnessPrivateInfo(study: CaseStudyFile, suffixes: readonly string[]): Finding[] {
  const host = hostPattern(suffixes);
  const found = (study.parsed?.fairness ?? []).flatMap(([, view]) =>
    view.groups.flatMap((group) =>
      privateDetails(group.name, host).map((what) => ({ view, group, what })),
    ),
  );
  if (found.length === 0) return [];
  // Only a finding needs the line: finding it parses the whole frontmatter
  // again with the `yaml` package (frontmatter.ts): done for every
  // confidential study, it was a sixth of the check in a profile at 1,000.
  const line = study.parsed?.lineOf(['responsible', 'fairness', 'from']);
  return found.map(({ view, group, what }) => ({
    file: study.file,
    ...(line ? { line } : {}),
    field: 'responsible.fairness.from',
    severity: 'error' as const,
    rule: 'private-info',
    message: `${view.source}: group ${describeValue(group.name)}: ${what}, in a case study whose dataset is confidential; rename the group in the file before publishing`,
  }));
}

/** Emails, phone numbers and internal host names in a case study about confidential data. */
function privateInfo(study: CaseStudyFile, suffixes: readonly string[]): Finding[] {
  const host = hostPattern(suffixes);
  const findings: Finding[] = [];
  // The raw file, so line numbers match the editor's.
  const lines = readFileSync(study.absolutePath, 'utf8').split(/\r?\n/);
  lines.forEach((text, index) => {
    for (const what of privateDetails(text, host)) {
      findings.push({
        file: study.file,
        line: index + 1,
        severity: 'error',
        rule: 'private-info',
        message: `${what} in a case study whose dataset is confidential; remove it before publishing`,
      });
    }
  });
  return findings;
}
