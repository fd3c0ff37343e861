import { describeValue } from '../../problems/describe-value.ts';
import { parsePythonJson } from '../../files/python-json.ts';
import { jsonSyntaxProblem } from './json-values.ts';
import { kerasLogFromRows, type KerasLogRow } from './keras-log.ts';
import type { ImportResult } from './types.ts';

/** The shape `json.dump(history.history, f)` writes, as the messages name it. */
const SHAPE = 'a Keras history object ({"loss": [...], "val_loss": [...]}, one number per epoch)';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of per-epoch values: numbers, or null where Python wrote NaN or inf. */
function isEpochList(value: unknown): value is (number | null)[] {
  return Array.isArray(value) && value.every((item) => item === null || typeof item === 'number');
}

/**
 * Whether parsed JSON is a Keras `history.history`: an object whose every
 * value is a list of numbers, with a loss among them (Keras always logs
 * `loss`; a multi-output model adds `<output>_loss`). The loss is what keeps
 * a dict of ROC arrays (`{"fpr": [...], "tpr": [...]}`) from being read as
 * epochs.
 */
export function isKerasHistory(data: unknown): boolean {
  if (!isObject(data)) return false;
  const entries = Object.entries(data);
  return (
    entries.length > 0 &&
    entries.every(([, value]) => isEpochList(value)) &&
    entries.some(([name, value]) => /loss$/.test(name) && (value as unknown[]).length > 0)
  );
}

/**
 * Reads `json.dump(history.history, f)` (what `model.fit` returns): metric
 * name -> one value per epoch, in fit order, bare `NaN` read as a missing
 * value. The mapping is turned into the rows a Keras CSVLogger would have
 * written for the same run (an `epoch` column counted from 0, then one column
 * per metric; `NA` past the end of a list that stopped early), so both files
 * give the same series, epochs and keys. An `epoch` list, as a pandas export
 * may add, is used as written.
 */
export function parseKerasHistory(text: string): ImportResult {
  const parsed = parsePythonJson(text);
  if (!parsed.ok) return jsonSyntaxProblem(parsed);
  const data = parsed.data;
  if (!isObject(data)) {
    return { ok: false, message: `expected ${SHAPE}, got ${describeValue(data)}` };
  }
  const names = Object.keys(data);
  if (names.length === 0) return { ok: false, message: `expected ${SHAPE}, got an empty object` };
  for (const name of names) {
    const value = data[name];
    if (!Array.isArray(value)) {
      return {
        ok: false,
        message: `"${name}": expected a list with one number per epoch, got ${describeValue(value)}`,
      };
    }
    const index = value.findIndex((item) => item !== null && typeof item !== 'number');
    if (index !== -1) {
      return {
        ok: false,
        message: `"${name}" at epoch ${index}: expected a number or NaN, got ${describeValue(value[index])}`,
      };
    }
  }
  const lists = data as Record<string, (number | null)[]>;
  const epochs = Math.max(...names.map((name) => lists[name]?.length ?? 0));
  if (epochs === 0) {
    return { ok: false, message: 'expected one number per epoch, got only empty lists' };
  }
  const columns = names.includes('epoch') ? names : ['epoch', ...names];
  const cell = (value: number | null | undefined) =>
    value === null || value === undefined ? 'NA' : String(value);
  const rows: KerasLogRow[] = Array.from({ length: epochs }, (_, epoch) => ({
    cells: columns.map((name) =>
      name === 'epoch' && !names.includes('epoch') ? String(epoch) : cell(lists[name]?.[epoch]),
    ),
  }));
  return kerasLogFromRows(columns, rows);
}
