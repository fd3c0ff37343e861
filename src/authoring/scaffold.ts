import { isMap, parseDocument } from 'yaml';
import { friendlyIssues } from '../problems/friendly-issues.ts';
import { caseStudyPathSchema } from '../schemas/case-study.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';

/** What `npm run new` asks for; omitted fields keep the template's value. */
export interface ScaffoldAnswers {
  title: string;
  organization?: string | undefined;
  role?: string | undefined;
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  start?: string | undefined;
  /** Create it published (`draft: false`) instead of as a draft. */
  publish?: boolean | undefined;
}

export type FillResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * The frontmatter field each answer fills in, as the content check's schema
 * defines it: an answer `npm run check` would refuse is refused here first,
 * in the same words.
 */
const ANSWER_SCHEMAS = {
  title: caseStudyPathSchema.shape.title,
  organization: caseStudyPathSchema.shape.organization,
  role: caseStudyPathSchema.shape.role,
  start: caseStudyPathSchema.shape.period.shape.start,
} as const;

/**
 * Why an answer cannot go into the frontmatter (`title: must not be empty`),
 * or undefined when it can. Answers are trimmed, as the fields are, and must
 * fit on one line: the schema would take a line break in a title or a role,
 * but the pages show them on one.
 */
export function checkAnswer(field: keyof typeof ANSWER_SCHEMAS, value: string): string | undefined {
  const text = value.trim();
  const schema = ANSWER_SCHEMAS[field];
  const result = schema.safeParse(text, { reportInput: true });
  const [issue] = result.success ? [] : friendlyIssues(result.error.issues, schema);
  if (issue) return `${field}: ${issue.message}`;
  if (/[\n\r]/.test(text)) return `${field}: must be one line`;
  return undefined;
}

/**
 * A template with the answers filled in: `title`, `organization`, `role` and
 * `period.start` set, `period.end` removed (the template's end could fall
 * before the new start) and `draft: true`. The frontmatter is edited as a YAML
 * document, so every comment survives and values are quoted only where YAML
 * needs it; the body is kept as is.
 */
export function fillTemplate(template: string, answers: ScaffoldAnswers): FillResult {
  const fields = [
    ['title', answers.title],
    ['organization', answers.organization],
    ['role', answers.role],
    ['start', answers.start],
  ] as const;
  for (const [field, value] of fields) {
    if (value === undefined) continue;
    const problem = checkAnswer(field, value);
    if (problem) return { ok: false, message: problem };
  }

  const split = splitFrontmatter(template);
  if (!split) return { ok: false, message: 'the template has no --- fenced frontmatter' };
  const doc = parseDocument(split.frontmatter, { uniqueKeys: true });
  const error = doc.errors[0];
  if (error)
    return {
      ok: false,
      message: `the template's frontmatter is not valid YAML: ${error.message.split('\n')[0] ?? ''}`,
    };
  if (!isMap(doc.contents)) {
    return { ok: false, message: "the template's frontmatter is not a set of key: value pairs" };
  }

  doc.setIn(['title'], answers.title.trim());
  if (answers.organization !== undefined) doc.setIn(['organization'], answers.organization.trim());
  if (answers.role !== undefined) doc.setIn(['role'], answers.role.trim());
  if (answers.start !== undefined) {
    doc.setIn(['period', 'start'], answers.start.trim());
    doc.deleteIn(['period', 'end']);
  }
  doc.setIn(['draft'], answers.publish !== true);

  // A comment after the last field belongs to the document, and the
  // stringifier always puts a blank line before it; keep it attached to the
  // fields instead when the template has no blank line there.
  if (doc.comment && !doc.contents.comment && !blankLineBeforeTrailingComment(split.frontmatter)) {
    doc.contents.comment = doc.comment;
    doc.comment = null;
  }

  // No line folding (a long summary stays on one line), and `[a, b]` stays as
  // the templates write it.
  const frontmatter = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return { ok: true, text: `---\n${frontmatter}---\n${split.body}` };
}

/** Whether the comment lines that end the YAML are separated from the last field by a blank line. */
function blankLineBeforeTrailingComment(yaml: string): boolean {
  const lines = yaml.split('\n');
  let index = lines.length - 1;
  while (index >= 0 && (lines[index] ?? '').trim() === '') index--;
  let blank = false;
  for (; index >= 0; index--) {
    const line = (lines[index] ?? '').trim();
    if (line === '') blank = true;
    else if (line.startsWith('#')) blank = false;
    else break;
  }
  return blank;
}

/**
 * A case study's body with `<Notebook src="./<fileName>" />` placed where a
 * reader expects the work: after the first paragraph of `## Approach`, else
 * before `## Results`, else at the end. The intern then picks the cells that
 * tell the story with `cells={[...]}`.
 */
export function withNotebook(body: string, fileName: string): string {
  const element = `<Notebook src=${JSON.stringify(`./${fileName}`)} />`;
  const lines = body.split('\n');
  const approach = lines.findIndex((line) => /^##\s+approach\s*$/i.test(line));
  let at = -1;
  if (approach !== -1) {
    // The end of the first paragraph after the heading.
    let index = approach + 1;
    while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
    while (
      index < lines.length &&
      (lines[index] ?? '').trim() !== '' &&
      !/^#/.test(lines[index] ?? '')
    ) {
      index++;
    }
    at = index;
  } else {
    at = lines.findIndex((line) => /^##\s+results\s*$/i.test(line));
  }
  if (at === -1) return `${body.replace(/\n*$/, '')}\n\n${element}\n`;
  // A blank line on each side, without doubling one that is there.
  const before = (lines[at - 1] ?? '').trim() === '' ? [] : [''];
  const after = (lines[at] ?? '').trim() === '' ? [] : [''];
  lines.splice(at, 0, ...before, element, ...after);
  return lines.join('\n');
}

/**
 * The template's section headings (`## Problem`, `## Approach`...: the
 * templates are English) renamed, one for one and in order, to the sections
 * the site asks for: in a `casefolio({ locale: 'de' })` site a new case
 * study starts with `## Vorgehen`, so its first `npm run check` does not ask
 * for headings it never had. The text under them stays the template's
 * guidance, to be replaced. With another number of sections, nothing is renamed.
 */
export function withSections(body: string, from: readonly string[], to: readonly string[]): string {
  if (from.length !== to.length) return body;
  const renamed = new Map(
    from.map((section, index) => [section.toLowerCase(), to[index] ?? section]),
  );
  return body.replace(/^##[ \t]+(.+?)[ \t]*$/gm, (line, heading: string) => {
    const section = renamed.get(heading.toLowerCase());
    return section === undefined ? line : `## ${section}`;
  });
}

/**
 * A title for a case study around a notebook: the notebook's first Markdown
 * heading, when it is one a title may be (`# Churn model` gives `Churn
 * model`); undefined otherwise.
 */
export function notebookTitle(markdownSources: readonly string[]): string | undefined {
  for (const source of markdownSources) {
    const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(source)?.[1];
    if (heading === undefined) continue;
    // Inline Markdown a title does not render: emphasis, code, links.
    const plain = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '')
      .trim();
    return checkAnswer('title', plain) === undefined ? plain : undefined;
  }
  return undefined;
}
