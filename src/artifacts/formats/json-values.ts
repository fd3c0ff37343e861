import { TOO_DEEP, tooDeepLine } from '../../files/size-limit.ts';
import type { ImportResult } from './types.ts';

/**
 * Python's `json.dumps` writes float NaN and infinities as bare `NaN`,
 * `Infinity` and `-Infinity`, which `JSON.parse` rejects. Replaces them with
 * `null` outside string literals (a string such as "NaN loss" is left alone).
 * Line breaks are untouched, so JSON.parse error lines still match the file.
 */
export function replacePythonNonFinite(text: string): string {
  if (!/NaN|Infinity/.test(text)) return text;
  return text.replace(/"(?:[^"\\]|\\.)*"|(?<![\w$.])(?:-?Infinity|NaN)(?![\w$])/g, (token) =>
    token.startsWith('"') ? token : 'null',
  );
}

/**
 * V8 reports an unexpected token with the text around it instead of a
 * position: `Unexpected token ']', ..."0.5,\n 0.4,]}" is not valid JSON`. The
 * excerpt is the file's content (it may hold a line break or a secret), so
 * messages drop it; it still tells where the token is, 10 characters into the
 * excerpt when the excerpt starts mid-file.
 */
const EXCERPT = /, (\.\.\.)?"(.*)"(\.\.\.)? is not valid JSON$/s;
const EXCERPT_CONTEXT = 10;

/** The 0-based offset of a JSON.parse error, when the message tells it. */
function errorOffset(message: string, text: string): number | undefined {
  const position = /\bposition (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  const excerpt = EXCERPT.exec(message);
  if (!excerpt) return undefined;
  const [, cutBefore, shown = '', cutAfter] = excerpt;
  if (cutBefore) {
    const start = text.indexOf(shown);
    return start === -1 ? undefined : start + EXCERPT_CONTEXT;
  }
  return cutAfter ? shown.length - EXCERPT_CONTEXT : undefined;
}

/** The 1-based line of a JSON.parse error (the last line when the parser does not say). */
function errorLine(message: string, text: string): number {
  const line = /\bline (\d+)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const offset = errorOffset(message, text) ?? text.length;
  return text.slice(0, offset).split('\n').length;
}

/**
 * JSON as Python writes it: bare NaN and infinities read as null (a missing
 * value), so one diverged loss does not make the whole file unreadable. A
 * syntax error comes back with its line and the parser's reason; a file
 * nested too deeply (`tooDeepLine`) with its line and `tooDeep`.
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
    const raw = (error as Error).message;
    const reason = raw
      .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
      .replace(EXCERPT, '')
      .replace(/^JSON\.parse: /, '');
    return { ok: false, line: errorLine(raw, source), reason };
  }
}

/**
 * A JSON file that does not parse as an importer reports it: the line and
 * the parser's reason after what was `expected`; or, nested too deeply, the
 * line and the limit.
 */
export function jsonSyntaxProblem(
  parsed: { line: number; reason: string; tooDeep?: true },
  expected = 'valid JSON',
): ImportResult {
  return {
    ok: false,
    line: parsed.line,
    message: parsed.tooDeep
      ? `the file ${parsed.reason}`
      : `expected ${expected}, found an error: ${parsed.reason}`,
  };
}

/** Any JSON object (a `summary.json`, a metrics dump): its values, found by dotted keys. */
export function parseJsonValues(text: string): ImportResult {
  const parsed = parsePythonJson(text);
  if (!parsed.ok) return jsonSyntaxProblem(parsed);
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    return {
      ok: false,
      message: 'expected a JSON object of named values, got a list or a single value',
    };
  }
  return { ok: true, artifact: { format: 'json', values: parsed.data as Record<string, unknown> } };
}
