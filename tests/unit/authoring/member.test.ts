import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  cohortTracks,
  memberContentDir,
  memberProfile,
  memberSlugProblem,
  scaffoldMember,
  type MemberResult,
} from '../../../src/authoring/member.ts';
import { checkContent } from '../../../src/content/check.ts';
import { formatProblem } from '../../../src/problems/problem.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const starters = {
  profile: readFileSync(path.join(root, 'templates', 'profile.yaml'), 'utf8'),
  cohort: readFileSync(path.join(root, 'templates', 'cohort.yaml'), 'utf8'),
};

let tempDir: string;
let contentDir: string;

beforeEach(() => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'casefolio-member-'));
  contentDir = path.join(tempDir, 'content');
  mkdirSync(contentDir);
});

afterEach(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

/** Paths as the CLI shows them: relative to the temporary folder. */
const show = (absolute: string) => path.relative(tempDir, absolute);

function scaffold(slug: string): MemberResult {
  return scaffoldMember(contentDir, slug, starters, show);
}

function created(result: MemberResult) {
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Every file under the content folder, relative to it, sorted: what a run left behind. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('memberSlugProblem', () => {
  it('takes a slug: lowercase letters, digits and single hyphens', () => {
    expect(memberSlugProblem('ada-lovelace')).toBeUndefined();
    expect(memberSlugProblem('intern-07')).toBeUndefined();
  });

  it('refuses anything else in the content check words, with a slug to use', () => {
    expect(memberSlugProblem('Ada Lovelace')).toBe(
      '--member: invalid slug "Ada Lovelace": use lowercase letters, digits and single hyphens, as in "ada-lovelace"',
    );
    expect(memberSlugProblem('ada--lovelace')).toContain('as in "ada-lovelace"');
    expect(memberSlugProblem('people/ada')).toContain('as in "people-ada"');
  });

  it('suggests nothing when nothing of the name can go in a URL', () => {
    expect(memberSlugProblem('🚲')).toBe(
      '--member: invalid slug "🚲": use lowercase letters, digits and single hyphens',
    );
  });
});

describe('scaffoldMember', () => {
  it('creates the member folder a single portfolio has, and a cohort.yaml', () => {
    const result = created(scaffold('ada-lovelace'));
    expect(filesIn(contentDir)).toEqual([
      'cohort.yaml',
      'people/ada-lovelace/case-studies/.gitkeep',
      'people/ada-lovelace/profile.yaml',
    ]);
    expect(result).toMatchObject({ cohortCreated: true, singlePortfolio: [] });
    expect(readFileSync(result.cohort, 'utf8')).toBe(starters.cohort);
  });

  it('writes a member folder that passes the single-portfolio check as it is', () => {
    created(scaffold('ada-lovelace'));
    const report = checkContent({
      root,
      contentDir: path.join(contentDir, 'people', 'ada-lovelace'),
    });
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.caseStudies).toEqual([]);
  });

  it('writes the starter profile, with only a commented-out track added under the headline', () => {
    const { profile } = created(scaffold('ada-lovelace'));
    const lines = readFileSync(profile, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.startsWith('headline:'));
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '# Your track in the cohort, when cohort.yaml lists tracks. Uncomment and fill in:',
      '# track: Data Science',
    ]);
    lines.splice(at + 1, 2);
    expect(lines.join('\n')).toBe(starters.profile);
  });

  it('keeps an existing cohort.yaml as it is and names its tracks in the profile', () => {
    const cohort = 'name: Summer Lab\ntracks: [ML Engineering, Analytics]\n';
    writeFileSync(path.join(contentDir, 'cohort.yaml'), cohort);
    const result = created(scaffold('grace'));
    expect(result.cohortCreated).toBe(false);
    expect(readFileSync(result.cohort, 'utf8')).toBe(cohort);
    expect(readFileSync(result.profile, 'utf8')).toContain(
      "# Your track in the cohort, one of cohort.yaml's tracks: ML Engineering, Analytics. Uncomment and fill in:\n# track: ML Engineering\n",
    );
  });

  it('names a single portfolio it finds beside the new cohort.yaml, and leaves it alone', () => {
    writeFileSync(path.join(contentDir, 'profile.yaml'), 'name: Maya\nheadline: Intern\n');
    mkdirSync(path.join(contentDir, 'case-studies'));
    const result = created(scaffold('maya'));
    expect(result.singlePortfolio.map(show)).toEqual([
      'content/profile.yaml',
      'content/case-studies',
    ]);
    expect(readFileSync(path.join(contentDir, 'profile.yaml'), 'utf8')).toBe(
      'name: Maya\nheadline: Intern\n',
    );
  });

  it('refuses an existing member, in either form, and writes nothing', () => {
    created(scaffold('ada-lovelace'));
    const profile = path.join(contentDir, 'people', 'ada-lovelace', 'profile.yaml');
    writeFileSync(profile, 'name: Ada\nheadline: Mine\n');
    // A whole Casefolio repository (a git submodule) as the member.
    const submodule = path.join(contentDir, 'people', 'grace', 'content');
    mkdirSync(submodule, { recursive: true });
    writeFileSync(path.join(submodule, 'profile.yaml'), 'name: Grace\nheadline: Hers\n');
    const before = filesIn(contentDir);

    for (const slug of ['ada-lovelace', 'grace']) {
      expect(scaffold(slug)).toEqual({
        ok: false,
        message: `content/people/${slug}/ already exists; to add a case study to it: npm run new -- --member ${slug} --title "..."`,
      });
    }
    expect(filesIn(contentDir)).toEqual(before);
    expect(readFileSync(profile, 'utf8')).toBe('name: Ada\nheadline: Mine\n');
  });

  it('refuses an invalid slug before creating anything', () => {
    expect(scaffold('Ada')).toMatchObject({ ok: false, message: expect.stringContaining('"ada"') });
    expect(existsSync(path.join(contentDir, 'people'))).toBe(false);
    expect(existsSync(path.join(contentDir, 'cohort.yaml'))).toBe(false);
  });
});

