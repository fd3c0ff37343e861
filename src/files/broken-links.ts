import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../problems/problem.ts';
import { holdsItsLink, walkFiles } from './walk.ts';

/**
 * Links that lead nowhere, anywhere under the given folders (content/ and
 * public/), whatever their names: a link to a file that does not exist (a
 * folder copied from another machine, a file moved away), and a loop of
 * links (one that leads back to itself, or a folder link to a folder that
 * holds it). Every walk passes over them (`walkFiles` lists them as files
 * that are not regular), but the build's own readers would stop on them
 * with `ENOENT` or `ELOOP`, so the check names each one first.
 */
export function findBrokenLinks(folders: readonly string[], root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const folder of folders) {
    for (const found of walkFiles(folder, { names: 'every', followLinks: false })) {
      if (found.regular) continue;
      const message = brokenLink(found.path);
      if (message) {
        problems.push({ file: path.relative(root, found.path).split(path.sep).join('/'), message });
      }
    }
  }
  return problems;
}

/** What is wrong with a link, or undefined when it is fine (or not a link). */
function brokenLink(file: string): string | undefined {
  let target: string;
  try {
    if (!lstatSync(file).isSymbolicLink()) return undefined;
    target = readlinkSync(file);
  } catch {
    return undefined; // gone since the walk listed it
  }
  try {
    return holdsItsLink(file) ? LOOP : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return LOOP;
    return `a link to "${target}", which does not exist; remove the link, or put the file itself here`;
  }
}

const LOOP =
  'a link that leads back to itself (a loop of links), which no reader can follow; remove it';
