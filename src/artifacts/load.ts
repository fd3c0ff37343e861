import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { detectFormat, parseAs, startsAsJson, type FileFormat } from './detect.ts';
import { parseMlflowRun, isMlflowRunFolder } from './formats/mlflow-run.ts';
import { parsePythonJson } from '../files/python-json.ts';
import { jsonSyntaxProblem } from './formats/json-values.ts';
import { ARTIFACT_FORMATS, type ArtifactFormat } from '../schemas/artifact-formats.ts';
import type { ImportResult } from './formats/types.ts';
import { checkLocalFile } from '../files/paths.ts';
import { afterPath } from '../files/read.ts';
import {
  findMlflowRun,
  listRunFolder,
  readRunFiles,
  type RunFile,
  type RunFolderProblem,
} from './run-folder.ts';
import { parsedFile } from './read-cache.ts';

/** An artifact read from disk, or why it could not be. */
export type LoadedArtifact = ImportResult & {
  /** The file or folder name, for provenance notes: `classification_report.json`. */
  fileName?: string;
};

/**
 * Run folders as parsed, per absolute path, under a stamp of every file in
 * them; single files are cached by read-cache.ts, as every file content
 * names. A changed folder (a save in `astro dev`) is read again.
 */
const runFolders = new Map<string, { stamp: string; result: ImportResult }>();

/**
 * Reads the artifact a metric or chart names (`from: ./report.json`), with
 * the same path rules as every content path, the data-file size limit (and
 * a run folder's limits), and the format detected from the content unless
 * `format` says otherwise. Parsed artifacts are cached per path and
 * modification time. Messages start with the path as the intern wrote it.
 */
export function loadArtifact(
  written: string,
  mdxFile: string,
  contentDir: string,
  format?: ArtifactFormat,
): LoadedArtifact {
  const problem = checkLocalFile(written, mdxFile, contentDir);
  if (problem) return { ok: false, message: problem };
  const absolute = path.resolve(path.dirname(mdxFile), written);
  const fileName = path.basename(absolute);
  const stat = statSync(absolute);
  const result = stat.isDirectory()
    ? loadRunFolder(absolute, written, contentDir, format)
    : loadFile(absolute, fileName, stat.mtimeMs, format);
  return result.ok ? { ...result, fileName } : { ok: false, message: prefixed(written, result) };
}

/** A problem as one sentence after the path as written, and where in the file (or run folder) it is. */
function prefixed(
  written: string,
  problem: { message: string; line?: number; file?: string; whole?: boolean },
): string {
  if (problem.whole) return problem.message;
  const where = [problem.file, problem.line === undefined ? undefined : `line ${problem.line}`]
    .filter(Boolean)
    .join(', ');
  return afterPath(`${written}${where ? ` (${where})` : ''}`, problem);
}

function loadFile(
  absolute: string,
  fileName: string,
  mtimeMs: number,
  format: ArtifactFormat | undefined,
): ImportResult {
  if (format === 'mlflow-run') {
    return { ok: false, message: 'format "mlflow-run" needs a run folder, not a file' };
  }
  // A metric and a chart often name the same artifact, one as detected and
  // one with a `format`: one read (within the size limit), one parse per format.
  return parsedFile(
    absolute,
    `artifact:${format ?? 'detected'}`,
    (text) => importFile(text, fileName, format),
    mtimeMs,
  );
}

/** Where the README lists the formats, for messages that send the intern there. */
const FORMATS_HELP = `Casefolio reads ${new Intl.ListFormat('en').format(ARTIFACT_FORMATS)}; see "Metrics from artifact files" in README.md`;

/**
 * Parses a file as the format asked for, or as detected from its content.
 * When the file is not in that format at all (detection sees another one, or
 * none), the importer's complaint would quote the file's first line, which
 * may be the whole file or hold a secret: the message names the formats
 * instead, and never the content. A JSON file that does not parse gets its
 * syntax error whatever the format, since that is the problem to fix.
 */
function importFile(text: string, fileName: string, format: FileFormat | undefined): ImportResult {
  const detected = detectFormat(text, fileName);
  const chosen = format ?? detected;
  if (chosen === undefined) {
    return { ok: false, message: `not a format Casefolio recognises; ${FORMATS_HELP}` };
  }
  const result = parseAs(chosen, text, fileName);
  if (result.ok || detected === chosen) return result;
  const json = startsAsJson(text) ? parsePythonJson(text) : undefined;
  if (json !== undefined && !json.ok) return jsonSyntaxProblem(json);
  const seen =
    detected === undefined ? 'is in no format Casefolio recognises' : `reads as "${detected}"`;
  return {
    ok: false,
    message: `format "${chosen}" does not fit this file, which ${seen}; ${FORMATS_HELP}`,
  };
}

function loadRunFolder(
  absolute: string,
  written: string,
  contentDir: string,
  format: ArtifactFormat | undefined,
): ImportResult | RunFolderProblem {
  if (format !== undefined && format !== 'mlflow-run') {
    return { ok: false, message: `is a folder; format "${format}" needs a file` };
  }
  const run = findMlflowRun(absolute, contentDir);
  if (!run || !existsSync(path.join(run, 'meta.yaml'))) {
    return {
      ok: false,
      message: `is a folder but not an MLflow run; point at mlruns/<experiment id>/<run id>/ (the folder with meta.yaml, metrics/ and params/)`,
    };
  }
  // The run as written: `./mlruns` leads to `./mlruns/1/<run id>`.
  const runName = [written.replace(/\/+$/, ''), ...path.relative(absolute, run).split(path.sep)]
    .filter(Boolean)
    .join('/');
  const listing = listRunFolder(run, contentDir, runName);
  if (!listing.ok) return listing;
  const stamp = folderStamp(listing.files);
  const cached = runFolders.get(run);
  if (cached?.stamp === stamp) return cached.result;
  const read = readRunFiles(listing.files);
  if (!read.ok) return read;
  const result: ImportResult = isMlflowRunFolder(read.files.keys())
    ? parseMlflowRun(read.files)
    : { ok: false, message: 'is not an MLflow run folder (expected meta.yaml and metrics/)' };
  runFolders.set(run, { stamp, result });
  return result;
}

/**
 * What a run folder's files are now: a run's files change without their
 * folder's time changing (MLflow appends to metrics/<name>), so the folder is
 * only unchanged if none of the files it is read from is.
 */
function folderStamp(files: readonly RunFile[]): string {
  return files.map(({ relative, size, mtimeMs }) => `${relative}\0${size}\0${mtimeMs}`).join('\n');
}
