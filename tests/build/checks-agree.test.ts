import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteOptions } from '../../src/authoring/site-config.ts';
import { planContent } from '../../src/content/plan.ts';
import { recheckContent } from '../../src/dev/recheck.ts';
import { getLiveProblems } from '../../src/dev/live-problems.ts';
import { formatProblem } from '../../src/problems/problem.ts';
import { buildSite, projectRoot, testConfig } from '../helpers/build.ts';
import { checkFixture, problemLines } from '../helpers/check-lines.ts';

/**
 * `npm run check`, `astro build` and `astro dev`'s re-check after a save
 * report exactly the same problems, because all three run `checkAll`
 * (content/check-all.ts): the GPS check of photos included. Over every
 * broken fixture, so whatever a fixture was made to show, the build stops on
 * what the check names and on nothing else (no error of Vite's or Astro's).
 */

function checkLines(fixture: string): string[] {
  const { status, lines } = checkFixture(fixture);
  expect(status).toBe(1);
  return lines;
}

async function buildLines(fixture: string): Promise<string[]> {
  // Fresh for `invalid`: errors.test.ts writes a data file into it, so a shared
  // build made earlier could have seen another folder than this test's check
  // does. The others are the run's shared builds (html-validity.test.ts makes
  // one of every fixture), so no build is made twice.
  const result =
    fixture === 'invalid'
      ? await buildSite({ fixture, fresh: true, label: `checks-agree-${fixture}` })
      : await buildSite({ fixture });
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return problemLines(result.stderr);
}

/** What the dev server's re-check after a save reports, as the overlay gets it. */
async function devRecheckLines(fixture: string): Promise<string[]> {
  const { options, publicDir } = await loadSiteOptions(projectRoot, testConfig);
  const location = {
    root: projectRoot,
    contentDir: path.join(projectRoot, 'tests/fixtures', fixture, 'content'),
    publicDir,
  };
  const logged: string[] = [];
  const logger = { error: (message: string) => logged.push(message), info: () => undefined };
  // The mode `astro dev` runs it in (src/integration.ts): drafts shown, no build.
  await recheckContent(location, { showDrafts: true, forBuild: false, lints: options }, logger);
  const overlay = getLiveProblems().map(formatProblem);
  expect(logged.join('\n').split('\n')).toEqual(overlay);
  return overlay;
}

const fixturesDir = path.join(projectRoot, 'tests', 'fixtures');

/** Every fixture with a content/ folder, one or two levels down: `invalid`, `lints/sections`. */
function contentFixtures(): string[] {
  const found: string[] = [];
  const visit = (relative: string, depth: number) => {
    const dir = path.join(fixturesDir, relative);
    if (existsSync(path.join(dir, 'content'))) found.push(relative);
    else if (depth > 0) {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) visit(path.posix.join(relative, entry.name), depth - 1);
      }
    }
  };
  for (const entry of readdirSync(fixturesDir, { withFileTypes: true })) {
    if (entry.isDirectory()) visit(entry.name, 1);
  }
  return found.sort();
}

/**
 * The fixtures whose errors stop the build, found by the build's own plan (in
 * this process: it takes a second). A cohort that leaves out members with
 * errors (`onMemberError: skip`) builds, so it is not one of them.
 */
async function brokenFixtures(): Promise<string[]> {
  const { options, publicDir } = await loadSiteOptions(projectRoot, testConfig);
  const broken: string[] = [];
  for (const fixture of contentFixtures()) {
    const contentDir = path.join(fixturesDir, fixture, 'content');
    const plan = await planContent(
      { root: projectRoot, contentDir, publicDir },
      { showDrafts: false, forBuild: true, lints: options },
    );
    if (plan.problems.length > 0) broken.push(fixture);
  }
  return broken;
}

const BROKEN = await brokenFixtures();

it('finds the broken fixtures', () => {
  // The ones made to fail, at least: a new broken fixture joins by itself.
  expect(BROKEN).toEqual(
    expect.arrayContaining([
      'build-stoppers',
      'cohort-broken',
      'duplicate-slugs',
      'fairness-broken',
      'gps',
      'invalid',
      'notebook-broken',
    ]),
  );
});

describe.each(BROKEN)('the %s fixture', (fixture) => {
  it('gets the same problem lines from npm run check, the build and the dev re-check', async () => {
    const [check, build, dev] = [
      checkLines(fixture),
      await buildLines(fixture),
      await devRecheckLines(fixture),
    ];
    expect(check.length).toBeGreaterThan(0);
    expect(build).toEqual(check);
    expect(dev).toEqual(check);
    if (fixture === 'gps') {
      expect(check).toContain(
        'tests/fixtures/gps/content/avatar.jpg: the file is a JPEG image with a GPS location in its EXIF data, which would be published; re-export it without location data (for example `exiftool -location:all= FILE`) and build again',
      );
    }
  }, 180_000);
});
