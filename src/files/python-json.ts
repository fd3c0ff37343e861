import { jsonSyntaxError } from './json-syntax.ts';
import { TOO_DEEP, tooDeepLine } from './size-limit.ts';

/**
 * JSON as Python writes it. `json.dumps` (and so nbformat, Keras, Hugging
 * Face) writes float NaN and infinities as bare `NaN`, `Infinity` and
 * `-Infinity`, which `JSON.parse` rejects: one diverged loss would make a
 * whole file unreadable. Every JSON reader of content files (artifacts,
 * notebooks) reads them as `null`, a missing value.
 */

/** Outside a string: the start of a string, or one of Python's bare non-finite numbers. */
const NEXT_TOKEN = /"|(?<![\w$.])(?:-?Infinity|NaN)(?![\w$])/g;

/**
 * `text` with Python's bare `NaN`, `Infinity` and `-Infinity` replaced by
 * `null` outside string literals (a string such as "NaN loss" is left
 * alone). Line breaks are untouched, so JSON.parse error lines still match
 * the file. Strings are skipped by searching for their end, not by a
 * regular expression: one over a 20 MB image or a log of a million lines
 * would overflow the regular-expression engine's stack.
 */
export function replacePythonNonFinite(text: string): string {
  if (!/NaN|Infinity/.test(text)) return text;
  const parts: string[] = [];
  let copied = 0;
  const next = new RegExp(NEXT_TOKEN);
  for (let match = next.exec(text); match; match = next.exec(text)) {
    if (match[0] === '"') {
      next.lastIndex = stringEnd(text, match.index);
      continue;
    }
    parts.push(text.slice(copied, match.index), 'null');
    copied = match.index + match[0].length;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Just after the string literal that opens at `open`: its closing quote, or the end of an unclosed one. */
function stringEnd(text: string, open: number): number {
  let from = open + 1;
  let quote = text.indexOf('"', from);
  let backslash = text.indexOf('\\', from);
  // Each backslash before the next quote escapes the character after it.
  while (quote !== -1 && backslash !== -1 && backslash < quote) {
    from = backslash + 2;
    if (quote < from) quote = text.indexOf('"', from);
    backslash = text.indexOf('\\', from);
  }
  return quote === -1 ? text.length : quote + 1;
}

/**
 * JSON as Python writes it, parsed: bare NaN and infinities read as null. A
 * syntax error comes back with its line and the parser's reason; a file
 * nested too deeply (`tooDeepLine`) with its line and `TOO_DEEP`, before
 * anything is parsed.
 */
export function parsePythonJson(
  text: string,
): { ok: true; data: unknown } | { ok: false; line: number; reason: string; tooDeep?: true } {
  const deep = tooDeepLine(text);
  if (deep !== undefined) return { ok: false, line: deep, reason: TOO_DEEP, tooDeep: true };
  const source = replacePythonNonFinite(text.replace(/^\uFEFF/, ''));
  try {
    return { ok: true, data: JSON.parse(source) };
  } catch (error) {
    return { ok: false, ...jsonSyntaxError((error as Error).message, source) };
  }
}
