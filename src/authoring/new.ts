/**
 * `npm run new`: scaffolds a case study from a template in templates/ as
 * content/case-studies/<slug>/index.mdx, a draft that validates as-is.
 *
 * In a terminal it asks for whatever the flags leave out; with --yes it asks
 * nothing (for scripts). It never overwrites an existing case study.
 *
 *   npm run new
 *   npm run new -- --title "Churn model" --template classification --yes
 *   npm run new -- --fresh
 *   npm run new -- --notebook ~/work/churn.ipynb --template classification
 *   npm run new -- --member ada-lovelace
 *   npm run new -- --member ada-lovelace --title "Churn model" --template classification --yes
 *
 * --member scaffolds a cohort member's folder (src/authoring/member.ts); with
 * the case-study options it creates the case study inside that member instead.
 *
 * --notebook starts the case study around a notebook: it is checked as the
 * build checks notebooks, copied into the new folder and shown with
 * `<Notebook>` in the Approach section; its first heading is the default title.
 *
 * --fresh makes the portfolio yours: it removes the sample (Maya Okafor's
 * profile and case studies) and writes a starter profile. It asks nothing:
 * it deletes only files that are byte for byte the sample's (see
 * src/authoring/fresh-start.ts), so there is nothing of the user's to confirm.
 *
 * The content folder is the one the build reads: CASEFOLIO_CONTENT_DIR, or the
 * casefolio() `contentDir` option of the Astro config (default `content`),
 * relative to the project root (the working directory npm runs scripts in) or
 * absolute. The preview address printed at the end uses the config's base.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prompts from '@clack/prompts';
import { readFrontmatter } from '../content/frontmatter.ts';
import { formatProblem } from '../problems/problem.ts';
import { schemaProblems } from '../content/schema-problems.ts';
import { freshStart, readSampleManifest } from './fresh-start-files.ts';
import { PROFILE_FILE, fileCount, keptBecause, type FreshStartPlan } from './fresh-start.ts';
import {
  checkAnswer,
  fillTemplate,
  notebookTitle,
  withNotebook,
  withSections,
} from './scaffold.ts';
import { recommendedSections } from '../content/lints.ts';
import { dictionary } from '../i18n/dictionaries.ts';
import {
  COHORT_FILE,
  PEOPLE_FOLDER,
  memberContentDir,
  memberSlugProblem,
  scaffoldMember,
} from './member.ts';
import { readNotebook } from '../notebooks/read.ts';
import { lintNotebook } from '../notebooks/lints.ts';
import { cellChoices, exampleCells } from '../notebooks/select.ts';
import type { Notebook } from '../schemas/notebook.ts';
import { suggestSlug } from '../schemas/slugs.ts';
import { walkFiles } from '../files/walk.ts';
import { loadSiteOptions, missingConfig } from './site-config.ts';
import { caseStudyPathSchema } from '../schemas/case-study.ts';

/** Longest slug `npm run new` derives: longer titles are cut between words. */
const MAX_SLUG_LENGTH = 60;

/** The slug of the case study a title creates: what its folder and URL are named. */
function slugForTitle(title: string): string {
  return suggestSlug(title, MAX_SLUG_LENGTH);
}

/** A failure with its one-line explanation for stderr; exits 1. */
class CliError extends Error {}

