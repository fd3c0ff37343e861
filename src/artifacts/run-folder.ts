import fs from 'node:fs';
import path from 'node:path';
import { isMlflowRunFolder } from './formats/mlflow-run.ts';
import { fileText } from './read-cache.ts';

/** Folders in `mlruns/` that are not experiments: deleted experiments and the model registry. */
const NOT_EXPERIMENTS = new Set(['.trash', 'models']);

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
 * Every file under an MLflow run folder, keyed by its path relative to `dir`
 * with forward slashes (`meta.yaml`, `metrics/val/loss`, `params/C`), as
 * UTF-8 text. Skips the top-level `artifacts/` folder (models and plots, often
 * large) and dot-files such as `.DS_Store`. Symbolic links are followed.
 */
export function readRunFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string) => {
    for (const name of fs.readdirSync(folder).sort()) {
      if (name.startsWith('.') || (prefix === '' && name === 'artifacts')) continue;
      const full = path.join(folder, name);
      const stat = fs.statSync(full);
      if (stat.isDirectory()) walk(full, `${prefix}${name}/`);
      // Through the cache: after a save in `astro dev`, only the changed file is read again.
      else if (stat.isFile()) files.set(`${prefix}${name}`, fileText(full, stat.mtimeMs));
    }
  };
  walk(dir, '');
  return files;
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
    .filter((name) => !name.startsWith('.'))
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
    .filter((name) => !name.startsWith('.') && !NOT_EXPERIMENTS.has(name))
    .map((name) => path.join(location, name))
    .filter(isDirectory)
    .flatMap(runsIn);
  return nested.length === 1 ? nested[0] : undefined;
}
