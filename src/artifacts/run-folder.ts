import fs from 'node:fs';
import path from 'node:path';
import { isMlflowRunFolder } from './formats/mlflow-run.ts';
import { isIgnoredName, walkFiles, type WalkedFile } from '../files/walk.ts';
import { fileText } from './read-cache.ts';

/** Folders in `mlruns/` that are not experiments: the model registry (and `.trash`, an ignored name). */
const NOT_EXPERIMENTS = new Set(['models']);

function isDirectory(full: string): boolean {
  try {
    return fs.statSync(full).isDirectory();
  } catch {
    return false;
  }
}

function names(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The files of an MLflow run folder that Casefolio reads: all of them but
 * the top-level `artifacts/` folder (models and plots, often large) and
 * ignored names (`isIgnoredName`: `.DS_Store`, an intern's `_notes.md`).
 * Symbolic links are followed.
 */
export function runFolderFiles(dir: string): WalkedFile[] {
  return walkFiles(dir, { skipFolder: (relative) => relative === 'artifacts' }).filter(
    ({ regular }) => regular,
  );
}

/**
 * The files of an MLflow run folder (`runFolderFiles`), keyed by their path
 * relative to `dir` with forward slashes (`meta.yaml`, `metrics/val/loss`,
 * `params/C`), as UTF-8 text.
 */
export function readRunFolder(dir: string): Map<string, string> {
  // Through the cache: after a save in `astro dev`, only the changed file is read again.
  return new Map(runFolderFiles(dir).map(({ path: file, relative }) => [relative, fileText(file)]));
}

/** A run folder that MLflow has not marked deleted (`lifecycle_stage: deleted` in meta.yaml). */
function isLiveRun(dir: string): boolean {
  if (!isDirectory(dir) || !isMlflowRunFolder(names(dir))) return false;
  try {
    const meta = fileText(path.join(dir, 'meta.yaml'));
    return !/^lifecycle_stage:\s*['"]?deleted/m.test(meta);
  } catch {
    return false;
  }
}

/** The run folders directly inside `dir`, skipping runs marked deleted. */
function runsIn(dir: string): string[] {
  return names(dir)
    .filter((name) => !isIgnoredName(name))
    .map((name) => path.join(dir, name))
    .filter(isLiveRun);
}

/**
 * The one MLflow run folder `location` points at: `location` itself when it
 * is a run folder; its only run when it is an experiment folder
 * (`mlruns/<experiment_id>/`); or the only run of the only experiment with
 * runs when it is the `mlruns` folder (experiments without runs, such as the
 * empty `0/Default`, `.trash` and `models/` are ignored). Runs marked
 * `lifecycle_stage: deleted` do not count. Undefined when there is no run or
 * more than one, so the caller can ask for a run folder.
 */
export function findMlflowRun(location: string): string | undefined {
  if (!isDirectory(location)) return undefined;
  if (isMlflowRunFolder(names(location))) return location;
  const direct = runsIn(location);
  if (direct.length > 0) return direct.length === 1 ? direct[0] : undefined;
  const nested = names(location)
    .filter((name) => !isIgnoredName(name) && !NOT_EXPERIMENTS.has(name))
    .map((name) => path.join(location, name))
    .filter(isDirectory)
    .flatMap(runsIn);
  return nested.length === 1 ? nested[0] : undefined;
}
