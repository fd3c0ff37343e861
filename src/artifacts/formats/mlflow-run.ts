import { LineCounter, parseDocument } from 'yaml';
import { parseNumber } from '../data-table.ts';
import { MAX_CSV_ROWS, TOO_DEEP, tooDeepLine } from '../../files/size-limit.ts';
import type { ImportResult, RunInfo, Series, SeriesPoint } from './types.ts';

/** MLflow's RunStatus enum, as the file store writes it in a run's meta.yaml. */
const MLFLOW_RUN_STATUSES: Readonly<Record<string, string>> = {
  '1': 'RUNNING',
  '2': 'SCHEDULED',
  '3': 'FINISHED',
  '4': 'FAILED',
  '5': 'KILLED',
};

const RUN_FOLDER_HELP =
  'an MLflow run folder (mlruns/<experiment_id>/<run_id>/) holding meta.yaml, metrics/, params/ and tags/';

/** `./metrics\\val\\loss` -> `metrics/val/loss`. */
function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** True when `paths` (relative to a folder) hold a `meta.yaml` and a `metrics` entry. */
export function isMlflowRunFolder(paths: Iterable<string>): boolean {
  let meta = false;
  let metrics = false;
  for (const raw of paths) {
    const path = normalizePath(raw);
    if (path === 'meta.yaml') meta = true;
    if (path === 'metrics' || path.startsWith('metrics/')) metrics = true;
  }
  return meta && metrics;
}

/** The 1-based line of a top-level `key:` in a YAML file, if written there. */
function keyLine(text: string, key: string): number | undefined {
  const index = text.search(new RegExp(`^${key}\\s*:`, 'm'));
  return index === -1 ? undefined : text.slice(0, index).split('\n').length;
}

/** A logged value: a number, or null for nan, inf and -inf. */
function metricValue(text: string): number | null | undefined {
  if (/^[+-]?nan$/i.test(text)) return null;
  const value = parseNumber(text);
  if (value === undefined) return undefined;
  return Number.isFinite(value) ? value : null;
}

type MetricResult =
  { ok: true; points: SeriesPoint[] } | { ok: false; line: number; message: string };

/** One `metrics/<key>` file: `<epoch_ms> <value> <step>` lines, or old `<epoch_ms> <value>` (step 0). */
function parseMetricFile(text: string): MetricResult {
  const points: SeriesPoint[] = [];
  for (const [index, rawLine] of text.split('\n').entries()) {
    const line = rawLine.trim();
    if (line === '') continue;
    const fields = line.split(/\s+/);
    const [timestamp = '', valueText = '', stepText = '0'] = fields;
    const value = metricValue(valueText);
    if (
      fields.length < 2 ||
      fields.length > 3 ||
      !/^\d+$/.test(timestamp) ||
      value === undefined ||
      !/^[+-]?\d+$/.test(stepText)
    ) {
      return {
        ok: false,
        line: index + 1,
        message: `expected "<timestamp> <value> <step>", got "${line}"`,
      };
    }
    if (points.length === MAX_CSV_ROWS) {
      return {
        ok: false,
        line: index + 1,
        message: `expected at most ${MAX_CSV_ROWS.toLocaleString('en-US')} logged values (the row limit for data files), got more; downsample the file (for example every 10th line)`,
      };
    }
    points.push({ step: Number(stepText), value });
  }
  return { ok: true, points };
}

