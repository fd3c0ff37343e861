import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, loadPage, projectRoot, type BuildResult } from '../helpers/build.ts';

/**
 * The README's URL table against a real build of the sample (a copy of
 * tests/fixtures/sample/content with a PDF résumé added, built with SITE_URL
 * set, so every URL the table promises under some setting is there).
 */

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

/** Each URL pattern in the table under `## URLs`, with the page it says it is. */
function urlTable(): { url: string; page: string }[] {
  const section = /^## URLs\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => {
      const [urls = '', page = ''] = line.split('|').slice(1, 3);
      return [...urls.matchAll(/`([^`]+)`/g)].map((match) => ({ url: match[1]!, page }));
    });
}

/** The built file a URL pattern names, as a regular expression: `<slug>` is any one path segment. */
function filePattern(url: string): RegExp {
  const file = (url.endsWith('/') ? `${url}index.html` : url).replace(/^\//, '');
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[a-z]+>/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

let temp: string;
let build: BuildResult;
let files: string[];

beforeAll(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'casefolio-readme-'));
  const content = path.join(temp, 'content');
  cpSync(path.join(projectRoot, 'tests', 'fixtures', 'sample', 'content'), content, {
    recursive: true,
  });
  cpSync(
    path.join(projectRoot, 'tests', 'fixtures', 'valid', 'content', 'resume.pdf'),
    path.join(content, 'resume.pdf'),
  );
  appendFileSync(path.join(content, 'profile.yaml'), 'resume: ./resume.pdf\n');
  build = await buildSite({
    fresh: true,
    label: 'readme-urls',
    env: { CASEFOLIO_CONTENT_DIR: content, SITE_URL: 'https://ada.github.io' },
  });
  files = listFiles(build.outDir);
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe("the README's URL table", () => {
  it('lists URLs, one or more per row', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(urlTable().length).toBeGreaterThan(10);
  });

  it('names only URLs the build makes', () => {
    const missing = urlTable()
      .map(({ url }) => url)
      .filter((url) => !files.some((file) => filePattern(url).test(file)));
    expect(missing).toEqual([]);
  });

  it('names every page the build makes', () => {
    const patterns = urlTable().map(({ url }) => filePattern(url));
    const unlisted = files
      .filter((file) => /\.(html|xml|json|md)$/.test(file))
      .filter((file) => !file.startsWith('pagefind/') && !file.startsWith('_astro/'))
      // The sitemap index points at its numbered parts; the table names the index.
      .filter((file) => !/^sitemap-\d+\.xml$/.test(file))
      .filter((file) => !patterns.some((pattern) => pattern.test(file)));
    expect(unlisted).toEqual([]);
  });

  it('makes a case-study preview image for every case study, and the pages share the home one', () => {
    const studies = files.filter((file) => /^case-studies\/[^/]+\/index\.html$/.test(file));
    const images = files.filter((file) => file.startsWith('og/'));
    expect(images.sort()).toEqual(
      ['og/home.png', ...studies.map((file) => `og/${path.dirname(file)}.png`)].sort(),
    );
    const image = (page: string) => loadPage(build.outDir, page)('meta[property="og:image"]');
    expect(image('/resume/').attr('content')).toBe('https://ada.github.io/og/home.png');
  });

  it('links the PDF résumé from /resume/ as the Résumé section says', () => {
    const resume = loadPage(build.outDir, '/resume/');
    expect(resume('a[href="/resume.pdf"]').text().trim()).toBe('PDF résumé');
    expect(resume('a[href="/resume.json"]').text().trim()).toBe('JSON Resume');
    const home = loadPage(build.outDir, '/');
    expect(home('header a[href="/resume/"]').text().trim()).toBe('Résumé');
  });
});
