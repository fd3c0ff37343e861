import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  childEnv,
  listFiles,
  loadPage,
  projectRoot,
  runCommand,
  testConfigArgs,
  type BuildResult,
} from '../helpers/build.ts';
import { profilePageErrors } from '../helpers/profile-page.ts';

/**
 * The sample cohort (tests/fixtures/cohort: a dozen members, one a whole
 * Casefolio repository, two sharing a case-study slug) built as a site, and
 * its broken variants: a member with problems stops the build naming the
 * member (tests/fixtures/cohort-broken), or is left out and reported under
 * `onMemberError: skip` (tests/fixtures/cohort-skip).
 */

const SITE = 'https://fellows.example.org';
const FIXTURE = path.join(projectRoot, 'tests/fixtures/cohort/content');

function jsonLd($: cheerio.CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((script) => JSON.parse($(script).html() ?? '') as Record<string, unknown>);
}

/** The member folders of the fixture, and where each keeps its content. */
function fixtureMembers(content = FIXTURE): { slug: string; contentDir: string }[] {
  const people = path.join(content, 'people');
  return readdirSync(people)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .sort()
    .map((slug) => {
      const plain = path.join(people, slug);
      return {
        slug,
        contentDir: existsSync(path.join(plain, 'profile.yaml'))
          ? plain
          : path.join(plain, 'content'),
      };
    });
}

/** A member's case-study slugs, from their folder. */
function studySlugs(contentDir: string): string[] {
  const folder = path.join(contentDir, 'case-studies');
  return readdirSync(folder)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter(
      (name) => !/draft/.test(readFileSync(entryFile(folder, name), 'utf8').split('---')[1] ?? ''),
    )
    .map((name) => name.replace(/\.mdx$/, ''))
    .sort();
}

function entryFile(folder: string, name: string): string {
  return name.endsWith('.mdx') ? path.join(folder, name) : path.join(folder, name, 'index.mdx');
}

