import { parseClassificationReport } from './formats/sklearn-report.ts';
import { hasReportTable } from './formats/classification-report-text.ts';
import { isReportEntry } from './formats/report-entries.ts';
import { matrixCsvLines, parseConfusionMatrix } from './formats/confusion-matrix.ts';
import { parsePrCurve, parseRocCurve } from './formats/curves.ts';
import { parseTrainerState } from './formats/hf-trainer-state.ts';
import { parsePythonJson } from '../files/python-json.ts';
import { parseJsonValues } from './formats/json-values.ts';
import { isKerasHistory, parseKerasHistory } from './formats/keras-history.ts';
import { parseKerasLog } from './formats/keras-log.ts';
import { parseTensorBoardCsv } from './formats/tensorboard-csv.ts';
import { parseWandbHistory, parseWandbPanel } from './formats/wandb.ts';
import type { ArtifactFormat } from '../schemas/artifact-formats.ts';
import type { ImportResult } from './formats/types.ts';

/** The formats one file can be in (MLflow runs are folders, read elsewhere). */
export type FileFormat = Exclude<ArtifactFormat, 'mlflow-run'>;

/** Parses a file in a known format. */
export function parseAs(format: FileFormat, text: string, fileName: string): ImportResult {
  switch (format) {
    case 'sklearn-report':
      return parseClassificationReport(text);
    case 'confusion-matrix':
      return parseConfusionMatrix(text, /\.json$/i.test(fileName) ? 'json' : 'csv');
    case 'roc-curve':
      return parseRocCurve(text);
    case 'pr-curve':
      return parsePrCurve(text);
    case 'keras-log':
      // One name for both files Keras training leaves: the CSVLogger log and json.dump(history.history).
      return startsAsJson(text) ? parseKerasHistory(text) : parseKerasLog(text);
    case 'tensorboard-csv':
      return parseTensorBoardCsv(text, fileName);
    case 'hf-trainer-state':
      return parseTrainerState(text);
    case 'wandb-history':
      return parseWandbHistory(text);
    case 'wandb-panel':
      return parseWandbPanel(text);
    case 'json':
      return parseJsonValues(text);
  }
}

/** Whether a file opens like JSON (an object or a list), whatever its name. */
export function startsAsJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}

/** The first line's cells, lower-cased, split on the separator the line uses. */
function headerCells(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const separator = first.includes('\t')
    ? '\t'
    : first.includes(';') && !first.includes(',')
      ? ';'
      : ',';
  return first.split(separator).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase(),
  );
}

/**
 * Recognises a file by its content (its name only breaks ties), so interns
 * never have to say what they are pointing at. Undefined means "a plain data
 * table", which charts read but metrics cannot.
 */
export function detectFormat(text: string, fileName: string): FileFormat | undefined {
  if (startsAsJson(text)) {
    const parsed = parsePythonJson(text);
    if (!parsed.ok) return /\.json$/i.test(fileName) ? 'json' : undefined;
    const data = parsed.data;
    if (Array.isArray(data)) {
      return data.every((row) => Array.isArray(row)) ? 'confusion-matrix' : undefined;
    }
    if (typeof data === 'object' && data !== null) {
      if ('log_history' in data) return 'hf-trainer-state';
      if ('matrix' in data) return 'confusion-matrix';
      if (Object.values(data).some(isReportEntry)) return 'sklearn-report';
      if (isKerasHistory(data)) return 'keras-log';
      return 'json';
    }
    return undefined;
  }
  if (hasReportTable(text)) return 'sklearn-report';
  const header = headerCells(text);
  const has = (...names: string[]) => names.every((name) => header.includes(name));
  if (has('wall time', 'step', 'value')) return 'tensorboard-csv';
  // W&B's run.history().to_csv(): an unnamed index column ("" or pandas' "Unnamed: 0"),
  // or no index at all with index=False.
  if (
    has('_step') &&
    (header[0] === '' || header[0]?.startsWith('unnamed') || header[0] === '_step')
  ) {
    return 'wandb-history';
  }
  if (header[0] === 'step' && header.slice(1).some((cell) => cell.includes(' - ')))
    return 'wandb-panel';
  if (header[0] === 'epoch') return 'keras-log';
  if (has('fpr', 'tpr')) return 'roc-curve';
  if (has('precision', 'recall')) return 'pr-curve';
  if (looksLikeConfusionCsv(text)) return 'confusion-matrix';
  return undefined;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * np.savetxt writes a square of bare numbers; pandas' to_csv writes a header
 * of class names over rows that each start with their class name. A data
 * table with a header of column names matches neither.
 */
function looksLikeConfusionCsv(text: string): boolean {
  const rows = matrixCsvLines(text).map(({ cells }) => cells);
  if (rows.length < 2) return false;
  const numeric = (cells: string[]) => cells.every((cell) => NUMBER.test(cell));
  if (rows.every(numeric)) return rows.every((row) => row.length === rows.length);
  // pandas: the header names the classes, and each row starts with its class,
  // in the same order (`,0,1` / `0,52,1` / `1,1,89` included).
  const [header, ...body] = rows;
  if (!header || body.length < 2 || header.length !== body.length + 1) return false;
  const classes = header.slice(1);
  return body.every(
    (row, index) =>
      row.length === header.length && row[0] === classes[index] && numeric(row.slice(1)),
  );
}
