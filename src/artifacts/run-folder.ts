import fs from 'node:fs';
import path from 'node:path';
import { isMlflowRunFolder } from './formats/mlflow-run.ts';
import { linkProblemMessage, resolveInside } from '../files/paths.ts';
import { readProblem, tooLargeMessage, type ReadProblem } from '../files/read.ts';
import {
  MAX_DATA_FILE_BYTES,
  MAX_RUN_FOLDER_BYTES,
  MAX_RUN_FOLDER_FILES,
  megabytes,
} from '../files/size-limit.ts';
import { isIgnoredName, walkFolder } from '../files/walk.ts';
import { fileText } from './read-cache.ts';

/** Folders in `mlruns/` that are not experiments: the model registry (and `.trash`, an ignored name). */
const NOT_EXPERIMENTS = new Set(['models']);

/** Where large files of a run belong, for the messages of the run-folder limits. */
const KEEP_SMALL =
  'a run folder holds meta.yaml, metrics/, params/ and tags/; move anything else into its artifacts/ folder, which Casefolio does not read';

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

/** One file of a run folder, as listed (not yet read). */
export interface RunFile {
  path: string;
  /** Relative to the run folder, with forward slashes: `metrics/val/loss`. */
  relative: string;
  size: number;
  mtimeMs: number;
}

/**
 * Why a run folder cannot be read: `file` is relative to the run folder when
 * the problem is one file's; `whole` when the message names the path itself
 * (a link, worded as for any path content names).
 */
export type RunFolderProblem =
  { ok: false; file?: string; message: string; whole?: true } | (ReadProblem & { file?: string });

/**
 * The files of an MLflow run folder that Casefolio reads: all of them but
 * the top-level `artifacts/` folder (models and plots, often large) and
 * ignored names (`isIgnoredName`: `.DS_Store`, an intern's `_notes.md`),
 * within the limits: each file within the data-file limit, the folder within
 * the run-folder limits (files/size-limit.ts). Links are followed only when
 * they stay inside `within` (content/); one that leaves, dangles or loops is
 * a problem, worded as for any path content names, with `name` (the folder
 * as the intern wrote it) in place of the folder's path.
 */
export function listRunFolder(
  dir: string,
  within: string,
  name: string,
): { ok: true; files: RunFile[] } | RunFolderProblem {
  const walk = walkFolder(dir, { skipFolder: (relative) => relative === 'artifacts', within });
  const [link, ...moreLinks] = walk.refused;
  if (link !== undefined) {
    const pathOf = (relative: string) =>
      [name.replace(/\/+$/, ''), relative].filter(Boolean).join('/');
    // One line for the run, naming every refused link, so one fix-and-rerun is enough.
    const more =
      moreLinks.length === 0
        ? ''
        : `; also refused: ${moreLinks.map((other) => JSON.stringify(pathOf(other.relative))).join(', ')}`;
    return {
      ok: false,
      whole: true,
      message:
        linkProblemMessage(
          `path "${pathOf(link.relative)}"`,
          link.problem,
          link.folder ? 'folder' : 'file',
        ) + more,
    };
  }
  const regular = walk.files.filter((file) => file.regular);
  if (regular.length > MAX_RUN_FOLDER_FILES) {
    return readProblem(
      `holds ${regular.length.toLocaleString('en-US')} files, over the ${MAX_RUN_FOLDER_FILES.toLocaleString('en-US')}-file limit for a run folder; ${KEEP_SMALL}`,
    );
  }
  const files: RunFile[] = [];
  let total = 0;
  for (const { path: file, relative } of regular) {
    let stats: fs.Stats;
    try {
      stats = fs.statSync(file);
    } catch {
      return { ...readProblem('could not be read'), file: relative };
    }
    if (stats.size > MAX_DATA_FILE_BYTES) {
      return { ...readProblem(tooLargeMessage(stats.size)), file: relative };
    }
    total += stats.size;
    files.push({ path: file, relative, size: stats.size, mtimeMs: stats.mtimeMs });
  }
  if (total > MAX_RUN_FOLDER_BYTES) {
    return readProblem(
      `holds ${megabytes(total)} of files, over the ${MAX_RUN_FOLDER_BYTES / 1024 / 1024} MB limit for a run folder; ${KEEP_SMALL}`,
    );
  }
  return { ok: true, files };
}

/**
 * The text of a run folder's files (`listRunFolder`), keyed by their path
 * relative to the run folder with forward slashes (`meta.yaml`,
 * `metrics/val/loss`, `params/C`), read as UTF-8 through the read cache:
 * after a save in `astro dev`, only the changed file is read again.
 */
export function readRunFiles(
  files: readonly RunFile[],
): { ok: true; files: Map<string, string> } | RunFolderProblem {
  const texts = new Map<string, string>();
  for (const { path: file, relative, mtimeMs } of files) {
    const read = fileText(file, mtimeMs);
    if (!read.ok) return { ...read, file: relative };
    texts.set(relative, read.text);
  }
  return { ok: true, files: texts };
}

/** `listRunFolder` then `readRunFiles`: a run folder's files as text, or the first problem. */
export function readRunFolder(
  dir: string,
  within = dir,
  name = dir,
): { ok: true; files: Map<string, string> } | RunFolderProblem {
  const listing = listRunFolder(dir, within, name);
  return listing.ok ? readRunFiles(listing.files) : listing;
}

/**
 * A run folder inside `within` that MLflow has not marked deleted
 * (`lifecycle_stage: deleted` in meta.yaml).
 */
function isLiveRun(dir: string, within: string): boolean {
  if (!resolveInside(dir, within).ok || !isDirectory(dir) || !isMlflowRunFolder(names(dir))) {
    return false;
  }
  const metaFile = path.join(dir, 'meta.yaml');
  if (!resolveInside(metaFile, within).ok) return false;
  const meta = fileText(metaFile);
  return meta.ok && !/^lifecycle_stage:\s*['"]?deleted/m.test(meta.text);
}

/** The run folders directly inside `dir`, skipping runs marked deleted. */
function runsIn(dir: string, within: string): string[] {
  return names(dir)
    .filter((name) => !isIgnoredName(name))
    .map((name) => path.join(dir, name))
    .filter((run) => isLiveRun(run, within));
}

/**
 * The one MLflow run folder `location` points at: `location` itself when it
 * is a run folder; its only run when it is an experiment folder
 * (`mlruns/<experiment_id>/`); or the only run of the only experiment with
 * runs when it is the `mlruns` folder (experiments without runs, such as the
 * empty `0/Default`, `.trash` and `models/` are ignored). Runs marked
 * `lifecycle_stage: deleted` do not count, nor folders that lead out of
 * `within` (content/) through a link. Undefined when there is no run or
 * more than one, so the caller can ask for a run folder.
 */
export function findMlflowRun(location: string, within = location): string | undefined {
  if (!isDirectory(location)) return undefined;
  if (isMlflowRunFolder(names(location))) return location;
  const direct = runsIn(location, within);
  if (direct.length > 0) return direct.length === 1 ? direct[0] : undefined;
  const nested = names(location)
    .filter((name) => !isIgnoredName(name) && !NOT_EXPERIMENTS.has(name))
    .map((name) => path.join(location, name))
    .filter((experiment) => resolveInside(experiment, within).ok && isDirectory(experiment))
    .flatMap((experiment) => runsIn(experiment, within));
  return nested.length === 1 ? nested[0] : undefined;
}
