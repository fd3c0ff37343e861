import type { Artifact, Series } from './formats/types.ts';
import { distance } from 'fastest-levenshtein';

/**
 * Reading one number out of an artifact by the metric's `key`:
 *
 * - a dotted path into the file's values: `macro avg.f1-score`, `best_metric`,
 *   `metrics.roc_auc` (keys may contain spaces and hyphens; only dots split);
 * - a series name, meaning its last logged value: `val_loss`, `val/loss`;
 * - a series name with a selector:
 *   `val_auc@step=12` (the value logged at step 12; for Keras logs the step
 *   is the epoch, counted from 0 as CSVLogger's `epoch` column and the
 *   position in `history.history` lists count it), `val_auc@epoch=12` (the
 *   same, Keras logs only), `val_loss@best` (the best value, by the metric's
 *   goal), `val_loss@min`, `val_loss@max`, `val_loss@last`.
 */

export type Goal = 'higher' | 'lower';

export type LookupResult =
  | {
      ok: true;
      value: number;
      /** What was read, in words: "last of 30", "best at step 12". */ detail?: string;
    }
  | { ok: false; message: string };

const SELECTOR = /^(.*)@(best|min|max|last|(step|epoch)=(-?\d+(?:\.\d+)?))$/;

/** Every key a metric could use in this artifact, for "available keys" hints. */
export function availableKeys(artifact: Artifact): string[] {
  const keys: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'number') keys.push(prefix);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value))
        walk(child, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(artifact.values ?? {}, '');
  for (const series of artifact.series ?? [])
    if (!keys.includes(series.name)) keys.push(series.name);
  return keys;
}

