import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { statSync } from 'node:fs';
import path from 'node:path';
import { detectFormat } from '../artifacts/detect.ts';
import type { ArtifactFormat } from '../schemas/artifact-formats.ts';
import type { ChartProps } from '../schemas/components.ts';
import { artifactChartData } from './artifact-charts.ts';
import { loadArtifact } from '../artifacts/load.ts';
import { fileText } from '../artifacts/read-cache.ts';
import { afterPath, type ReadProblem } from '../files/read.ts';
import { buildChart, type BuiltChart, type ChartProblem } from './data.ts';
import { checkLocalFile } from '../files/paths.ts';
import { readDataTable } from '../artifacts/data-files.ts';
import { rowsToTable } from '../artifacts/data-table.ts';

export type ChartResult = { ok: true; chart: BuiltChart } | { ok: false; problems: ChartProblem[] };

/**
 * Which artifact format a chart's source is, or undefined for a plain data
 * table; or why the file cannot be read (over the size limit).
 */
function artifactFormatOf(
  absolute: string,
  props: ChartProps,
): ArtifactFormat | undefined | ReadProblem {
  if (props.format) return props.format;
  const stat = statSync(absolute);
  if (stat.isDirectory()) return 'mlflow-run';
  if (/\.json$/i.test(absolute)) return jsonSeriesFormat(absolute, stat.mtimeMs);
  // CSV formats show in the header line. The whole file is read, through the
  // cache its rows are then parsed from, so the file is opened once.
  const read = fileText(absolute, stat.mtimeMs);
  return read.ok ? detectFormat(read.text, path.basename(absolute)) : read;
}

/** JSON artifacts that log values over time, and so chart as artifacts. */
const JSON_SERIES_FORMATS: readonly ArtifactFormat[] = ['keras-log', 'hf-trainer-state'];

/**
 * The format of a JSON chart source that holds logged series (Keras
 * `history.history`, trainer_state.json); any other JSON is a table of rows,
 * and keeps the table's messages.
 */
function jsonSeriesFormat(
  absolute: string,
  mtimeMs: number,
): ArtifactFormat | undefined | ReadProblem {
  if (/trainer_state\.json$/i.test(absolute)) return 'hf-trainer-state';
  const read = fileText(absolute, mtimeMs);
  if (!read.ok) return read;
  const format = detectFormat(read.text, path.basename(absolute));
  return format !== undefined && JSON_SERIES_FORMATS.includes(format) ? format : undefined;
}

/**
 * Everything a `<Chart>` needs from its source: inline rows, a plain CSV or
 * JSON table, or an experiment artifact (Keras log, MLflow run, TensorBoard
 * or W&B export, trainer_state.json, ROC or PR curve), whose sensible default
 * x and y fill in what the intern left out.
 */
export function loadChart(
  props: ChartProps,
  mdxFile: string,
  contentDir: string,
  locale: Locale = DEFAULT_LOCALE,
): ChartResult {
  if (!props.src) {
    const read = rowsToTable(props.data);
    if (!read.ok) return { ok: false, problems: [{ prop: 'data', message: read.message }] };
    return buildChart(props, read.table, 'inline data', locale);
  }
  const problem = checkLocalFile(props.src, mdxFile, contentDir);
  if (problem) return { ok: false, problems: [{ prop: 'src', message: problem }] };
  const absolute = path.resolve(path.dirname(mdxFile), props.src);
  const format = artifactFormatOf(absolute, props);
  if (typeof format === 'object') {
    return { ok: false, problems: [{ prop: 'src', message: afterPath(props.src, format) }] };
  }
  if (format === undefined || format === 'json')
    return fromTable(props, mdxFile, contentDir, locale);
  const loaded = loadArtifact(props.src, mdxFile, contentDir, format);
  if (!loaded.ok) {
    // Detection is a guess from the header: a table that merely starts with an
    // `epoch` column is still a plain table. An explicit format is not a guess.
    if (props.format === undefined && format !== 'mlflow-run')
      return fromTable(props, mdxFile, contentDir, locale);
    return { ok: false, problems: [{ prop: 'src', message: loaded.message }] };
  }
  const data = artifactChartData(loaded.artifact, locale);
  if (!data.ok)
    return { ok: false, problems: [{ prop: 'src', message: `${props.src} ${data.message}` }] };
  const { table, x, y, extras, xLabel, yLabel } = data.data;
  const effective: ChartProps = {
    ...props,
    x: props.x ?? x,
    y: props.y ?? y,
    ...(props.xLabel === undefined && xLabel !== undefined ? { xLabel } : {}),
    ...(props.yLabel === undefined && yLabel !== undefined ? { yLabel } : {}),
  };
  const built = buildChart(effective, table, props.src, locale);
  if (!built.ok || extras.length === 0) return built;
  const config = { ...built.chart.config, series: [...built.chart.config.series, ...extras] };
  return { ok: true, chart: { ...built.chart, config } };
}

/** A chart of a plain CSV or JSON table. */
function fromTable(
  props: ChartProps,
  mdxFile: string,
  contentDir: string,
  locale: Locale,
): ChartResult {
  const src = props.src ?? '';
  const read = readDataTable(src, mdxFile, contentDir);
  if (!read.ok) return { ok: false, problems: [{ prop: 'src', message: read.message }] };
  return buildChart(props, read.table, src, locale);
}
