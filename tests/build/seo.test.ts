import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  listFiles,
  loadPage,
  readUnzipped,
  type BuildResult,
} from '../helpers/build.ts';
import { profilePageErrors } from '../helpers/profile-page.ts';

const SITE = 'https://ada.example.com';
/** The valid fixture's published case studies (files starting with `_` are not loaded). */
const PUBLISHED = ['charts-demo', 'from-artifacts', 'full-study', 'hostile', 'pricing-dashboard'];

function read(outDir: string, file: string): string {
  return readFileSync(path.join(outDir, file), 'utf8');
}

/** Every built page, as its URL path: `''`, `case-studies/x/`, `404.html`. */
function pages(outDir: string): string[] {
  return listFiles(outDir)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .map((file) => (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file));
}

function meta($: cheerio.CheerioAPI, key: string): string | undefined {
  return $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');
}

/** Width and height from a PNG's IHDR chunk (bytes 16-23), after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function jsonLd($: cheerio.CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((script) => JSON.parse($(script).html() ?? '') as Record<string, unknown>);
}

interface Person {
  '@id': string;
  image?: string;
  [key: string]: unknown;
}

/** The home page's one JSON-LD block, checked to be a ProfilePage, and its Person. */
function profilePage(outDir: string): { page: Record<string, unknown>; person: Person } {
  const blocks = jsonLd(loadPage(outDir, ''));
  expect(blocks).toHaveLength(1);
  const page = blocks[0] ?? {};
  expect(profilePageErrors(page)).toEqual([]);
  return { page, person: page['mainEntity'] as Person };
}

/**
 * The file in the build an absolute image URL points at (the site's base path
 * is the build folder), after checking it is the photo the home page shows.
 */
function avatarFile(outDir: string, imageUrl: string, site: string, base: string): string {
  expect(imageUrl.startsWith(`${site}${base}_astro/`), imageUrl).toBe(true);
  const shown = loadPage(outDir, '')('img.profile__avatar').attr('src');
  expect(`${site}${shown}`).toBe(imageUrl);
  return path.join(outDir, imageUrl.slice(`${site}${base}`.length));
}

/** The `<loc>`s of every sitemap file. */
function sitemapUrls(outDir: string): string[] {
  const files = listFiles(outDir).filter((file) => /^sitemap-\d+\.xml$/.test(file));
  expect(files.length).toBeGreaterThan(0);
  return files.flatMap((file) => {
    const $ = cheerio.load(read(outDir, file), { xml: true });
    return $('url > loc')
      .map((_, loc) => $(loc).text())
      .get();
  });
}

function rssItems(outDir: string): { title: string; link: string; pubDate: string }[] {
  const $ = cheerio.load(read(outDir, 'rss.xml'), { xml: true });
  return $('item')
    .map((_, item) => ({
      title: $(item).children('title').text(),
      link: $(item).children('link').text(),
      pubDate: $(item).children('pubDate').text(),
    }))
    .get();
}

function caseStudyUrls(base: string): string[] {
  return PUBLISHED.map((slug) => `${SITE}${base}case-studies/${slug}/`);
}