const OPTIONS = {
  title: { type: 'string' },
  template: { type: 'string' },
  organization: { type: 'string' },
  role: { type: 'string' },
  start: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  publish: { type: 'boolean' },
  fresh: { type: 'boolean' },
  notebook: { type: 'string' },
  member: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Flags {
  title?: string | undefined;
  template?: string | undefined;
  organization?: string | undefined;
  role?: string | undefined;
  start?: string | undefined;
  yes?: boolean | undefined;
  publish?: boolean | undefined;
  fresh?: boolean | undefined;
  notebook?: string | undefined;
  member?: string | undefined;
  config?: string | undefined;
  help?: boolean | undefined;
}

/** Where things are, and how to show a path to the user. */
interface Project {
  root: string;
  contentDir: string;
  caseStudiesDir: string;
  templatesDir: string;
  templates: string[];
  /** With --member: the member's folder name, whose pages live under /people/<member>/. */
  member?: string | undefined;
  /** The sections the site asks a new case study for (`casefolio({ locale, sections })`). */
  sections: readonly string[];
}

/** The options that describe a case study: with --member, they put one in that member. */
const CASE_STUDY_FLAGS = [
  'title',
  'template',
  'organization',
  'role',
  'start',
  'publish',
  'notebook',
] as const;

function usage(templates: readonly string[]): string {
  const names = templates.length > 0 ? templates.join(', ') : 'none found in templates/';
  return `Usage: npm run new [-- options]
       npm run new -- --fresh
       npm run new -- --member <slug>

Creates content/case-studies/<slug>/index.mdx from a template in templates/, as a
draft. In a terminal it asks for whatever the options leave out.

With --fresh it starts your own portfolio instead: it removes the sample profile
and case studies (only files still exactly as shipped; anything you changed or
added is kept and listed) and writes a starter content/profile.yaml.

With --member alone it adds a member to a cohort site: content/people/<slug>/
with a starter profile.yaml and an empty case-studies/, and content/cohort.yaml
(a placeholder name) when there is none yet. It never overwrites a member.
With --member and the case-study options, it creates the case study in that
member's case-studies/ instead.

Options:
  --title <text>          the case study's title; its URL name (slug) is derived from it
  --template <name>       one of: ${names}
  --organization <text>   where the work happened (default: the template's placeholder)
  --role <text>           your role (default: the template's placeholder)
  --start <date>          when the work started, YYYY-MM or YYYY-MM-DD (default: this month)
  -y, --yes               ask nothing: --title and --template are then required
  --publish               create it with draft: false, so npm run build includes it
  --notebook <file>       start it around a Jupyter notebook: copied in and shown with <Notebook>;
                          its first heading is the default title
  --fresh                 remove the sample portfolio and write a starter profile
  --member <slug>         add a cohort member (content/people/<slug>/); with --title and the
                          other case-study options, create the case study in that member
  --config <file>         the Astro config to read the content folder and base from (default: astro.config.mjs)
  -h, --help              show this help

Examples:
  npm run new -- --title "Churn model" --template classification --organization "Acme" --role "Data Science Intern" --yes
  npm run new -- --notebook ../experiments/churn.ipynb --template classification --yes
  npm run new -- --member ada-lovelace
  npm run new -- --member ada-lovelace --title "Churn model" --template classification --yes
`;
}

/** `YYYY-MM` for the current month, in local time. */
function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** A path as the user should read it: relative to the project when inside it, with forward slashes. */
function display(project: Project, absolute: string): string {
  const relative = path.relative(project.root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}

/** The templates' names: the `.mdx` files in templates/, ignored names (`_draft.mdx`) passed over. */
function listTemplates(templatesDir: string): string[] {
  return walkFiles(templatesDir, { maxDepth: 1 })
    .map(({ relative }) => relative)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.slice(0, -'.mdx'.length))
    .sort();
}

function readTemplate(project: Project, name: string): string {
  return readFileSync(path.join(project.templatesDir, `${name}.mdx`), 'utf8');
}

/** The template's own value for a text field, used as the default answer. */
function templateValue(source: string, field: 'organization' | 'role'): string | undefined {
  const read = readFrontmatter(source);
  if (!read.ok) return undefined;
  const data = read.yaml.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/** The existing file or folder a new case study with this slug would collide with. */
function existingEntry(project: Project, slug: string): string | undefined {
  const folder = path.join(project.caseStudiesDir, slug);
  const index = path.join(folder, 'index.mdx');
  if (existsSync(index)) return display(project, index);
  if (existsSync(folder)) return `${display(project, folder)}/`;
  const single = path.join(project.caseStudiesDir, `${slug}.mdx`);
  if (existsSync(single)) return display(project, single);
  return undefined;
}

function alreadyExists(entry: string): string {
  return `${entry} already exists; pick another title or edit that file`;
}

/** Template names accept an optional `.mdx`. */
function templateName(project: Project, given: string): string {
  const name = given.trim().replace(/\.mdx$/, '');
  if (project.templates.includes(name)) return name;
  throw new CliError(
    `unknown template "${given}"; available templates: ${project.templates.join(', ')}`,
  );
}

/** Every frontmatter problem in a case-study file's text, one contract-style line each, as the content check words them. */
function problemsIn(text: string, file: string): string[] {
  const read = readFrontmatter(text);
  if (!read.ok) return [formatProblem({ file, line: read.line, message: read.message })];
  return schemaProblems(caseStudyPathSchema, read.yaml, file).problems.map(formatProblem);
}

/** Stops the prompts when the user presses Ctrl-C or Escape. */
function answered<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) {
    prompts.cancel('No case study created.');
    throw new CliError('');
  }
  return value as Exclude<T, symbol>;
}

