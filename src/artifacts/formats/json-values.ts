import { parsePythonJson } from '../../files/python-json.ts';
import type { ImportResult } from './types.ts';

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