describe('memberContentDir', () => {
  const dirOf = (slug: string) => memberContentDir(contentDir, slug, show);

  it('is the folder itself, or its content/ for a whole repository (a git submodule)', () => {
    created(scaffold('ada'));
    const people = path.join(contentDir, 'people');
    expect(dirOf('ada')).toEqual({ ok: true, dir: path.join(people, 'ada') });
    mkdirSync(path.join(people, 'grace', 'content'), { recursive: true });
    writeFileSync(path.join(people, 'grace', 'content', 'profile.yaml'), 'name: Grace\n');
    expect(dirOf('grace')).toEqual({ ok: true, dir: path.join(people, 'grace', 'content') });
  });

  it('refuses a member that does not exist, and a folder with no profile (a submodule not checked out)', () => {
    expect(dirOf('nobody')).toEqual({
      ok: false,
      message:
        'content/people/nobody/ does not exist: add the member first with npm run new -- --member nobody',
    });
    mkdirSync(path.join(contentDir, 'people', 'empty'), { recursive: true });
    expect(dirOf('empty')).toEqual({
      ok: false,
      message:
        'content/people/empty/ has no profile.yaml (nor content/profile.yaml): if it is a git submodule, run git submodule update --init first',
    });
  });
});

describe('cohortTracks and memberProfile', () => {
  it('reads the tracks of cohort.yaml, and none from one that cannot be read', () => {
    expect(cohortTracks('name: X\ntracks:\n  - Data Science\n  - " Analytics "\n')).toEqual([
      'Data Science',
      'Analytics',
    ]);
    expect(cohortTracks('name: X\n')).toEqual([]);
    expect(cohortTracks('tracks: Data Science\n')).toEqual([]);
    expect(cohortTracks('tracks: [a\n')).toEqual([]);
  });

  it('adds the track at the end of a profile without a headline line', () => {
    expect(memberProfile('name: X\n', [])).toBe(
      'name: X\n# Your track in the cohort, when cohort.yaml lists tracks. Uncomment and fill in:\n# track: Data Science\n',
    );
  });
});

describe('the starter cohort (templates/cohort.yaml)', () => {
  it('names the program with a placeholder and leaves every optional field commented out', () => {
    expect(parse(starters.cohort)).toEqual({ name: 'Your Program' });
    for (const field of ['description', 'url', 'year', 'tracks', 'onMemberError']) {
      expect(starters.cohort, field).toMatch(new RegExp(`^# ${field}: `, 'm'));
    }
  });
});