/** A notebook given with --notebook, read and checked before anything is asked. */
interface GivenNotebook {
  /** Absolute path of the intern's file. */
  source: string;
  /** The name it gets in the case study's folder. */
  fileName: string;
  notebook: Notebook;
}

interface Answers {
  title: string;
  template: string;
  organization?: string | undefined;
  role?: string | undefined;
  start: string;
  publish?: boolean | undefined;
  notebook?: GivenNotebook | undefined;
}

/** Asks for what the flags leave out. */
async function ask(
  project: Project,
  flags: Flags,
  notebook: GivenNotebook | undefined,
): Promise<Answers> {
  prompts.intro('New Casefolio case study');

  const suggested = notebook && titleFromNotebook(project, notebook.notebook);
  const title =
    flags.title ??
    answered(
      await prompts.text({
        message: 'Title',
        placeholder: suggested ?? 'Predicting subscriber churn 6 weeks ahead',
        ...(suggested === undefined ? {} : { defaultValue: suggested }),
        validate: (value) => {
          if ((value ?? '') === '' && suggested !== undefined) return undefined;
          const problem = checkAnswer('title', value ?? '');
          if (problem) return problem;
          const entry = existingEntry(project, slugForTitle(value ?? ''));
          return entry ? alreadyExists(entry) : undefined;
        },
      }),
    );
  const slug = slugForTitle(title);
  prompts.log.info(
    `Will create ${display(project, path.join(project.caseStudiesDir, slug, 'index.mdx'))}`,
  );

  const template =
    flags.template === undefined
      ? answered(
          await prompts.select({
            message: 'Template',
            options: project.templates.map((name) => ({ value: name, label: name })),
          }),
        )
      : templateName(project, flags.template);
  const source = readTemplate(project, template);

  const askText = async (field: 'organization' | 'role', message: string) => {
    const fallback = templateValue(source, field);
    return answered(
      await prompts.text({
        message,
        ...(fallback === undefined ? {} : { placeholder: fallback, defaultValue: fallback }),
        validate: (value) =>
          (value ?? '') === '' && fallback !== undefined
            ? undefined
            : checkAnswer(field, value ?? ''),
      }),
    );
  };
  const organization = flags.organization ?? (await askText('organization', 'Organization'));
  const role = flags.role ?? (await askText('role', 'Your role'));

  const month = currentMonth();
  const start =
    flags.start ??
    answered(
      await prompts.text({
        message: 'Start date (YYYY-MM or YYYY-MM-DD)',
        placeholder: month,
        defaultValue: month,
        validate: (value) => ((value ?? '') === '' ? undefined : checkAnswer('start', value ?? '')),
      }),
    );

  return { title, template, organization, role, start, publish: flags.publish, notebook };
}

/** The answers from flags alone (--yes). */
function fromFlags(project: Project, flags: Flags, notebook: GivenNotebook | undefined): Answers {
  const title = flags.title ?? (notebook && titleFromNotebook(project, notebook.notebook));
  if (title === undefined) {
    throw new CliError(
      notebook
        ? `--title is required with --yes: ${notebook.fileName} has no Markdown heading to take a title from`
        : `--title is required with --yes, e.g. npm run new -- --title "Churn model" --template ${project.templates[0] ?? 'classification'} --yes`,
    );
  }
  if (flags.template === undefined) {
    throw new CliError(
      `--template is required with --yes; available templates: ${project.templates.join(', ')}`,
    );
  }
  return {
    title,
    template: templateName(project, flags.template),
    organization: flags.organization,
    role: flags.role,
    start: flags.start ?? currentMonth(),
    publish: flags.publish,
    notebook,
  };
}

/** The notebook's first heading as a title, unless a case study already has its slug. */
function titleFromNotebook(project: Project, notebook: Notebook): string | undefined {
  const title = notebookTitle(
    notebook.cells.flatMap((cell) => (cell.cell_type === 'markdown' ? [cell.source] : [])),
  );
  return title !== undefined && existingEntry(project, slugForTitle(title)) === undefined
    ? title
    : undefined;
}