/** Available keys, nearest to the one asked for first, as a short quoted list. */
export function suggestKeys(wanted: string, keys: readonly string[], limit = 8): string {
  const target = wanted.toLowerCase();
  // Keys under the one asked for (`macro avg` -> `macro avg.f1-score`) first, then by edit distance.
  const rank = (key: string) =>
    (key.toLowerCase().startsWith(target) ? 0 : 1000) + distance(target, key.toLowerCase());
  const sorted = [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const shown = sorted.slice(0, limit).map((key) => `"${key}"`);
  return `${shown.join(', ')}${keys.length > limit ? `, and ${keys.length - limit} more` : ''}`;
}

/**
 * The value a dotted key names in parsed JSON: `macro avg.f1-score`,
 * `fairness.by_group`; a key that holds dots itself wins whole. Undefined
 * when nothing is there.
 */
export function atPath(values: Record<string, unknown> | undefined, key: string): unknown {
  // A key may itself contain dots (MLflow allows `val.auc`): the whole key wins.
  if (values && Object.hasOwn(values, key)) return values[key];
  let current: unknown = values;
  for (const part of key.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    // Own keys only: `__proto__`, `constructor` or `toString` name nothing a file holds.
    if (!Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function finite(points: Series['points']): { step: number; value: number }[] {
  return points.flatMap((point) =>
    point.value !== null && Number.isFinite(point.value)
      ? [{ step: point.step, value: point.value }]
      : [],
  );
}

/**
 * Looks a metric's key up in an artifact; every failure says what exists
 * instead. `place` is what messages call the artifact: a notebook cell's
 * value is "the cell's output", not a file.
 */
export function lookupValue(
  artifact: Artifact,
  key: string,
  goal: Goal,
  place = 'the file',
): LookupResult {
  // A logged series of that exact name wins over a summary value (MLflow keeps
  // both), so the note can say which step the value is from.
  if (artifact.series?.some((series) => series.name === key))
    return fromSeries(artifact, key, goal, place);
  const direct = atPath(artifact.values, key);
  if (typeof direct === 'number') {
    return Number.isFinite(direct)
      ? { ok: true, value: direct }
      : { ok: false, message: `"${key}" is ${String(direct)}, not a usable number` };
  }
  if (direct !== undefined && direct !== null && typeof direct !== 'object') {
    return { ok: false, message: `"${key}" is ${JSON.stringify(direct)}, not a number` };
  }
  if (direct === null)
    return { ok: false, message: `"${key}" has no value in ${place} (NaN or null)` };

  return fromSeries(artifact, key, goal, place, direct);
}

/** A value from a logged series: its last value, or the one a selector asks for. */
function fromSeries(
  artifact: Artifact,
  key: string,
  goal: Goal,
  place: string,
  direct?: unknown,
): LookupResult {
  const selector = SELECTOR.exec(key);
  const name = selector ? (selector[1] ?? '') : key;
  const series = artifact.series?.find((candidate) => candidate.name === name);
  if (!series && selector && typeof atPath(artifact.values, name) === 'number') {
    return {
      ok: false,
      message: `"${name}" is a single value, not a logged series, so @${selector[2]} does not apply; write key: ${name}`,
    };
  }
  if (!series) {
    const keys = availableKeys(artifact);
    // An empty "available keys: " helps no one: say what the file lacks instead.
    const hint =
      keys.length > 0
        ? `available keys: ${suggestKeys(name, keys)}`
        : `${place} holds no single number a key can name`;
    const group = atPath(artifact.values, name);
    if (Array.isArray(group)) {
      // A list of numbers that Keras-history detection passed over (no loss beside it).
      const count = `${group.length} ${group.length === 1 ? 'value' : 'values'}`;
      return {
        ok: false,
        message: `"${name}" is a list of ${count}, not one number; if it holds one value per epoch, set format: keras-log to read the file as a Keras history (key: ${name}@best, @last or @epoch=N)`,
      };
    }
    if (typeof group === 'object' && group !== null) {
      return { ok: false, message: `"${name}" is a group of values, not one number; ${hint}` };
    }
    const what =
      typeof direct === 'object' && direct !== null
        ? `"${key}" is a group of values, not one number; `
        : `no "${name}" in ${place}; `;
    return { ok: false, message: `${what}${hint}` };
  }
  const points = finite(series.points);
  if (points.length === 0)
    return { ok: false, message: `"${name}" has no numeric values (all NaN or missing)` };
  const mode = selector?.[2] ?? 'last';
  // Keras logs count epochs; every other format counts optimizer steps.
  const unit = artifact.stepName === 'epoch' ? 'epoch' : 'step';
  if (selector?.[3] !== undefined) {
    const step = Number(selector[4]);
    if (selector[3] === 'epoch' && unit !== 'epoch') {
      return {
        ok: false,
        message: `"${name}" is logged by step, not by epoch, so @epoch=${step} does not apply; write key: ${name}@step=${step}`,
      };
    }
    const found = points.filter((point) => point.step === step).at(-1);
    if (!found) {
      const steps = points.map((point) => point.step);
      return {
        ok: false,
        message: `"${name}" has no value at ${unit} ${step} (logged ${unit}s ${steps[0]} to ${steps.at(-1)})`,
      };
    }
    return { ok: true, value: found.value, detail: `at ${unit} ${step}` };
  }
  if (mode === 'last') {
    const last = points.at(-1)!;
    return { ok: true, value: last.value, detail: `last value, ${unit} ${last.step}` };
  }
  const pickLowest = mode === 'min' || (mode === 'best' && goal === 'lower');
  const best = points.reduce((a, b) =>
    pickLowest ? (b.value < a.value ? b : a) : b.value > a.value ? b : a,
  );
  const word = mode === 'best' ? 'best' : mode === 'min' ? 'lowest' : 'highest';
  return { ok: true, value: best.value, detail: `${word} value, at ${unit} ${best.step}` };
}

/**
 * A value as a page shows it: four significant digits, so a report's
 * 0.981117230527144 reads 0.9811 and the delta against a baseline is
 * computed on the number the reader sees.
 */
export function roundForDisplay(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Math.abs(value) >= 10_000 ? Math.round(value) : Number(value.toPrecision(4));
}
