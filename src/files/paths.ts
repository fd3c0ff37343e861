import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Why a path that is there by name cannot be read through: after every link
 * on the way is resolved it is outside the folder it must stay in, or a link
 * leads nowhere (dangling) or back to itself (a loop).
 */
export type LinkProblem = 'outside' | 'dangling' | 'loop';

/** Where a path really is, or why it cannot be read (`missing`: nothing is there by that name). */
export type ResolvedPath =
  { ok: true; real: string } | { ok: false; problem: LinkProblem | 'missing' };

/**
 * The one rule for every file content makes Casefolio read: `absolute`,
 * after resolving every link on the way (the system's realpath), must stay
 * inside `dir` (resolved too; content/ for everything a page reads). Returns
 * the real path, or why not. Checks that a path as written stays inside are
 * `checkLocalFile`'s; this is the check of where it leads.
 */
export function resolveInside(absolute: string, dir: string): ResolvedPath {
  // The system's realpath: Node's own walks the path with an lstat per folder,
  // which took a tenth of the content check at 1,000 case studies.
  // No file name holds a NUL, and Node's file functions throw on one.
  if (absolute.includes('\0')) return { ok: false, problem: 'missing' };
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { ok: false, problem: 'loop' };
    // There by name (a link) but leading nowhere, or not there at all (a name
    // too long for the file system, say, which lstat refuses too).
    let named = false;
    try {
      named = lstatSync(absolute, { throwIfNoEntry: false }) !== undefined;
    } catch {
      named = false;
    }
    return { ok: false, problem: named ? 'dangling' : 'missing' };
  }
  return isInside(real, realDir(dir)) ? { ok: true, real } : { ok: false, problem: 'outside' };
}

/** A folder's real path, or the path itself when it cannot be resolved (then nothing is inside it). */
function realDir(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * The one message for a link Casefolio will not follow, wherever it is met
 * (a path in content, a case study's file or folder, a file in a run
 * folder): `subject` says which (`path "./data.csv"`).
 */
export function linkProblemMessage(
  subject: string,
  problem: LinkProblem,
  kind: 'file' | 'folder' = 'file',
): string {
  const fix = `copy the ${kind} in instead`;
  switch (problem) {
    case 'outside':
      return `${subject} is a link to a ${kind} outside the content folder; ${fix}`;
    case 'dangling':
      return `${subject} is a link to a ${kind} that does not exist; ${fix}`;
    case 'loop':
      return `${subject} is a link that leads back to itself in a loop; ${fix}`;
  }
}

/**
 * Checks a path written in content: relative to the file that names it, inside
 * content/ (also after following symlinks), and present. Returns the problem,
 * or undefined when the path is fine.
 */
export function checkLocalFile(
  written: string,
  fromFile: string,
  contentDir: string,
): string | undefined {
  if (written.includes('\0')) {
    return `path ${quoted(written)} holds a NUL character, which no file name can; write the file's name as it is`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || path.isAbsolute(written)) {
    return `expected a path relative to this file such as "./${path.basename(written)}", got ${quoted(written)}`;
  }
  const resolved = path.resolve(path.dirname(fromFile), written);
  if (!isInside(resolved, contentDir)) {
    return `path ${quoted(written)} leaves the content folder; keep files next to the case study`;
  }
  const real = resolveInside(resolved, contentDir);
  if (real.ok) return undefined;
  return real.problem === 'missing'
    ? `file not found: ${quoted(written)}`
    : linkProblemMessage(`path ${quoted(written)}`, real.problem);
}

/** Whether `child` is strictly inside `parent` (both absolute, compared as written). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/**
 * A path as a problem quotes it: whole (a path shortened is no help), with
 * control characters escaped so that a hostile name cannot break the line.
 */
function quoted(written: string): string {
  return JSON.stringify(written);
}