/**
 * The notebook --notebook names, read as the build reads notebooks (size
 * limit, nbformat 4): a problem is one line, before anything is asked.
 */
function givenNotebook(written: string, root: string): GivenNotebook {
  const source = path.resolve(root, written);
  if (!source.toLowerCase().endsWith('.ipynb')) {
    throw new CliError(`--notebook: "${written}" is not a Jupyter notebook (a .ipynb file)`);
  }
  if (!existsSync(source)) throw new CliError(`--notebook: "${written}": file not found`);
  const read = readNotebook(source);
  if (!read.ok) throw new CliError(`--notebook: "${written}": ${read.message}`);
  // A name every path rule takes (`Model Validation (v2).ipynb` becomes `model-validation-v2.ipynb`).
  const stem = suggestSlug(path.basename(source).replace(/\.ipynb$/i, ''), MAX_SLUG_LENGTH);
  return { source, fileName: `${stem || 'notebook'}.ipynb`, notebook: read.notebook };
}

/** Writes the case study; returns its path as shown to the user. */
function create(project: Project, answers: Answers): { file: string; slug: string } {
  const slug = slugForTitle(answers.title);
  const entry = existingEntry(project, slug);
  if (entry) throw new CliError(alreadyExists(entry));

  const filled = fillTemplate(readTemplate(project, answers.template), answers);
  if (!filled.ok) throw new CliError(filled.message);
  const drafted = answers.notebook
    ? withNotebook(filled.text, answers.notebook.fileName)
    : filled.text;
  // The templates' headings are English's recommended sections; the site may ask for others.
  const text = withSections(drafted, dictionary('en').sections, project.sections);

  const folder = path.join(project.caseStudiesDir, slug);
  const absolute = path.join(folder, 'index.mdx');
  const file = display(project, absolute);
  const before = problemsIn(text, file);
  if (before.length > 0) throw new CliError(before.join('\n'));

  mkdirSync(project.caseStudiesDir, { recursive: true });
  try {
    // Not recursive, and `wx`: whatever appeared since the check above is never overwritten.
    mkdirSync(folder);
    writeFileSync(absolute, text, { encoding: 'utf8', flag: 'wx' });
    if (answers.notebook) {
      copyFileSync(answers.notebook.source, path.join(folder, answers.notebook.fileName));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliError(alreadyExists(existingEntry(project, slug) ?? file));
    }
    throw error;
  }

  const after = problemsIn(readFileSync(absolute, 'utf8'), file);
  if (after.length > 0) throw new CliError(after.join('\n'));
  return { file, slug };
}

/**
 * What the intern does next with the notebook: where it went, and what the
 * notebook lints will ask for (alt text for figures, a notebook never run),
 * each as the check words it.
 */
function notebookNotes(given: GivenNotebook, folder: string): string[] {
  const findings = lintNotebook(given.notebook, { input: true, outputs: true, alt: {} });
  const todo = findings.filter((finding) => finding.rule !== 'notebook-secret');
  const secrets = findings.length - todo.length;
  return [
    `Copied the notebook to ${folder}/${given.fileName}; <Notebook> shows it whole in the Approach section: pick the cells that tell the story, as cells={[${exampleCells(given.notebook).join(', ') || '"label", 12'}]}: ${cellChoices(given.notebook)}`,
    ...todo.map(
      (finding) => `${finding.severity === 'error' ? 'To fix' : 'To look at'}: ${finding.message}`,
    ),
    ...(secrets > 0
      ? [
          `To fix first: the notebook's outputs or code hold ${secrets === 1 ? 'something that looks like a secret' : `${secrets} things that look like secrets`}; npm run check names them`,
        ]
      : []),
  ];
}

/** The dev server's address for a case study (a member's, with --member), under the config's base. */
function previewUrl(base: string, slug: string, member?: string): string {
  const owner = member === undefined ? '' : `${PEOPLE_FOLDER}/${member}/`;
  return `http://localhost:4321${base}${owner}case-studies/${slug}/`;
}

