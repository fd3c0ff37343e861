import { parsePythonJson } from '../../files/python-json.ts';
import { jsonSyntaxProblem } from './json-values.ts';
import type { ImportResult, Series } from './types.ts';

/** Keys of a `log_history` entry that say where it was logged, not what. */
const POSITION_KEYS = new Set(['epoch', 'step']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Reads a Hugging Face `trainer_state.json`. Bare `NaN`, `Infinity` and
 * `-Infinity` (Python's JSON) are read as missing values (null) outside
 * strings, without failing the file. `artifact.values` is the top level
 * without `log_history` (`best_metric`, `global_step`, `best_model_checkpoint`).
 * `artifact.series` has one Series per numeric key of the `log_history`
 * entries, in first-seen order, each point at its entry's `step`: training
 * entries (`loss`, `learning_rate`, `grad_norm`), evaluation entries
 * (`eval_loss`, `eval_accuracy`, ...) and the final summary (`train_loss`,
 * `train_runtime`, ...). The `epoch` and `step` keys are not series; keys whose
 * value is text or a nested object are skipped. Malformed JSON reports its line.
 */
export function parseTrainerState(text: string): ImportResult {
  if (text.trim() === '') {
    return {
      ok: false,
      line: 1,
      message: 'expected a trainer_state.json object with "log_history", found an empty file',
    };
  }
  const parsed = parsePythonJson(text);
  if (!parsed.ok) {
    return jsonSyntaxProblem(parsed, 'valid JSON (trainer_state.json as the Trainer writes it)');
  }
  const data = parsed.data;
  if (!isObject(data)) {
    return {
      ok: false,
      message: `expected a trainer_state.json object with "log_history", found ${describe(data)}`,
    };
  }
  const { log_history: history, ...values } = data;
  if (!Array.isArray(history)) {
    return {
      ok: false,
      message:
        history === undefined
          ? `expected a "log_history" list (a Hugging Face trainer_state.json), found the keys ${Object.keys(data).join(', ') || '(none)'}`
          : `expected "log_history" to be a list, found ${describe(history)}`,
    };
  }

  const byName = new Map<string, Series>();
  for (const [index, entry] of history.entries()) {
    if (!isObject(entry)) {
      return {
        ok: false,
        message: `log_history[${index}]: expected an object such as { "loss": 0.48, "step": 250 }, found ${describe(entry)}`,
      };
    }
    const step = entry['step'];
    if (typeof step !== 'number') {
      return {
        ok: false,
        message: `log_history[${index}]: expected a number "step", found ${step === undefined ? 'no step' : describe(step)}`,
      };
    }
    for (const [name, value] of Object.entries(entry)) {
      if (POSITION_KEYS.has(name) || (value !== null && typeof value !== 'number')) continue;
      let series = byName.get(name);
      if (series === undefined) {
        series = { name, points: [] };
        byName.set(name, series);
      }
      series.points.push({ step, value });
    }
  }
  return {
    ok: true,
    artifact: {
      format: 'hf-trainer-state',
      values,
      series: [...byName.values()],
      stepName: 'step',
    },
  };
}
