import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { detectFormat, parseAs, type FileFormat } from '../importers/detect.ts';
import { parseMlflowRun, isMlflowRunFolder } from '../importers/mlflow-run.ts';
import type { ArtifactFormat, ImportResult } from '../importers/types.ts';
import { checkLocalFile } from './content-paths-fs.ts';
import { MAX_DATA_FILE_BYTES } from './data-files-fs.ts';
import { findMlflowRun, readRunFolder } from './mlflow-fs.ts';

/** An artifact read from disk, or why it could not be. */
export type LoadedArtifact = ImportResult & {
  /** The file or folder name, for provenance notes: `classification_report.json`. */
  fileName?: string;
};

const cache = new Map<string, { stamp: number; result: ImportResult }>();

/**
 * Reads the artifact a metric or chart names (`from: ./report.json`), with
 * the same path rules as every content path, the data-file size limit, and
 * the format detected from the content unless `format` says otherwise. Parsed
 * artifacts are cached per path and modification time. Messages start with
 * the path as the intern wrote it.
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
    ? loadRunFolder(absolute, format)
    : loadFile(absolute, fileName, stat.size, stat.mtimeMs, format);
  return result.ok ? { ...result, fileName } : { ...result, message: prefixed(written, result) };
}

function prefixed(
  written: string,
  problem: { message: string; line?: number; file?: string },
): string {
  const where = [problem.file, problem.line === undefined ? undefined : `line ${problem.line}`]
    .filter(Boolean)
    .join(', ');
  return `${written}${where ? ` (${where})` : ''}: ${problem.message}`;
}

function loadFile(
  absolute: string,
  fileName: string,
  size: number,
  mtimeMs: number,
  format: ArtifactFormat | undefined,
): ImportResult {
  if (size > MAX_DATA_FILE_BYTES) {
    return {
      ok: false,
      message: `the file is ${(size / 1024 / 1024).toFixed(2)} MB, over the ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB limit; downsample it or export fewer steps`,
    };
  }
  const key = `${absolute}#${format ?? ''}`;
  const cached = cache.get(key);
  if (cached && cached.stamp === mtimeMs) return cached.result;
  const text = readFileSync(absolute, 'utf8');
  if (format === 'mlflow-run') {
    return { ok: false, message: 'format "mlflow-run" needs a run folder, not a file' };
  }
  const detected: FileFormat | undefined = format ?? detectFormat(text, fileName);
  const result: ImportResult = detected
    ? parseAs(detected, text, fileName)
    : {
        ok: false,
        message: `not a format Casefolio recognises (a scikit-learn report, Keras log, TensorBoard or W&B export, trainer_state.json, ROC/PR curve, confusion matrix or JSON values); set format= if it is one of them`,
      };
  cache.set(key, { stamp: mtimeMs, result });
  return result;
}

function loadRunFolder(absolute: string, format: ArtifactFormat | undefined): ImportResult {
  if (format !== undefined && format !== 'mlflow-run') {
    return { ok: false, message: `is a folder; format "${format}" needs a file` };
  }
  const run = findMlflowRun(absolute);
  if (!run || !existsSync(path.join(run, 'meta.yaml'))) {
    return {
      ok: false,
      message: `is a folder but not an MLflow run; point at mlruns/<experiment id>/<run id>/ (the folder with meta.yaml, metrics/ and params/)`,
    };
  }
  const files = readRunFolder(run);
  if (!isMlflowRunFolder(files.keys())) {
    return { ok: false, message: 'is not an MLflow run folder (expected meta.yaml and metrics/)' };
  }
  return parseMlflowRun(files);
}
