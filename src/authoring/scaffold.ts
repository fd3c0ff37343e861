import slugify from '@sindresorhus/slugify';
import { isMap, parseDocument } from 'yaml';
import { isCalendarDate } from '../schemas/calendar.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { isValidSlug } from '../content/slugs.ts';

/** Longest slug `npm run new` derives; longer titles are cut on a word boundary. */
const MAX_SLUG_LENGTH = 60;

/** The slug used when a title has nothing a URL can keep (only emoji, or no Latin letters). */
const FALLBACK_SLUG = 'case-study';

/**
 * Emoji, whole sequences first (flags, keycaps, skin tones, ZWJ families),
 * then any pictograph or joiner left over. Removed before transliterating so
 * none becomes a word (`♥` would otherwise turn into `love`).
 */
const EMOJI_SEQUENCE = /\p{RGI_Emoji}/gv;
const EMOJI_PART =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3]/gu;

/**
 * A valid case-study slug for a title: accents transliterated
 * (`Prédiction` -> `prediction`), emoji and punctuation dropped, words
 * joined by single hyphens, at most 60 characters (cut between words), and
 * `case-study` when nothing is left.
 */
export function slugForTitle(title: string): string {
  const text = title.normalize('NFC').replace(EMOJI_SEQUENCE, ' ').replace(EMOJI_PART, ' ');
  const slug = capSlug(slugify(text, { decamelize: false }));
  return isValidSlug(slug) ? slug : FALLBACK_SLUG;
}

/** Cuts a slug to MAX_SLUG_LENGTH, dropping whole words; a single overlong word is cut. */
function capSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  let capped = '';
  for (const word of slug.split('-')) {
    const next = capped === '' ? word : `${capped}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) break;
    capped = next;
  }
  return capped === '' ? slug.slice(0, MAX_SLUG_LENGTH) : capped;
}

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

/** The schema's limits for the fields filled in, checked before the template is touched. */
const TEXT_LIMITS = { title: 120, organization: 120, role: 120 } as const;

/** Why an answer cannot go into the frontmatter, or undefined when it can. */
export function checkAnswer(
  field: keyof typeof TEXT_LIMITS | 'start',
  value: string,
): string | undefined {
  const text = value.trim();
  if (field === 'start') {
    return isCalendarDate(text)
      ? undefined
      : `start must be a real date as YYYY-MM or YYYY-MM-DD, got "${value}"`;
  }
  if (text === '') return `${field} may not be empty`;
  if (/[\n\r]/.test(text)) return `${field} must be one line`;
  const max = TEXT_LIMITS[field];
  if (text.length > max) return `${field} must be at most ${max} characters, got ${text.length}`;
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
