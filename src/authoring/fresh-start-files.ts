import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { walkFiles } from '../files/walk.ts';
import {
  PROFILE_FILE,
  planFreshStart,
  sampleHash,
  sampleParts,
  type FoundFile,
  type FreshStartPlan,
  type SampleManifest,
} from './fresh-start.ts';

/**
 * The hashes of the sample that ships in content/. tests/unit/authoring/fresh-start.test.ts
 * keeps it equal to tests/fixtures/sample/content (a copy of content/); after
 * changing the sample, regenerate it with
 *   npx node -e "import('./src/authoring/fresh-start-files.ts').then((m) => console.log(JSON.stringify(m.sampleManifestOf('tests/fixtures/sample/content'), null, 2)))" > src/authoring/sample-manifest.json
 */
export function readSampleManifest(): SampleManifest {
  return JSON.parse(
    readFileSync(new URL('./sample-manifest.json', import.meta.url), 'utf8'),
  ) as SampleManifest;
}

/**
 * Every file under a folder, whatever its name (a `_notes.md` or `.DS_Store`
 * the intern added counts), as paths relative to it with forward slashes. A
 * symbolic link is listed as itself, never followed, so nothing outside the
 * folder is ever removed through one.
 */
function filesUnder(dir: string): { path: string; regular: boolean }[] {
  return walkFiles(dir, { names: 'every', followLinks: false }).map(({ relative, regular }) => ({
    path: relative,
    regular,
  }));
}

/** The manifest of a folder: what the sample's manifest is made from. */
export function sampleManifestOf(dir: string): SampleManifest {
  const manifest: Record<string, string> = {};
  for (const file of filesUnder(dir).sort((a, b) => (a.path < b.path ? -1 : 1))) {
    manifest[file.path] = sampleHash(readFileSync(path.join(dir, file.path)));
  }
  return manifest;
}

function found(contentDir: string, file: string, regular: boolean): FoundFile {
  return {
    path: file,
    hash: regular ? sampleHash(readFileSync(path.join(contentDir, file))) : undefined,
  };
}

/** Every file in the sample's places: all of a sample case-study folder, and the sample's other files that exist. */
function findInSampleParts(contentDir: string, manifest: SampleManifest): FoundFile[] {
  const result: FoundFile[] = [];
  for (const [part, files] of sampleParts(manifest)) {
    if (part.endsWith('/')) {
      for (const file of filesUnder(path.join(contentDir, part))) {
        result.push(found(contentDir, `${part}${file.path}`, file.regular));
      }
      continue;
    }
    for (const file of files) {
      const stats = lstatSync(path.join(contentDir, file), { throwIfNoEntry: false });
      if (stats && !stats.isDirectory()) result.push(found(contentDir, file, stats.isFile()));
    }
  }
  return result;
}

/** Removes a folder's empty subfolders, deepest first, then the folder if it is empty too. */
function removeEmptyFolders(dir: string): void {
  const folders = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort((a, b) => b.length - a.length);
  for (const folder of [...folders, dir]) {
    try {
      rmdirSync(folder);
    } catch (error) {
      // A folder that still holds something (it appeared since the plan) stays.
      if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw error;
    }
  }
}

/**
 * Removes every part of the sample whose files are all unchanged, then writes
 * `starter` as profile.yaml when there is none left. Never deletes a file it
 * has not just hashed as the sample's, and never overwrites a file.
 */
export function freshStart(
  contentDir: string,
  manifest: SampleManifest,
  starter: string,
): FreshStartPlan {
  const plan = planFreshStart(
    manifest,
    findInSampleParts(contentDir, manifest),
    sampleHash(Buffer.from(starter, 'utf8')),
  );
  for (const part of plan.removed) {
    for (const file of part.files) unlinkSync(path.join(contentDir, file));
    if (part.part.endsWith('/')) removeEmptyFolders(path.join(contentDir, part.part));
  }
  if (plan.profile === 'write') {
    mkdirSync(contentDir, { recursive: true });
    writeFileSync(path.join(contentDir, PROFILE_FILE), starter, { encoding: 'utf8', flag: 'wx' });
  }
  return plan;
}
