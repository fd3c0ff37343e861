import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { isValidSlug, suggestSlug } from '../schemas/slugs.ts';
import { PROFILE_FILE } from './fresh-start.ts';

/**
 * `npm run new -- --member <slug>`: a new member folder in a cohort site,
 * `content/people/<slug>/` with a starter `profile.yaml` and an empty
 * `case-studies/`, laid out exactly as a single portfolio's `content/` is, so
 * the intern's own portfolio and this folder are interchangeable.
 *
 * A site is a cohort when `content/cohort.yaml` exists. Without one a member
 * folder would be read by nothing, so the first `--member` also writes a
 * starter cohort.yaml (templates/cohort.yaml, a placeholder name that passes)
 * rather than stopping with "create cohort.yaml first": the coordinator asked
 * for a cohort member, and one command should leave a cohort that checks.
 */

/** Where a cohort's members live, inside the content folder. */
export const PEOPLE_FOLDER = 'people';
/** The file that makes the content folder a cohort. */
export const COHORT_FILE = 'cohort.yaml';
/**
 * Keeps the empty `case-studies/` in Git, which stores no empty folders: a
 * coordinator commits the scaffold and the intern must find the folder there.
 * Its leading `.` makes every content walk pass it over, as it does `.DS_Store`.
 */
const KEEP_FILE = '.gitkeep';

const CASE_STUDIES = 'case-studies';

/** What suggestSlug gives when nothing of a text can go in a URL: no hint is better than that one. */
const NO_SUGGESTION = suggestSlug('');

/**
 * Why a member's folder cannot be named this, in the content check's words
 * for a case-study slug, or undefined when it can. Member folder names are
 * slugs for the same reason case-study names are: they are the
 * `/people/<member>/` part of every URL of the member.
 */
export function memberSlugProblem(given: string): string | undefined {
  if (isValidSlug(given)) return undefined;
  const suggestion = suggestSlug(given);
  const hint =
    suggestion === NO_SUGGESTION && given !== NO_SUGGESTION ? '' : `, as in "${suggestion}"`;
  return `--member: invalid slug "${given}": use lowercase letters, digits and single hyphens${hint}`;
}

/**
 * The content folder of an existing member, where a case study for it goes:
 * `people/<slug>/content/` when the member is a whole Casefolio repository (a
 * git submodule, its profile in `content/profile.yaml`), else
 * `people/<slug>/`. A folder with neither profile is refused rather than
 * written into: it is most often a submodule a fresh clone has not checked out
 * yet, whose files would land beside the repository instead of in it.
 */
export function memberContentDir(
  contentDir: string,
  slug: string,
  show: (absolute: string) => string,
): { ok: true; dir: string } | { ok: false; message: string } {
  const folder = path.join(contentDir, PEOPLE_FOLDER, slug);
  if (!existsSync(folder)) {
    return {
      ok: false,
      message: `${show(folder)}/ does not exist: add the member first with npm run new -- --member ${slug}`,
    };
  }
  const repository = path.join(folder, 'content');
  if (existsSync(path.join(repository, PROFILE_FILE))) return { ok: true, dir: repository };
  if (existsSync(path.join(folder, PROFILE_FILE))) return { ok: true, dir: folder };
  return {
    ok: false,
    message: `${show(folder)}/ has no ${PROFILE_FILE} (nor content/${PROFILE_FILE}): if it is a git submodule, run git submodule update --init first`,
  };
}

/**
 * The tracks cohort.yaml lists, to name them in the member's profile; empty
 * when it lists none or cannot be read (the cohort check, not this, reports
 * what is wrong with cohort.yaml).
 */
export function cohortTracks(text: string): string[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const tracks = doc.get('tracks', true);
  if (!isSeq(tracks)) return [];
  return tracks
    .toJSON()
    .filter((track: unknown): track is string => typeof track === 'string' && track.trim() !== '')
    .map((track: string) => track.trim());
}