/** A starter file in templates/, or a one-line failure naming where it should be. */
function readStarter(project: Project, name: string, kind: string): string {
  const file = path.join(project.templatesDir, name);
  if (!existsSync(file)) {
    throw new CliError(
      `no starter ${kind} at ${display(project, file)}: run npm run new from the project folder`,
    );
  }
  return readFileSync(file, 'utf8');
}

/** `npm run new -- --member <slug>`: scaffolds the member, and says what it did and what is next. */
function addMember(project: Project, base: string, slug: string): string {
  const result = scaffoldMember(
    project.contentDir,
    slug,
    {
      profile: readStarter(project, PROFILE_FILE, 'profile'),
      cohort: readStarter(project, COHORT_FILE, 'cohort'),
    },
    (absolute) => display(project, absolute),
  );
  if (!result.ok) throw new CliError(result.message);
  const profile = display(project, result.profile);
  const lines = [
    `Created ${profile}, a starter profile: its comments say what to write.`,
    `Created ${display(project, result.caseStudies)}/, empty: the member's case studies go there.`,
  ];
  if (result.cohortCreated) {
    lines.push(
      `Created ${display(project, result.cohort)}, which makes the site a cohort: put the program's name in it.`,
    );
  }
  if (result.singlePortfolio.length > 0) {
    const found = result.singlePortfolio.map((file) =>
      file.endsWith('case-studies') ? `${display(project, file)}/` : display(project, file),
    );
    lines.push(
      `${found.join(' and ')} ${found.length === 1 ? 'is' : 'are'} a single portfolio's: a cohort's members live in ${display(project, path.join(project.contentDir, PEOPLE_FOLDER))}/, so move them into a member's folder to keep them.`,
    );
  }
  const templates = project.templates[0] ?? 'classification';
  const steps = [
    `Put the member's name and headline in ${profile}.`,
    `npm run new -- --member ${slug} --title "..." --template ${templates}   to start their first case study`,
    `npm run dev   to preview it at http://localhost:4321${base}${PEOPLE_FOLDER}/${slug}/ (npm run check reviews every member)`,
  ];
  lines.push('', 'Next:', ...steps.map((step, index) => `  ${index + 1}. ${step}`));
  return `${lines.join('\n')}\n`;
}

/** `npm run new -- --fresh`: removes the sample, writes the starter profile, and says what it did and what is next. */
function startFresh(project: Project): string {
  const starter = readStarter(project, PROFILE_FILE, 'profile');
  let plan: FreshStartPlan;
  try {
    plan = freshStart(project.contentDir, readSampleManifest(), starter);
  } catch (error) {
    const { code, path: file } = error as NodeJS.ErrnoException;
    if (code === undefined) throw error;
    throw new CliError(`could not remove the sample: ${code} on ${file ?? 'a file'}`);
  }
  return freshReport(project, plan);
}

