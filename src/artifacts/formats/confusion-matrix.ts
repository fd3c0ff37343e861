import { parseMatrix } from '../../charts/confusion.ts';
import { parseNumber } from '../data-table.ts';
import { describeValue } from '../../problems/describe-value.ts';
import type { ImportResult } from './types.ts';

/**
 * Reads a scikit-learn `confusion_matrix` (rows true classes, columns
 * predicted, sorted label order) through `parseMatrix` from
 * src/charts/confusion.ts: a JSON nested array, a JSON `{ "labels": [...],
 * "matrix": [[...]] }` object (other keys ignored; numeric labels such as
 * `[0, 1]` become "0", "1"), a headerless CSV (`np.savetxt`, spaces or
 * separators) or a pandas CSV with a header row of class names and a label
 * column (numeric class names too: `,0,1`). Checks that the labels number one
 * per class; CSV problems name the file line.
 */
export function parseConfusionMatrix(text: string, kind: 'json' | 'csv'): ImportResult {
  return kind === 'json' ? parseJsonMatrix(text) : parseCsvMatrix(text);
}

function parseJsonMatrix(text: string): ImportResult {
  const parsed = parseMatrix(text, 'json');
  if (!parsed.ok) return jsonProblem(text, parsed.message);
  const labels = jsonLabels(text);
  if (typeof labels === 'string') return { ok: false, message: labels };
  const size = parsed.matrix.length;
  if (labels && labels.length !== size) {
    return { ok: false, message: `"labels": ${labelsMessage(size, labels.length)}` };
  }
  return matrixArtifact(parsed.matrix, labels);
}

function parseCsvMatrix(text: string): ImportResult {
  const lines = nonBlankLines(text);
  const first = lines[0];
  // Same rule as parseMatrix: an empty or named corner cell means a pandas header.
  const corner = first ? (splitCells(first.text)[0] ?? '') : '';
  const hasHeader = first !== undefined && (corner === '' || parseNumber(corner) === undefined);
  const parsed = parseMatrix(text, 'csv');
  if (!parsed.ok) {
    const rows = lines.length - (hasHeader ? 1 : 0);
    if (parsed.message === TOO_SMALL) {
      const found = lines.length === 0 ? 'an empty file' : rowCount(rows);
      return { ok: false, message: `${parsed.message}, got ${found}` };
    }
    // parseMatrix numbers rows from 1 after the header, blank lines skipped.
    const row = /^row (\d+) /.exec(parsed.message)?.[1];
    const line = row === undefined ? undefined : lines[Number(row) - 1 + (hasHeader ? 1 : 0)]?.line;
    return line === undefined
      ? { ok: false, message: parsed.message }
      : { ok: false, line, message: parsed.message };
  }
  const size = parsed.matrix.length;
  if (first && parsed.labels && parsed.labels.length !== size) {
    return {
      ok: false,
      line: first.line,
      message: `${labelsMessage(size, parsed.labels.length)} in the header`,
    };
  }
  return matrixArtifact(parsed.matrix, parsed.labels);
}

function labelsMessage(size: number, count: number): string {
  return `expected ${size} class names, one per row of the ${size}-class matrix, got ${count}`;
}

function matrixArtifact(counts: number[][], labels: string[] | undefined): ImportResult {
  return {
    ok: true,
    artifact: { format: 'confusion-matrix', matrix: labels ? { counts, labels } : { counts } },
  };
}

/** The `labels` of a `{ labels, matrix }` object: strings or numbers, as text. */
function jsonLabels(text: string): string[] | undefined | string {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('labels' in data)) {
    return undefined;
  }
  const { labels } = data as { labels: unknown };
  if (
    !Array.isArray(labels) ||
    !labels.every((label) => typeof label === 'string' || typeof label === 'number')
  ) {
    const found = Array.isArray(labels) ? 'a list with other values' : describeValue(labels);
    return `"labels": expected a list of class names, got ${found}`;
  }
  return labels.map(String);
}

const TOO_SMALL = 'expected a square list of rows of counts, at least 2 x 2';

function jsonProblem(text: string, message: string): ImportResult {
  if (message.startsWith('not valid JSON')) {
    const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
    return line === undefined ? { ok: false, message } : { ok: false, line: Number(line), message };
  }
  const data: unknown = JSON.parse(text);
  if (message !== TOO_SMALL) {
    const inObject = typeof data === 'object' && data !== null && !Array.isArray(data);
    return { ok: false, message: inObject ? `"matrix": ${message}` : message };
  }
  if (Array.isArray(data)) {
    return { ok: false, message: `${message}, got ${rowCount(data.length)}` };
  }
  if (typeof data === 'object' && data !== null) {
    if (!('matrix' in data)) {
      const keys = Object.keys(data).map((key) => JSON.stringify(key));
      return {
        ok: false,
        message: `expected a nested list of counts or an object with a "matrix" key, got an object with ${keys.length === 0 ? 'no keys' : `keys ${keys.join(', ')}`}`,
      };
    }
    const { matrix } = data as { matrix: unknown };
    const found = Array.isArray(matrix) ? rowCount(matrix.length) : describeValue(matrix);
    return { ok: false, message: `"matrix": ${message}, got ${found}` };
  }
  return { ok: false, message: `${message}, got ${describeValue(data)}` };
}

function splitCells(line: string): string[] {
  return line
    .trim()
    .split(/[,;\t]/.test(line) ? /[,;\t]/ : /\s+/)
    .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

function nonBlankLines(text: string): { line: number; text: string }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((content, index) => ({ line: index + 1, text: content }))
    .filter(({ text: content }) => content.trim() !== '');
}

const rowCount = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;