describe('sharing and SEO with site set', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'valid', env: { SITE_URL: SITE } });
  });

  it('builds without the missing-site warning', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/site is not set/);
  });

  it('gives every page a unique title and a meta description', () => {
    const all = pages(result.outDir);
    expect(all.length).toBeGreaterThan(10);
    const titles = all.map((page) => loadPage(result.outDir, page)('head > title').text());
    expect(titles.every((title) => title.trim().length > 0)).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
    for (const page of all) {
      const description = meta(loadPage(result.outDir, page), 'description') ?? '';
      expect(description.trim(), page).not.toBe('');
    }
  });

  it("uses the case study's summary as its description", () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    expect(meta($, 'description')).toBe($('.case-study__summary').text());
    expect(meta($, 'description')).toContain('ROC AUC from 0.78 to 0.91');
    expect($('head > title').text()).toBe(
      'Predicting subscriber churn 6 weeks ahead · Ada Fixture',
    );
  });

  it('gives every indexable page an absolute canonical URL, and the 404 page none', () => {
    for (const page of pages(result.outDir)) {
      const $ = loadPage(result.outDir, page);
      const canonical = $('link[rel="canonical"]').attr('href');
      if (page === '404.html') {
        expect(canonical).toBeUndefined();
        expect(meta($, 'robots')).toBe('noindex');
        continue;
      }
      expect(canonical, page).toBe(new URL(page, `${SITE}/`).href);
    }
  });

  it('emits Open Graph and Twitter tags with absolute URLs on every page', () => {
    for (const page of pages(result.outDir)) {
      const $ = loadPage(result.outDir, page);
      const title = $('head > title').text();
      expect(meta($, 'og:title'), page).toBe(title);
      expect(meta($, 'og:description'), page).toBe(meta($, 'description'));
      expect(meta($, 'og:type'), page).toMatch(/^(website|article|profile)$/);
      expect(meta($, 'og:url'), page).toBe(
        new URL(page === '404.html' ? '404/' : page, `${SITE}/`).href,
      );
      expect(meta($, 'og:image'), page).toMatch(new RegExp(`^${SITE}/og/.+\\.png$`));
      expect(meta($, 'og:image:width')).toBe('1200');
      expect(meta($, 'og:image:height')).toBe('630');
      expect(meta($, 'og:image:alt')?.length).toBeGreaterThan(0);
      expect(meta($, 'twitter:card')).toBe('summary_large_image');
      expect(meta($, 'twitter:title')).toBe(title);
      expect(meta($, 'twitter:description')).toBe(meta($, 'description'));
      expect(meta($, 'twitter:image')).toBe(meta($, 'og:image'));
      expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/rss.xml');
    }
  });

  it('points each case study at its own card and says what the card shows', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    expect(meta($, 'og:type')).toBe('article');
    expect(meta($, 'og:image')).toBe(`${SITE}/og/case-studies/full-study.png`);
    expect(meta($, 'og:image:alt')).toBe(
      'Case study: Predicting subscriber churn 6 weeks ahead. Acme Telecom. ROC AUC 0.91 · +0.13 vs baseline.',
    );
    const home = loadPage(result.outDir, '');
    expect(meta(home, 'og:type')).toBe('profile');
    expect(meta(home, 'og:image')).toBe(`${SITE}/og/home.png`);
    expect(meta(loadPage(result.outDir, 'tags/churn/'), 'og:image')).toBe(`${SITE}/og/home.png`);
  });

  it('describes the home page as a ProfilePage whose main entity is the owner', () => {
    const { page, person } = profilePage(result.outDir);
    expect(page).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: `${SITE}/`,
      mainEntity: {
        '@type': 'Person',
        '@id': `${SITE}/#person`,
        name: 'Ada Fixture',
        jobTitle: 'Data science intern · MS Statistics',
        url: `${SITE}/`,
        // The bio as text: its Markdown read, its raw HTML kept as the characters it is.
        description: 'I build careful models. Read my notes. <script>window.__bio=1</script>',
        email: 'ada@example.com',
        homeLocation: { '@type': 'Place', name: 'Lisbon, Portugal' },
        sameAs: ['https://github.com/ada-fixture'],
        knowsAbout: ['Python', 'SQL'],
        image: expect.stringMatching(/\.webp$/),
      },
    });
    // The photo is the optimised copy the page shows, published: not the original with its camera data.
    const file = avatarFile(result.outDir, person.image ?? '', SITE, '/');
    expect(existsSync(file), file).toBe(true);
    expect(readFileSync(file).toString('latin1')).not.toContain('exif-canary');
  });

  it('describes each case study as an Article', () => {
    const [article] = jsonLd(loadPage(result.outDir, 'case-studies/full-study/'));
    expect(article).toMatchObject({
      '@type': 'Article',
      headline: 'Predicting subscriber churn 6 weeks ahead',
      description: expect.stringContaining('ROC AUC from 0.78 to 0.91'),
      url: `${SITE}/case-studies/full-study/`,
      datePublished: '2025-06-01',
      image: `${SITE}/og/case-studies/full-study.png`,
      author: { '@type': 'Person', '@id': `${SITE}/#person`, name: 'Ada Fixture', url: `${SITE}/` },
    });
    // The author is the home page's Person: the same node, by its @id.
    expect(profilePage(result.outDir).person['@id']).toBe(`${SITE}/#person`);
    expect(article?.['keywords']).toEqual(expect.arrayContaining(['churn', 'Python']));
    // Pages without structured data of their own carry none.
    expect(jsonLd(loadPage(result.outDir, 'tags/churn/'))).toEqual([]);
  });

  it('keeps hostile text inert in JSON-LD and still parses it back exactly', () => {
    const $ = loadPage(result.outDir, 'case-studies/hostile/');
    const raw = $('script[type="application/ld+json"]').html() ?? '';
    expect(raw).not.toMatch(/<|>/);
    expect(jsonLd($)[0]?.['headline']).toBe(
      '<script>window.__xss=1</script> Hostile & <b>bold</b>',
    );
  });

  it('generates a 1200x630 PNG card for every case study and the home page', () => {
    const cards = listFiles(path.join(result.outDir, 'og'));
    expect(cards).toEqual([...PUBLISHED.map((slug) => `case-studies/${slug}.png`), 'home.png']);
    for (const card of cards) {
      expect(pngSize(path.join(result.outDir, 'og', card)), card).toEqual({
        width: 1200,
        height: 630,
      });
    }
  });

  it('reports no missing glyphs for the accented and CJK content', () => {
    expect(result.stdout + result.stderr).not.toMatch(/no bundled font has glyphs/);
  });

  it('lists exactly the published case studies in the sitemap', () => {
    const urls = sitemapUrls(result.outDir);
    expect(urls.filter((url) => url.includes('/case-studies/')).sort()).toEqual(caseStudyUrls('/'));
    expect(urls).toContain(`${SITE}/`);
    expect(urls.some((url) => url.includes('404'))).toBe(false);
  });

  it('lists exactly the published case studies in the RSS feed, dated by period start', () => {
    const $ = cheerio.load(read(result.outDir, 'rss.xml'), { xml: true });
    expect($('channel > title').text()).toBe('Ada Fixture');
    expect($('channel > link').text()).toBe(`${SITE}/`);
    const items = rssItems(result.outDir);
    expect(items.map((item) => item.link).sort()).toEqual(caseStudyUrls('/'));
    const churn = items.find((item) => item.link.endsWith('/full-study/'));
    expect(churn).toMatchObject({
      title: 'Predicting subscriber churn 6 weeks ahead',
      pubDate: 'Sun, 01 Jun 2025 00:00:00 GMT',
    });
    const summary = $('item')
      .filter((_, item) => $(item).children('link').text().endsWith('/full-study/'))
      .children('description')
      .text();
    expect(summary).toContain('ROC AUC from 0.78 to 0.91');
  });

  it('writes robots.txt allowing everything, with the sitemap', () => {
    expect(read(result.outDir, 'robots.txt')).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap-index.xml\n`,
    );
    expect(existsSync(path.join(result.outDir, 'sitemap-index.xml'))).toBe(true);
  });

  it('keeps the favicon, and adds no JavaScript to the head (JSON-LD is data)', () => {
    const $ = loadPage(result.outDir, '');
    expect($('link[rel="icon"]').attr('href')).toBe('/favicon.svg');
    expect(existsSync(path.join(result.outDir, 'favicon.svg'))).toBe(true);
    // SEO is markup and data only: no script file or module is loaded from the head.
    expect($('head script[src], head script[type="module"]')).toHaveLength(0);
    expect($('head script[type="application/ld+json"]')).toHaveLength(1);
  });
});

describe('sharing and SEO under a base path', () => {
  let result: BuildResult;
  const base = '/portfolio/';
  beforeAll(async () => {
    result = await buildSite({
      fixture: 'valid',
      env: { SITE_URL: SITE, BASE_PATH: base },
    });
  });

  it('builds', () => {
    expect(result.code, result.stderr).toBe(0);
  });

  it('puts canonical, og:url and og:image under the base path', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}${base}case-studies/full-study/`);
    expect(meta($, 'og:url')).toBe(`${SITE}${base}case-studies/full-study/`);
    expect(meta($, 'og:image')).toBe(`${SITE}${base}og/case-studies/full-study.png`);
    expect(meta($, 'twitter:image')).toBe(`${SITE}${base}og/case-studies/full-study.png`);
    const [article] = jsonLd($);
    expect(article).toMatchObject({
      url: `${SITE}${base}case-studies/full-study/`,
      author: { '@id': `${SITE}${base}#person`, url: `${SITE}${base}` },
    });
    const home = loadPage(result.outDir, '');
    expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe(
      `${base}rss.xml`,
    );
    expect(meta(home, 'og:image')).toBe(`${SITE}${base}og/home.png`);
    expect(jsonLd(home)[0]?.['url']).toBe(`${SITE}${base}`);
  });

  it("gives the home page's Person its address and photo under the base path", () => {
    const { person } = profilePage(result.outDir);
    expect(person).toMatchObject({ '@id': `${SITE}${base}#person`, url: `${SITE}${base}` });
    const file = avatarFile(result.outDir, person.image ?? '', SITE, base);
    expect(existsSync(file), file).toBe(true);
  });

  it('writes the cards where those URLs point', () => {
    for (const slug of PUBLISHED) {
      expect(pngSize(path.join(result.outDir, 'og', 'case-studies', `${slug}.png`))).toEqual({
        width: 1200,
        height: 630,
      });
    }
    expect(pngSize(path.join(result.outDir, 'og', 'home.png'))).toEqual({
      width: 1200,
      height: 630,
    });
  });

  it('lists the case studies under the base path in the sitemap and the RSS feed', () => {
    const urls = sitemapUrls(result.outDir);
    expect(urls.every((url) => url.startsWith(`${SITE}${base}`))).toBe(true);
    expect(urls.filter((url) => url.includes('/case-studies/')).sort()).toEqual(
      caseStudyUrls(base),
    );
    expect(
      rssItems(result.outDir)
        .map((item) => item.link)
        .sort(),
    ).toEqual(caseStudyUrls(base));
    const $ = cheerio.load(read(result.outDir, 'rss.xml'), { xml: true });
    expect($('channel > link').text()).toBe(`${SITE}${base}`);
  });

  it('points robots.txt at the sitemap under the base path', () => {
    expect(read(result.outDir, 'robots.txt')).toContain(`Sitemap: ${SITE}${base}sitemap-index.xml`);
  });
});