/** What --fresh did, for the terminal. */
function freshReport(project: Project, plan: FreshStartPlan): string {
  const shown = (part: string) => {
    const shownPath = display(project, path.join(project.contentDir, part)).replace(/\/$/, '');
    return part === '' || part.endsWith('/') ? `${shownPath}/` : shownPath;
  };
  const profile = shown(PROFILE_FILE);
  const lines: string[] = [];
  if (plan.removed.length > 0) {
    lines.push(`Removed the sample from ${shown('')}:`);
    for (const { part, files } of plan.removed) {
      lines.push(`  ${shown(part)}${part.endsWith('/') ? ` (${fileCount(files.length)})` : ''}`);
    }
  } else if (plan.kept.length === 0) {
    lines.push(`Nothing to remove: the sample is no longer in ${shown('')}.`);
  }
  if (plan.kept.length > 0) {
    lines.push(
      'Kept, because it is no longer just the sample (delete it yourself if you do not need it):',
    );
    for (const part of plan.kept) lines.push(`  ${shown(part.part)}: ${keptBecause(part)}`);
  }
  if (plan.profile === 'write') {
    lines.push(`Wrote ${profile}, a starter profile: its comments say what to write.`);
  } else if (plan.profile === 'starter') {
    lines.push(`${profile} is the starter profile already.`);
  }
  const steps = [
    ...(plan.profile === 'keep' ? [] : [`Put your name and headline in ${profile}.`]),
    'npm run new   to start your first case study from a template',
    'npm run dev   to preview it as you write (npm run check reviews it)',
  ];
  lines.push('', 'Next:', ...steps.map((step, index) => `  ${index + 1}. ${step}`));
  const reference = path.join(project.root, 'tests', 'fixtures', 'sample', 'content');
  if (existsSync(reference)) {
    lines.push(`The sample stays in ${display(project, reference)}/ to look at.`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const root = process.cwd();
  let flags: Flags;
  try {
    flags = parseArgs({ options: OPTIONS, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new CliError(
      `${(error as Error).message.split('\n')[0] ?? ''} (see npm run new -- --help)`,
    );
  }
  const missing = missingConfig(root, flags.config);
  if (missing !== undefined) throw new CliError(missing);
  // The content folder and base as the build sees them: the config's casefolio()
  // options, with CASEFOLIO_CONTENT_DIR winning, and the config's base.
  const { contentDir, base, warning, options } = await loadSiteOptions(root, flags.config);
  if (warning !== undefined) process.stderr.write(`warning: ${warning}\n`);
  const templatesDir = path.join(root, 'templates');
  const project: Project = {
    root,
    contentDir,
    caseStudiesDir: path.join(contentDir, 'case-studies'),
    templatesDir,
    templates: listTemplates(templatesDir),
    sections: recommendedSections(options, {}),
  };

  if (flags.help) {
    process.stdout.write(usage(project.templates));
    return 0;
  }
  if (flags.fresh) {
    const others = ([...CASE_STUDY_FLAGS, 'member'] as const)
      .filter((name) => flags[name] !== undefined)
      .map((name) => `--${name}`);
    if (others.length > 0) {
      throw new CliError(
        `--fresh cannot be combined with ${others.join(', ')}: run npm run new -- --fresh first, then npm run new`,
      );
    }
    process.stdout.write(startFresh(project));
    return 0;
  }
  if (flags.member !== undefined) {
    const problem = memberSlugProblem(flags.member);
    if (problem) throw new CliError(problem);
    if (!CASE_STUDY_FLAGS.some((name) => flags[name] !== undefined)) {
      process.stdout.write(addMember(project, base, flags.member));
      return 0;
    }
    // A case study in the member: the same as without --member, in the member's content.
    const memberContent = memberContentDir(contentDir, flags.member, (absolute) =>
      display(project, absolute),
    );
    if (!memberContent.ok) throw new CliError(memberContent.message);
    project.caseStudiesDir = path.join(memberContent.dir, 'case-studies');
    project.member = flags.member;
  }
  if (project.templates.length === 0) {
    throw new CliError(
      `no templates found in ${display(project, templatesDir)}/: run npm run new from the project folder`,
    );
  }

  // Check what the flags say before asking anything else.
  if (flags.template !== undefined) templateName(project, flags.template);
  for (const field of ['title', 'organization', 'role', 'start'] as const) {
    const value = flags[field];
    const problem = value === undefined ? undefined : checkAnswer(field, value);
    if (problem) throw new CliError(`--${problem}`);
  }
  if (flags.title !== undefined) {
    const entry = existingEntry(project, slugForTitle(flags.title));
    if (entry) throw new CliError(alreadyExists(entry));
  }
  const notebook = flags.notebook === undefined ? undefined : givenNotebook(flags.notebook, root);

  const interactive = !flags.yes && process.stdin.isTTY && process.stdout.isTTY;
  if (!flags.yes && !interactive) {
    throw new CliError(
      'not in a terminal, so there is no one to ask: pass --title "..." and --yes (see npm run new -- --help)',
    );
  }

  const answers = interactive
    ? await ask(project, flags, notebook)
    : fromFlags(project, flags, notebook);
  const { file, slug } = create(project, answers);
  const created = answers.publish
    ? `Created ${file} (published: npm run build includes it)`
    : `Created ${file} (a draft)`;
  const notes = notebook ? notebookNotes(notebook, path.posix.dirname(file)) : [];
  const preview = `Preview: run npm run dev, then open ${previewUrl(base, slug, project.member)}`;
  if (interactive) {
    prompts.log.success(created);
    for (const note of notes) prompts.log.info(note);
    prompts.outro(preview);
  } else {
    process.stdout.write([created, ...notes, preview].map((line) => `${line}\n`).join(''));
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  if (error.message !== '') process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
