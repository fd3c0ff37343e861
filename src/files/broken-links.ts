import { readlinkSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../problems/problem.ts';
import { walkFolder } from './walk.ts';

/**
 * Links that lead nowhere, anywhere under the given folders (content/ and
 * public/), whatever their names: a link to a file that does not exist (a
 * folder copied from another machine, a file moved away), and a loop of
 * links. The walk refuses them (files/walk.ts), but the build's own readers
 * (Astro copying public/, Vite resolving an import) would stop on them with
 * `ENOENT` or `ELOOP`, so the check names each one first. Links that lead
 * out of content/ are the readers' to refuse where a page names them
 * (files/paths.ts): public/ may link anywhere, as Astro copies what it finds.
 * A folder that cannot be listed (no permission) is named too: every walk
 * passes over it, and Astro's copy of public/ would stop on it.
 */
export function findBrokenLinks(folders: readonly string[], root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const folder of folders) {
    const everywhere = path.parse(path.resolve(folder)).root;
    const { refused, unreadable } = walkFolder(folder, { names: 'every', within: everywhere });
    for (const locked of unreadable) {
      problems.push({
        file: path.relative(root, locked.path).split(path.sep).join('/'),
        message: `this folder cannot be read (${locked.code}), so what it holds cannot be checked or published; make it readable, or move it out of the project`,
      });
    }
    for (const link of refused) {
      if (link.problem === 'outside') continue;
      problems.push({
        file: path.relative(root, link.path).split(path.sep).join('/'),
        message: link.problem === 'loop' ? LOOP : danglingMessage(link.path),
      });
    }
  }
  return problems;
}

const LOOP =
  'a link that leads back to itself (a loop of links), which no reader can follow; remove it';

/** A link to nothing, quoting where it points. */
function danglingMessage(link: string): string {
  let target: string;
  try {
    target = readlinkSync(link);
  } catch {
    return 'a link to a file that does not exist; remove the link, or put the file itself here';
  }
  return `a link to "${target}", which does not exist; remove the link, or put the file itself here`;
}