/**
 * The starter profile with a commented-out `track:` under the headline: a
 * member names the cohort track they belong to there. It stays a comment (a
 * placeholder track may not be one the cohort lists), so the file passes the
 * profile schema as written, as the starter does.
 */
export function memberProfile(starter: string, tracks: readonly string[]): string {
  const which =
    tracks.length > 0
      ? `one of cohort.yaml's tracks: ${tracks.join(', ')}`
      : 'when cohort.yaml lists tracks';
  const example = tracks[0] ?? 'Data Science';
  const comment = [
    `# Your track in the cohort, ${which}. Uncomment and fill in:`,
    `# track: ${example}`,
  ];
  const lines = starter.split('\n');
  const headline = lines.findIndex((line) => /^headline:/.test(line));
  if (headline === -1) return `${starter.replace(/\n*$/, '\n')}${comment.join('\n')}\n`;
  lines.splice(headline + 1, 0, ...comment);
  return lines.join('\n');
}

export interface MemberStarters {
  /** templates/profile.yaml: the starter profile `--fresh` writes. */
  profile: string;
  /** templates/cohort.yaml: written when the content folder has no cohort.yaml yet. */
  cohort: string;
}

export type MemberResult =
  | {
      ok: true;
      /** Absolute paths. */
      profile: string;
      caseStudies: string;
      cohort: string;
      /** Whether this run wrote cohort.yaml (there was none). */
      cohortCreated: boolean;
      /**
       * A single portfolio's files at the top of the content folder
       * (`profile.yaml`, `case-studies/`) found while creating cohort.yaml:
       * a cohort site reads its members from `people/`, so they are worth a
       * word. Absolute paths.
       */
      singlePortfolio: string[];
    }
  | { ok: false; message: string };

/**
 * Creates `people/<slug>/profile.yaml` and `people/<slug>/case-studies/`
 * (empty but for the Git keep file), and cohort.yaml when there is none.
 * Never overwrites: a member folder that exists, in either form, is refused
 * with nothing written. `show` writes a path as the user reads it.
 */
export function scaffoldMember(
  contentDir: string,
  slug: string,
  starters: MemberStarters,
  show: (absolute: string) => string,
): MemberResult {
  const problem = memberSlugProblem(slug);
  if (problem) return { ok: false, message: problem };

  const people = path.join(contentDir, PEOPLE_FOLDER);
  const folder = path.join(people, slug);
  const exists = () => ({
    ok: false as const,
    message: `${show(folder)}/ already exists; to add a case study to it: npm run new -- --member ${slug} --title "..."`,
  });
  if (existsSync(folder)) return exists();

  const cohort = path.join(contentDir, COHORT_FILE);
  const cohortText = existsSync(cohort) ? readFileSync(cohort, 'utf8') : undefined;
  const singlePortfolio =
    cohortText === undefined
      ? [PROFILE_FILE, CASE_STUDIES]
          .map((name) => path.join(contentDir, name))
          .filter((file) => existsSync(file))
      : [];

  mkdirSync(people, { recursive: true });
  try {
    // Not recursive: a folder made since the check above is never written into.
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return exists();
    throw error;
  }
  const profile = path.join(folder, PROFILE_FILE);
  writeFileSync(profile, memberProfile(starters.profile, cohortTracks(cohortText ?? '')), {
    encoding: 'utf8',
    flag: 'wx',
  });
  const caseStudies = path.join(folder, CASE_STUDIES);
  mkdirSync(caseStudies);
  writeFileSync(path.join(caseStudies, KEEP_FILE), '', { flag: 'wx' });

  let cohortCreated = false;
  if (cohortText === undefined) {
    try {
      writeFileSync(cohort, starters.cohort, { encoding: 'utf8', flag: 'wx' });
      cohortCreated = true;
    } catch (error) {
      // Written by someone else meanwhile: theirs stands.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { ok: true, profile, caseStudies, cohort, cohortCreated, singlePortfolio };
}
