import { jsonSyntaxError } from '../../files/json-syntax.ts';
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
    return { ok: false, ...jsonSyntaxError((error as Error).message, source) };
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