/** Files under `prefix/` (params/, tags/) keyed by the rest of the path, one trailing line end removed. */
function rawValues(files: ReadonlyMap<string, string>, prefix: string): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [path, text] of files) {
    if (path.startsWith(prefix) && path.length > prefix.length) {
      entries.push([path.slice(prefix.length), text.replace(/\r?\n$/, '')]);
    }
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** Folders inside `files` that look like run folders, for the "point at a run" hint. */
function nestedRuns(files: ReadonlyMap<string, string>): string[] {
  const runs = new Set<string>();
  for (const path of files.keys()) {
    const match = /^(.+)\/metrics\/./.exec(path);
    if (match?.[1] !== undefined && files.has(`${match[1]}/meta.yaml`)) runs.add(match[1]);
  }
  return [...runs].sort();
}

/** The top-level names in `files` (`meta.yaml`, `metrics/`), for "found ..." messages. */
function topLevel(files: ReadonlyMap<string, string>): string {
  const names = new Set<string>();
  for (const path of files.keys()) {
    const [first = '', ...rest] = path.split('/');
    names.add(rest.length > 0 ? `${first}/` : first);
  }
  return names.size === 0
    ? 'the folder is empty'
    : `the folder has: ${[...names].sort().join(', ')}`;
}

/**
 * Reads one MLflow file-store run folder, given as a map from paths relative
 * to the run folder (`meta.yaml`, `metrics/val_auc`, `params/C`,
 * `tags/mlflow.runName`) to file text. Handles: metric keys with `/` stored as
 * subfolders (`metrics/val/loss` -> series `val/loss`); old two-field metric
 * lines (`<epoch_ms> <value>`, step 0); `nan`, `inf` and `-inf` values (null
 * points); params and tags without a trailing newline; a meta.yaml read with
 * every scalar as text, so large or quoted ids (`'873451918523740582'`) stay
 * exact; `status` as an integer (3 -> FINISHED). Returns `series` (sorted by
 * key, points in file order), `stepName: 'step'`, `values` = each metric's last
 * logged value keyed by metric key (`values['val/loss']`), `params`, and `run`
 * (name from the `mlflow.runName` tag or meta.yaml `run_name`, commit from
 * `mlflow.source.git.commit`, status word, run id). `artifacts/` is ignored.
 */
export function parseMlflowRun(files: ReadonlyMap<string, string>): ImportResult {
  const normalized = new Map<string, string>();
  for (const [path, text] of files) normalized.set(normalizePath(path), text);

  if (!isMlflowRunFolder(normalized.keys())) {
    const missing = normalized.has('meta.yaml') ? 'no metrics/ files' : 'no meta.yaml';
    const runs = nestedRuns(normalized);
    const hint =
      runs.length > 0
        ? `; this looks like an experiment or mlruns folder, point at a run folder such as ${runs.slice(0, 3).join(', ')}`
        : '';
    return {
      ok: false,
      message: `expected ${RUN_FOLDER_HELP}; found ${missing} (${topLevel(normalized)})${hint}`,
    };
  }

  const metaText = normalized.get('meta.yaml') ?? '';
  // meta.yaml is flat `key: value` lines; nested flow lists thousands deep
  // would only overflow the YAML reader's stack.
  const deep = tooDeepLine(metaText);
  if (deep !== undefined)
    return { ok: false, file: 'meta.yaml', line: deep, message: `the file ${TOO_DEEP}` };
  const lineCounter = new LineCounter();
  const document = parseDocument(metaText, {
    schema: 'failsafe',
    prettyErrors: false,
    lineCounter,
  });
  const yamlError = document.errors[0];
  if (yamlError !== undefined) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    return {
      ok: false,
      file: 'meta.yaml',
      line,
      message: `expected YAML "key: value" lines (run_id, run_name, status, ...), found an error: ${yamlError.message.split('\n')[0] ?? ''}`,
    };
  }
  let meta: unknown;
  try {
    meta = document.toJS({ maxAliasCount: 100 });
  } catch {
    // An alias to no anchor (`*name`), or too many to expand.
    return {
      ok: false,
      file: 'meta.yaml',
      message:
        'expected YAML "key: value" lines (run_id, run_name, status, ...), found an alias (*name) that cannot be expanded',
    };
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    return {
      ok: false,
      file: 'meta.yaml',
      message: `expected YAML "key: value" lines (run_id, run_name, status, ...), found ${meta === null || meta === undefined ? 'an empty file' : 'a single value or a list'}`,
    };
  }
  const metaField = (key: string): string | undefined => {
    const value = (meta as Record<string, unknown>)[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };

  const statusText = metaField('status');
  let status: string | undefined;
  if (statusText !== undefined) {
    const upper = statusText.toUpperCase();
    status =
      MLFLOW_RUN_STATUSES[statusText] ??
      (Object.values(MLFLOW_RUN_STATUSES).includes(upper) ? upper : undefined);
    if (status === undefined) {
      const line = keyLine(metaText, 'status');
      return {
        ok: false,
        file: 'meta.yaml',
        ...(line === undefined ? {} : { line }),
        message: `status: expected 1 (RUNNING), 2 (SCHEDULED), 3 (FINISHED), 4 (FAILED) or 5 (KILLED), got "${statusText}"`,
      };
    }
  }

  const metricPaths = [...normalized.keys()]
    .filter((path) => path.startsWith('metrics/') && path.length > 'metrics/'.length)
    .sort();
  const series: Series[] = [];
  const values: Record<string, unknown> = {};
  for (const path of metricPaths) {
    const parsed = parseMetricFile(normalized.get(path) ?? '');
    if (!parsed.ok) return { ok: false, file: path, line: parsed.line, message: parsed.message };
    const name = path.slice('metrics/'.length);
    series.push({ name, points: parsed.points });
    const last = parsed.points.at(-1);
    if (last !== undefined) values[name] = last.value;
  }

  const tags = rawValues(normalized, 'tags/');
  const run: RunInfo = {};
  const name = tags['mlflow.runName'] ?? metaField('run_name');
  if (name !== undefined && name !== '') run.name = name;
  const commit = tags['mlflow.source.git.commit'];
  if (commit !== undefined && commit !== '') run.commit = commit;
  if (status !== undefined) run.status = status;
  const id = metaField('run_id') ?? metaField('run_uuid');
  if (id !== undefined) run.id = id;

  return {
    ok: true,
    artifact: {
      format: 'mlflow-run',
      series,
      stepName: 'step',
      values,
      params: rawValues(normalized, 'params/'),
      run,
    },
  };
}