describe('the sample cohort', () => {
  let result: BuildResult;
  const members = fixtureMembers();

  beforeAll(async () => {
    result = await buildSite({ fixture: 'cohort', env: { SITE_URL: SITE } });
  });

  it('builds', () => {
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  });

  it('has a dozen members, one of them a whole Casefolio repository', () => {
    expect(members.length).toBeGreaterThanOrEqual(12);
    expect(members.some(({ slug, contentDir }) => contentDir.endsWith(`${slug}/content`))).toBe(
      true,
    );
  });

  it("publishes each member's pages under /people/<member>/, as a single portfolio's", () => {
    const files = new Set(listFiles(result.outDir));
    for (const { slug, contentDir } of members) {
      for (const page of ['', 'resume/']) {
        expect(files.has(`people/${slug}/${page}index.html`), `${slug} ${page}`).toBe(true);
      }
      expect(files.has(`people/${slug}/resume.json`)).toBe(true);
      for (const study of studySlugs(contentDir)) {
        expect(
          files.has(`people/${slug}/case-studies/${study}/index.html`),
          `${slug} ${study}`,
        ).toBe(true);
        expect(files.has(`people/${slug}/case-studies/${study}/model-card.md`)).toBe(true);
      }
    }
    for (const page of [
      'index.html',
      'case-studies/index.html',
      'search/index.html',
      'people.json',
    ]) {
      expect(files.has(page), page).toBe(true);
    }
    // No single portfolio's pages at the root.
    expect(files.has('resume/index.html')).toBe(false);
    expect([...files].some((file) => /^case-studies\/[^/]+\/index\.html$/.test(file))).toBe(false);
  });

  it('lets two members use the same case-study slug, each page theirs', () => {
    const bySlug = new Map<string, string[]>();
    for (const { slug, contentDir } of members) {
      for (const study of studySlugs(contentDir))
        bySlug.set(study, [...(bySlug.get(study) ?? []), slug]);
    }
    const shared = [...bySlug].find(([, owners]) => owners.length > 1);
    expect(shared, 'two members share a slug in the fixture').toBeDefined();
    const [study, owners] = shared ?? ['', []];
    const bylines = owners.map((owner) =>
      loadPage(
        result.outDir,
        `people/${owner}/case-studies/${study}/`,
      )('.case-study__byline a').attr('href'),
    );
    expect(bylines).toEqual(owners.map((owner) => `/people/${owner}/`));
  });

  it('lists every member on the cohort home, with a card linking their home', () => {
    const $ = loadPage(result.outDir, '');
    const links = $('.members .member__name a')
      .map((_, a) => $(a).attr('href'))
      .get()
      .sort();
    expect(links).toEqual(members.map(({ slug }) => `/people/${slug}/`).sort());
    expect($('facet-filter button[data-filter="skill"]').length).toBeGreaterThan(1);
    expect($('facet-filter button[data-filter="task"]').length).toBeGreaterThan(1);
    expect($('h1').text()).toBe(
      /^name:\s*(.+)$/m
        .exec(readFileSync(path.join(FIXTURE, 'cohort.yaml'), 'utf8'))?.[1]
        ?.replace(/^["']|["']$/g, ''),
    );
  });

  it('gives each member home a ProfilePage and each case study an Article by that member', () => {
    for (const { slug, contentDir } of members) {
      const [page] = jsonLd(loadPage(result.outDir, `people/${slug}/`));
      expect(profilePageErrors(page ?? {}), slug).toEqual([]);
      const person = (page?.['mainEntity'] ?? {}) as Record<string, unknown>;
      expect(person['url']).toBe(`${SITE}/people/${slug}/`);
      const [study] = studySlugs(contentDir);
      if (!study) continue;
      const [article] = jsonLd(loadPage(result.outDir, `people/${slug}/case-studies/${study}/`));
      const author = article?.['author'] as Record<string, unknown> | undefined;
      expect(author?.['@id']).toBe(person['@id']);
      expect(author?.['name']).toBe(person['name']);
    }
  });

  it('writes people.json, every address in it a page of the site', () => {
    const data = JSON.parse(readFileSync(path.join(result.outDir, 'people.json'), 'utf8')) as {
      cohort: { name: string };
      members: {
        id: string;
        name: string;
        headline: string;
        skills: string[];
        url: string;
        resume: Record<string, string>;
        caseStudies: { url: string; modelCard: string; headline?: { value: number } }[];
      }[];
    };
    expect(data.members.map((member) => member.id).sort()).toEqual(members.map(({ slug }) => slug));
    const local = (url: string) => {
      expect(url.startsWith(`${SITE}/`), url).toBe(true);
      const file = url.slice(SITE.length + 1);
      return path.join(
        result.outDir,
        file.endsWith('/') || file === '' ? `${file}index.html` : file,
      );
    };
    for (const member of data.members) {
      expect(member.name.length).toBeGreaterThan(0);
      for (const url of [member.url, ...Object.values(member.resume)]) {
        expect(existsSync(local(url)), url).toBe(true);
      }
      for (const study of member.caseStudies) {
        expect(existsSync(local(study.url)), study.url).toBe(true);
        expect(existsSync(local(study.modelCard)), study.modelCard).toBe(true);
      }
    }
  });

  it('writes the report of the members built, linked from no page', () => {
    const report = JSON.parse(
      readFileSync(path.join(result.outDir, '_casefolio/report.json'), 'utf8'),
    );
    expect(report.built).toEqual(members.map(({ slug }) => slug));
    expect(report.skipped).toEqual([]);
    for (const file of listFiles(result.outDir).filter((name) => name.endsWith('.html'))) {
      expect(readFileSync(path.join(result.outDir, file), 'utf8'), file).not.toContain(
        '_casefolio/report.json',
      );
    }
  });

  it('indexes every member and case study for search, with member, track and skill filters', () => {
    const filters = listFiles(path.join(result.outDir, 'pagefind')).filter((file) =>
      file.startsWith('filter/'),
    );
    expect(filters.length).toBeGreaterThan(0);
    const entry = JSON.parse(
      readFileSync(path.join(result.outDir, 'pagefind/pagefind-entry.json'), 'utf8'),
    );
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce(
      (sum, language) => sum + language.page_count,
      0,
    );
    const studies = members.reduce((sum, { contentDir }) => sum + studySlugs(contentDir).length, 0);
    expect(pages).toBe(studies + members.length);
  });
});

describe('a cohort with a broken member', () => {
  it('stops the build with lines that start with the member’s path, and builds nothing', async () => {
    const result = await buildSite({ fixture: 'cohort-broken' });
    expect(result.code).toBe(1);
    const output = `${result.stdout}\n${result.stderr}`;
    const lines = output
      .split('\n')
      .filter((line) => /^tests\/fixtures\/cohort-broken\//.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) {
      expect(line).toMatch(
        /^tests\/fixtures\/cohort-broken\/content\/people\/[a-z0-9-]+\/\S+:\d+: /,
      );
    }
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(listFiles(result.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
  });

  it('is left out under onMemberError: skip, the rest built and the report saying why', async () => {
    const result = await buildSite({ fixture: 'cohort-skip' });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code, output).toBe(0);
    const report = JSON.parse(
      readFileSync(path.join(result.outDir, '_casefolio/report.json'), 'utf8'),
    ) as {
      built: string[];
      skipped: { member: string; problems: string[] }[];
    };
    expect(report.skipped.length).toBeGreaterThanOrEqual(1);
    for (const { member, problems } of report.skipped) {
      expect(output).toContain(`left out ${member}`);
      expect(existsSync(path.join(result.outDir, 'people', member))).toBe(false);
      for (const problem of problems) {
        expect(problem).toMatch(
          new RegExp(`^tests/fixtures/cohort-skip/content/people/${member}/\\S+`),
        );
        expect(output).toContain(problem);
      }
    }
    for (const member of report.built) {
      expect(existsSync(path.join(result.outDir, 'people', member, 'index.html')), member).toBe(
        true,
      );
    }
  });

  it('gets one row per member from npm run check, with their errors', async () => {
    const content = path.join(projectRoot, 'tests/fixtures/cohort-broken/content');
    const check = await runCommand(
      process.execPath,
      ['src/authoring/check.ts', ...testConfigArgs],
      {
        cwd: projectRoot,
        env: childEnv({ CASEFOLIO_CONTENT_DIR: content }),
      },
    );
    expect(check.code).toBe(1);
    const table = check.stdout.split('\n').filter((line) => /^\S+\s+\S/.test(line));
    const header = table.find((line) => line.startsWith('member'));
    expect(header).toMatch(/^member\s+track\s+studies\s+errors\s+warnings/);
    for (const { slug } of fixtureMembers(content)) {
      expect(
        table.some((line) => line.startsWith(`${slug} `)),
        slug,
      ).toBe(true);
    }
  });
  it('fails npm run check only for what would stop the build, under onMemberError: skip', async () => {
    const content = path.join(projectRoot, 'tests/fixtures/cohort-skip/content');
    const check = await runCommand(
      process.execPath,
      ['src/authoring/check.ts', ...testConfigArgs],
      {
        cwd: projectRoot,
        env: childEnv({ CASEFOLIO_CONTENT_DIR: content }),
      },
    );
    // The members' problems are printed, and the workflow's check step lets the build go on.
    expect(check.stderr).toMatch(
      /^tests\/fixtures\/cohort-skip\/content\/people\/[a-z-]+\/\S+:\d+: /m,
    );
    expect(check.stdout).toContain('onMemberError is skip');
    expect(check.code).toBe(0);
  });
});
