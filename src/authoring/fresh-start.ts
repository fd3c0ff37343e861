import { createHash } from 'node:crypto';

/**
 * `npm run new -- --fresh`: which parts of the shipped sample portfolio can go.
 *
 * The sample is recognised by content, not by name: a file is the sample's
 * only when its path and its SHA-256 both match the committed manifest. A
 * part of the sample (one case study, or the profile with its files) goes
 * only when every file in it is the sample's, so a case study is never left
 * half deleted around a file the user edited.
 */

/** SHA-256 (hex) of each shipped sample file, by its path in the content folder (forward slashes). */
export type SampleManifest = Readonly<Record<string, string>>;

/** A file found where the sample was, with its content hash; `hash` is undefined for anything that is not a regular file (a symlink, say), which is never deleted. */
export interface FoundFile {
  /** Relative to the content folder, forward slashes. */
  path: string;
  hash: string | undefined;
}

/** A part of the sample that is removed or kept as a whole. */
interface SamplePart {
  /** `case-studies/<name>/`, `case-studies/<name>.mdx`, or `profile.yaml` for the profile and its files. */
  part: string;
}

interface RemovedPart extends SamplePart {
  /** Every file to delete, relative to the content folder. */
  files: string[];
}

export interface KeptPart extends SamplePart {
  /** Sample files whose content differs from the sample's, relative to the part's folder. */
  changed: string[];
  /** Files that were never in the sample, relative to the part's folder. */
  added: string[];
}

export interface FreshStartPlan {
  removed: RemovedPart[];
  kept: KeptPart[];
  /**
   * What happens to profile.yaml: `write` the starter (there is none, or only
   * the sample's, which is removed), it is `starter` already, or it is the
   * user's own and is kept.
   */
  profile: 'write' | 'starter' | 'keep';
}

export const PROFILE_FILE = 'profile.yaml';

/**
 * Files an operating system drops into folders it shows (Finder, Explorer).
 * They are nobody's work, so they never keep a sample case study alive.
 */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * SHA-256 of a file's bytes with CRLF read as LF: Git on Windows
 * (`core.autocrlf`) checks the sample out with CRLF line endings, and those
 * files are still the sample.
 */
export function sampleHash(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // latin1 maps every byte to one character and back, so only CRLF pairs change.
  const normalized = buffer.includes('\r\n')
    ? Buffer.from(buffer.toString('latin1').replaceAll('\r\n', '\n'), 'latin1')
    : buffer;
  return createHash('sha256').update(normalized).digest('hex');
}

/** The part of the sample a content path belongs to. */
function partOf(file: string): string {
  const [top, name, ...rest] = file.split('/');
  if (top === 'case-studies' && name !== undefined) {
    return rest.length > 0 ? `case-studies/${name}/` : `case-studies/${name}`;
  }
  return PROFILE_FILE;
}

/** The parts of the sample, each with its manifest files, in a stable order. */
export function sampleParts(manifest: SampleManifest): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  for (const file of Object.keys(manifest).sort()) {
    const part = partOf(file);
    parts.set(part, [...(parts.get(part) ?? []), file]);
  }
  return parts;
}

/** A path relative to its part's folder, as the user reads it in a report. */
function withinPart(part: string, file: string): string {
  return part.endsWith('/') && file.startsWith(part) ? file.slice(part.length) : file;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/**
 * What `--fresh` does, given every file found in the sample's places: for a
 * case-study folder everything under it, for the others the manifest files
 * that exist. `starterHash` recognises a profile.yaml that is already the
 * starter, so running it twice reports nothing as the user's.
 */
export function planFreshStart(
  manifest: SampleManifest,
  found: readonly FoundFile[],
  starterHash: string,
): FreshStartPlan {
  const removed: RemovedPart[] = [];
  const kept: KeptPart[] = [];
  const profileFound = found.find((file) => file.path === PROFILE_FILE);
  const isStarter = profileFound?.hash === starterHash;

  for (const part of sampleParts(manifest).keys()) {
    const here = found
      .filter((file) => partOf(file.path) === part)
      .filter((file) => !(isStarter && file.path === PROFILE_FILE))
      .sort((a, b) => a.path.localeCompare(b.path));
    if (here.length === 0) continue;
    const changed: string[] = [];
    const added: string[] = [];
    for (const file of here) {
      const expected = manifest[file.path];
      if (expected === undefined) {
        if (file.hash === undefined || !SYSTEM_FILES.has(baseName(file.path))) {
          added.push(withinPart(part, file.path));
        }
      } else if (file.hash !== expected) {
        changed.push(withinPart(part, file.path));
      }
    }
    if (changed.length === 0 && added.length === 0) {
      removed.push({ part, files: here.map((file) => file.path) });
    } else {
      kept.push({ part, changed, added });
    }
  }

  const profileKept = kept.some((entry) => entry.part === PROFILE_FILE);
  const profile = isStarter ? 'starter' : profileKept ? 'keep' : 'write';
  return { removed, kept, profile };
}

/** `a`, `a and b`, `a, b and c`. */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Why a part of the sample was kept: "you changed index.mdx and added notes.md". */
export function keptBecause(part: KeptPart): string {
  // A part that is a single file is "it": "you changed it", not "you changed profile.yaml".
  const names = (files: readonly string[]) =>
    listOf(files.map((file) => (file === part.part ? 'it' : file)));
  const reasons: string[] = [];
  if (part.changed.length > 0) reasons.push(`changed ${names(part.changed)}`);
  if (part.added.length > 0) reasons.push(`added ${names(part.added)}`);
  return `you ${reasons.join(' and ')}`;
}

/** "3 files", "1 file". */
export function fileCount(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'}`;
}