describe('sharing and SEO without site', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'valid' });
  });

  it('builds, with a warning that names the fix', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/site is not set.*Set SITE_URL/s);
  });

  it('falls back to site-relative URLs and no canonical', () => {
    const $ = loadPage(result.outDir, 'case-studies/full-study/');
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect(meta($, 'og:url')).toBe('/case-studies/full-study/');
    expect(meta($, 'og:image')).toBe('/og/case-studies/full-study.png');
    expect(jsonLd($)[0]?.['url']).toBe('/case-studies/full-study/');
    expect(jsonLd($)[0]?.['author']).toMatchObject({ '@id': '/#person', url: '/' });
  });

  it("describes the home page's Person with site-relative addresses and no photo", () => {
    const { page, person } = profilePage(result.outDir);
    expect(page['url']).toBe('/');
    expect(person).toMatchObject({ '@id': '/#person', url: '/', name: 'Ada Fixture' });
    // An image is an absolute address; without the site's, there is none to give.
    expect(person.image).toBeUndefined();
  });

  it('still writes a feed, with site-relative links rather than a made-up host', () => {
    const feed = read(result.outDir, 'rss.xml');
    expect(feed).not.toMatch(/casefolio\.invalid|localhost/);
    expect(
      rssItems(result.outDir)
        .map((item) => item.link)
        .sort(),
    ).toEqual(PUBLISHED.map((slug) => `/case-studies/${slug}/`));
  });

  it('writes robots.txt without a Sitemap line', () => {
    expect(read(result.outDir, 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
  });
});

