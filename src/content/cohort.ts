import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { COHORT_FILE, PEOPLE_DIR, cohortSchema, type CohortData } from '../schemas/cohort.ts';
import { isValidSlug, suggestSlug } from '../schemas/slugs.ts';
import type { ContentProblem } from '../problems/problem.ts';
import { resolveInside, linkProblemMessage } from '../files/paths.ts';
import { afterPath, readDataFile } from '../files/read.ts';
import { isIgnoredName } from '../files/walk.ts';
import { parseYaml } from './frontmatter.ts';
import { schemaProblems } from './schema-problems.ts';

/**
 * A cohort site: content/cohort.yaml and the members under content/people/.
 * Each member is a single portfolio's content folder, checked as one; this
 * module finds them and checks what is the cohort's own.
 */

/** One intern of the cohort: a portfolio whose pages live under `people/<slug>/`. */
export interface Member {
  /** The member's folder name, which is their URL: `ada-lovelace`. */
  slug: string;
  /**
   * The member's content folder, absolute: the member folder itself, or its
   * `content/` when the member folder is a whole Casefolio repository (a git
   * submodule).
   */
  contentDir: string;
}

/** What the cohort check found: the cohort file's data, the members, and the problems of both. */
export interface CohortFound {
  /** cohort.yaml as validated; undefined when it has problems. */
  data?: CohortData;
  /** The members whose content can be checked, by folder name. */
  members: Member[];
  /** Every folder name under people/ that is not ignored, members or not. */
  folders: string[];
  /** Problems with cohort.yaml and with member folders that are not portfolios. */
  problems: ContentProblem[];
}

/** Whether the content folder is a cohort's: cohort.yaml makes it one. */
export function isCohort(contentDir: string): boolean {
  return existsSync(path.join(contentDir, COHORT_FILE));
}

/**
 * Checks cohort.yaml and finds the members. A member folder holds
 * `profile.yaml` (a portfolio's content folder as it is) or `content/` (a
 * Casefolio repository); a folder with neither, or with a name that is no
 * slug, is a problem naming the folder. Names starting with `_` or `.` are
 * passed over, as everywhere in content/.
 */
export function findCohort(contentDir: string, display: (absolute: string) => string): CohortFound {
  const problems: ContentProblem[] = [];
  const cohortFile = path.join(contentDir, COHORT_FILE);
  const data = readCohortFile(cohortFile, display(cohortFile), problems);
  const peopleDir = path.join(contentDir, PEOPLE_DIR);
  const members: Member[] = [];
  const names = existsSync(peopleDir)
    ? readdirSync(peopleDir)
        .filter((name) => !isIgnoredName(name))
        .sort()
    : [];
  for (const name of names) {
    const dir = path.join(peopleDir, name);
    const file = display(dir);
    const real = resolveInside(dir, contentDir);
    if (!real.ok) {
      if (real.problem !== 'missing') {
        problems.push({ file, message: linkProblemMessage('this folder', real.problem, 'folder') });
      }
      continue;
    }
    if (!statSync(real.real).isDirectory()) continue;
    if (!isValidSlug(name)) {
      problems.push({
        file,
        message: `invalid member name "${name}": the folder's name is the member's URL; use lowercase letters, digits and single hyphens, such as "${suggestSlug(name)}"`,
      });
      continue;
    }
    const memberContent = memberContentDir(dir);
    if (memberContent === undefined) {
      problems.push({ file, message: notAMemberMessage(dir) });
      continue;
    }
    members.push({ slug: name, contentDir: memberContent });
  }
  if (names.length === 0) {
    problems.push({
      file: display(peopleDir),
      message: `no members yet: each intern is a folder here holding profile.yaml and case-studies/; add one with "npm run new -- --member <name>"`,
    });
  }
  return { ...(data ? { data } : {}), members, folders: names, problems };
}

/** A member's content folder: the folder itself with a profile, or its repository's content/. */
function memberContentDir(dir: string): string | undefined {
  if (existsSync(path.join(dir, 'profile.yaml'))) return dir;
  const repository = path.join(dir, 'content');
  if (existsSync(path.join(repository, 'profile.yaml'))) return repository;
  return undefined;
}

/** Why a folder under people/ is no member, and what to do. */
function notAMemberMessage(dir: string): string {
  const entries = readdirSync(dir).filter((name) => !isIgnoredName(name));
  if (entries.length === 0) {
    return 'empty member folder: if it is a git submodule, run "git submodule update --init"; otherwise add profile.yaml and case-studies/ (npm run new -- --member <name>)';
  }
  return 'not a member: a member folder holds profile.yaml and case-studies/, or is a Casefolio repository with content/profile.yaml; start its name with "_" to keep it out of the site';
}

function readCohortFile(
  absolute: string,
  file: string,
  problems: ContentProblem[],
): CohortData | undefined {
  const read = readDataFile(absolute);
  if (!read.ok) {
    problems.push({ file, message: afterPath('this file', read) });
    return undefined;
  }
  const parsed = parseYaml(read.text);
  if (!parsed.ok) {
    problems.push({ file, line: parsed.line, message: `invalid YAML: ${parsed.message}` });
    return undefined;
  }
  const checked = schemaProblems(cohortSchema, parsed.yaml, file);
  problems.push(...checked.problems);
  return checked.valid;
}
