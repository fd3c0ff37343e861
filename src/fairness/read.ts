import path from 'node:path';
import { startsAsJson } from '../artifacts/detect.ts';
import { jsonSyntaxProblem } from '../artifacts/formats/json-values.ts';
import { atPath } from '../artifacts/lookup.ts';
import { parsedFile } from '../artifacts/read-cache.ts';
import { checkLocalFile } from '../files/paths.ts';
import { parsePythonJson } from '../files/python-json.ts';
import { afterPath } from '../files/read.ts';
import { describeValue } from '../problems/describe-value.ts';
import type { FairnessData } from '../schemas/responsible.ts';
import {
  groupTableFromCsv,
  groupTableFromJson,
  type GroupTable,
  type GroupTableResult,
} from './by-group.ts';

/** Why a fairness file gave no table, and which of `responsible.fairness`'s fields to fix. */
export interface FairnessReadProblem {
  ok: false;
  field: 'from' | 'key' | 'format';
  message: string;
}

export type FairnessRead = { ok: true; table: GroupTable } | FairnessReadProblem;

/** The file as read once: CSV as its table, JSON as its values (NaN read as null). */
type ParsedFairnessFile =
  | { kind: 'csv'; result: GroupTableResult }
  | { kind: 'json'; result: ReturnType<typeof parsePythonJson> };

function parseFairnessFile(text: string, forceJson: boolean): ParsedFairnessFile {
  return forceJson || startsAsJson(text)
    ? { kind: 'json', result: parsePythonJson(text) }
    : { kind: 'csv', result: groupTableFromCsv(text) };
}

/** The metric columns the frontmatter names, for reading JSON keyed both ways round. */
function metricColumns(fairness: FairnessData): string[] {
  return fairness.metrics.map((metric) => (typeof metric === 'string' ? metric : metric.name));
}

/**
 * The fairness file `responsible.fairness.from` names, as a table of groups:
 * after the same path checks as every content path, within the data-file
 * size limit, read once per modification time through the read cache
 * (artifacts/read-cache.ts) however many times it is named. CSV or JSON,
 * told from the content (`format: json` forces JSON); `key` finds the table
 * inside a JSON file. Messages start with the path as written, as other
 * artifacts' do.
 */
export function readFairnessFile(
  fairness: FairnessData,
  mdxFile: string,
  contentDir: string,
): FairnessRead {
  const written = fairness.from;
  if (fairness.format !== undefined && fairness.format !== 'json') {
    return {
      ok: false,
      field: 'format',
      message: `"${fairness.format}" does not apply to a fairness file, which is read as CSV or JSON (fairlearn's MetricFrame.by_group); write format: json, or remove format`,
    };
  }
  const problem = checkLocalFile(written, mdxFile, contentDir);
  if (problem) return { ok: false, field: 'from', message: problem };
  const absolute = path.resolve(path.dirname(mdxFile), written);
  const forceJson = fairness.format === 'json';
  // The cache holds the parse, not the message: each message quotes the path as its case study writes it.
  const parsed = parsedFile(absolute, forceJson ? 'fairness:json' : 'fairness', (text) =>
    parseFairnessFile(text, forceJson),
  );
  if ('followsPath' in parsed)
    return { ok: false, field: 'from', message: afterPath(written, parsed) };
  if (parsed.kind === 'csv') {
    if (fairness.key !== undefined) {
      return {
        ok: false,
        field: 'key',
        message: `${written} is a CSV file, and key finds a table inside a JSON file; remove key`,
      };
    }
    return parsed.result.ok
      ? parsed.result
      : { ok: false, field: 'from', message: afterPath(written, parsed.result) };
  }
  const json = parsed.result;
  if (!json.ok) {
    // Worded as every artifact's: `./by_group.json (line 3): expected valid JSON, ...`.
    const syntax = jsonSyntaxProblem(json);
    return {
      ok: false,
      field: 'from',
      message: `${written} (line ${json.line}): ${syntax.ok ? '' : syntax.message}`,
    };
  }
  let data = json.data;
  if (fairness.key !== undefined) {
    const record =
      typeof data === 'object' && data !== null && !Array.isArray(data)
        ? (data as Record<string, unknown>)
        : undefined;
    data = atPath(record, fairness.key);
    if (data === undefined) {
      const keys = Object.keys(record ?? {});
      const there =
        keys.length === 0
          ? 'the file holds no named values'
          : `keys at the top: ${keys
              .slice(0, 8)
              .map((key) => describeValue(key))
              .join(', ')}${keys.length > 8 ? `, and ${keys.length - 8} more` : ''}`;
      return {
        ok: false,
        field: 'key',
        message: `${written}: no ${describeValue(fairness.key)} in the file; ${there}`,
      };
    }
  }
  const table = groupTableFromJson(data, metricColumns(fairness));
  if (table.ok) return table;
  const at = fairness.key === undefined ? '' : ` (at ${describeValue(fairness.key)})`;
  return {
    ok: false,
    field: fairness.key === undefined ? 'from' : 'key',
    message: `${written}${at}: ${table.message}`,
  };
}