describe('drafts in sharing and SEO output', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'drafts', env: { SITE_URL: SITE } });
  });

  it('builds', () => {
    expect(result.code, result.stderr).toBe(0);
  });

  it('leaves drafts out of the feed, the sitemap, the cards and robots.txt', () => {
    const files = listFiles(result.outDir).filter(
      (file) =>
        file === 'rss.xml' ||
        file === 'robots.txt' ||
        /^sitemap-.*\.xml$/.test(file) ||
        file.startsWith('og/'),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'og/case-studies/published-study.png',
        'og/home.png',
        'robots.txt',
        'rss.xml',
        'sitemap-0.xml',
        'sitemap-index.xml',
      ]),
    );
    expect(files.filter((file) => file.startsWith('og/'))).toEqual([
      'og/case-studies/published-study.png',
      'og/home.png',
    ]);
    for (const file of files) {
      const text = readUnzipped(path.join(result.outDir, file)).toString('latin1');
      expect(/7781|canary|secret-draft|single-draft/i.test(text), file).toBe(false);
    }
    expect(rssItems(result.outDir).map((item) => item.link)).toEqual([
      `${SITE}/case-studies/published-study/`,
    ]);
    expect(sitemapUrls(result.outDir).filter((url) => url.includes('/case-studies/'))).toEqual([
      `${SITE}/case-studies/published-study/`,
    ]);
  });
});
