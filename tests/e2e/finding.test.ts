import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listFiles, loadPage, readUnzipped } from '../helpers/build.ts';
import {
  describeWithBrowser,
  axeViolations,
  launchChromium,
  openPage,
  type OpenOptions,
} from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { serveBuild } from '../helpers/served-site.ts';

/**
 * Finding work in a real browser: the home page's skill and topic filter, and
 * Pagefind search over the built case studies (drafts never indexed).
 */

const ALL_TITLES = [
  'Predicting subscriber churn 6 weeks ahead',
  'Pricing dashboard for the Données team',
  '<script>window.__xss=1</script> Hostile & <b>bold</b>',
  'Every chart Casefolio draws',
  'Tumour classification from the experiment files',
];
const CHURN = ALL_TITLES[0];
const PRICING = ALL_TITLES[1];

let browser: Browser;
let valid: StaticServer;
let validDir: string;
let drafts: StaticServer;
let draftsDir: string;
let based: StaticServer;

beforeAll(async () => {
  // One at a time: builds share the project's .astro cache.
  ({ outDir: validDir, server: valid } = await serveBuild({ fixture: 'valid' }));
  ({ outDir: draftsDir, server: drafts } = await serveBuild({ fixture: 'drafts' }));
  ({ server: based } = await serveBuild({
    fixture: 'valid',
    args: ['--base', '/portfolio/'],
    base: '/portfolio/',
  }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await valid?.close();
  await drafts?.close();
  await based?.close();
});

/** Errors each opened page reported. */
const pageErrors = new WeakMap<Page, string[]>();

async function open(
  url: string,
  options: OpenOptions & { server?: StaticServer } = {},
): Promise<Page> {
  const opened = await openPage(browser, `${(options.server ?? valid).origin}${url}`, options);
  pageErrors.set(opened.page, opened.errors);
  return opened.page;
}

/** Opens the filter panel, as a reader does with "Filter by skill or topic". */
async function showFilters(page: Page): Promise<void> {
  const panel = page.locator('facet-filter details');
  if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open))) {
    await page.locator('facet-filter summary').click();
  }
}

/** Titles of the cards a reader can see, in order. */
function visibleTitles(page: Page): Promise<string[]> {
  return page
    .locator('.case-study-list > li:visible .card__title')
    .evaluateAll((titles) => titles.map((title) => title.textContent?.trim() ?? ''));
}

function option(page: Page, kind: 'skill' | 'tag', slug: string) {
  return page.locator(`facet-filter button[data-filter="${kind}"][value="${slug}"]`);
}

const status = (page: Page) => page.locator('facet-filter [role="status"]').textContent();

/** Counts main-frame navigations from now on, and leaves a marker a reload would wipe. */
async function watchForReloads(page: Page): Promise<() => Promise<number>> {
  // `load` fires for documents only: history.replaceState (same-document) does not count.
  let navigations = 0;
  page.on('load', () => navigations++);
  await page.evaluate(() => {
    (window as unknown as { __kept: boolean }).__kept = true;
  });
  return async () => {
    const kept = await page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept);
    return kept === true ? navigations : navigations + 1000;
  };
}

describeWithBrowser('the home page filter', () => {
  it('reveals its controls and shows every case study at first', async () => {
    const page = await open('/');
    await showFilters(page);
    await expect(page.locator('facet-filter .filter').isVisible()).resolves.toBe(true);
    expect(await visibleTitles(page)).toEqual(ALL_TITLES);
    expect(await status(page)).toBe('Showing 5 of 5 case studies');
    // It says how filters combine.
    expect(await page.locator('.filter__hint').textContent()).toMatch(/has\s+all\s+the skills/);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('filters by a skill without reloading the page, and puts it in the URL', async () => {
    const page = await open('/');
    await showFilters(page);
    const reloads = await watchForReloads(page);
    await option(page, 'skill', 'python').click();
    expect(await option(page, 'skill', 'python').getAttribute('aria-pressed')).toBe('true');
    expect(await visibleTitles(page)).toEqual([CHURN, PRICING]);
    expect(await status(page)).toBe('Showing 2 of 5 case studies');
    expect(new URL(page.url()).search).toBe('?skill=python');
    expect(await reloads()).toBe(0);
    await page.context().close();
  });

  it('shows only cards with every selected skill and topic, and Clear restores all', async () => {
    const page = await open('/');
    await showFilters(page);
    const reloads = await watchForReloads(page);
    await option(page, 'skill', 'python').click();
    await option(page, 'tag', 'churn').click();
    expect(await visibleTitles(page)).toEqual([CHURN]);
    expect(await status(page)).toBe('Showing 1 of 5 case studies');
    expect(new URL(page.url()).search).toBe('?skill=python&tag=churn');

    // Pressing a chosen option again lets it go.
    await option(page, 'tag', 'churn').click();
    expect(await visibleTitles(page)).toEqual([CHURN, PRICING]);
    await option(page, 'tag', 'charts').click();
    expect(await visibleTitles(page)).toEqual([]);
    expect(await status(page)).toBe(
      'Showing 0 of 5 case studies. None has every selected skill and topic.',
    );

    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await visibleTitles(page)).toEqual(ALL_TITLES);
    expect(await status(page)).toBe('Showing 5 of 5 case studies');
    expect(await page.locator('[aria-pressed="true"]').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    expect(await reloads()).toBe(0);
    await page.context().close();
  });

  it('reads the filter from the URL on load, so a filtered view can be shared', async () => {
    const page = await open('/?skill=python');
    await showFilters(page);
    expect(await option(page, 'skill', 'python').getAttribute('aria-pressed')).toBe('true');
    expect(await visibleTitles(page)).toEqual([CHURN, PRICING]);
    expect(await status(page)).toBe('Showing 2 of 5 case studies');

    // Unicode slugs round-trip through the query string too.
    await page.goto(`${valid.origin}/?tag=${encodeURIComponent('時系列')}&skill=sql`);
    expect(await option(page, 'tag', '時系列').getAttribute('aria-pressed')).toBe('true');
    expect(await option(page, 'skill', 'sql').getAttribute('aria-pressed')).toBe('true');
    expect(await visibleTitles(page)).toEqual([PRICING]);

    // Unknown values are ignored rather than hiding everything.
    await page.goto(`${valid.origin}/?skill=cobol`);
    expect(await visibleTitles(page)).toEqual(ALL_TITLES);
    await page.context().close();
  });

  it('keeps the base path when it updates the URL', async () => {
    const page = await open('/portfolio/', { server: based });
    await showFilters(page);
    await option(page, 'skill', 'sql').click();
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe('/portfolio/?skill=sql');
    expect(await visibleTitles(page)).toEqual([CHURN, PRICING]);
    await page.context().close();
  });

  it('works from the keyboard, with a visible focus ring on real buttons', async () => {
    const page = await open('/');
    await showFilters(page);
    const python = option(page, 'skill', 'python');
    // Tab from the option before it, so the browser treats focus as keyboard focus.
    await option(page, 'skill', 'c-plus-plus').focus();
    await page.keyboard.press('Tab');
    expect(await python.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await python.evaluate((button) => getComputedStyle(button).outlineStyle)).toBe('solid');
    await page.keyboard.press('Space');
    expect(await python.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await python.getAttribute('aria-pressed')).toBe('false');
    expect(await python.evaluate((button) => button.tagName)).toBe('BUTTON');
    await page.context().close();
  });

  it('without JavaScript, shows the full list, hides the controls and keeps the chip links', async () => {
    const page = await open('/?skill=python', { javaScript: false });
    expect(await visibleTitles(page)).toEqual(ALL_TITLES);
    await expect(page.locator('facet-filter .filter').isVisible()).resolves.toBe(false);
    await expect(page.locator('facet-filter button').first().isVisible()).resolves.toBe(false);
    await expect(
      page.locator('.chips a[href="/skills/python/"]').first().isVisible(),
    ).resolves.toBe(true);
    await page.context().close();
  });

  for (const dark of [false, true]) {
    it(`passes axe with the filters shown and in use (${dark ? 'dark' : 'light'})`, async () => {
      const page = await open('/', { dark });
      await showFilters(page);
      expect(await axeViolations(page)).toEqual([]);
      await option(page, 'skill', 'python').click();
      await option(page, 'tag', 'churn').click();
      expect(await axeViolations(page)).toEqual([]);
      expect(pageErrors.get(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('keeps the home page within 10 KiB of gzip JavaScript, with no chart or search code', async () => {
    const $ = loadPage(validDir, '');
    let bytes = 0;
    $('script').each((_, element) => {
      const src = $(element).attr('src');
      const code = src ? readFileSync(path.join(validDir, src), 'utf8') : $(element).text();
      bytes += gzipSync(code).length;
    });
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(10 * 1024);

    // And at run time the browser fetches no script at all beyond the page itself.
    const page = await open('/');
    await showFilters(page);
    await option(page, 'skill', 'python').click();
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(fetched.filter((url) => /\.js(\?|$)|pagefind|chart/i.test(url))).toEqual([]);
    await page.context().close();
  });
});

/** Types a query into Pagefind's box and waits until its message settles on a result count. */
async function search(page: Page, term: string): Promise<string> {
  const input = page.locator('.pagefind-ui__search-input');
  await input.waitFor();
  await input.fill(term);
  const message = page.locator('.pagefind-ui__message');
  await page.waitForFunction(
    (wanted) =>
      new RegExp(`results? for ${wanted}$`, 'i').test(
        document.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '',
      ),
    term,
  );
  const text = (await message.textContent())?.trim() ?? '';
  // The count is shown before the result fragments load: wait for them too.
  if (!/^0 results|^No results/i.test(text)) {
    await page.locator('.pagefind-ui__result-link').first().waitFor();
  }
  return text;
}

function resultLinks(page: Page): Promise<{ text: string; href: string }[]> {
  return page.locator('.pagefind-ui__result-link').evaluateAll((links) =>
    links.map((link) => ({
      text: link.textContent?.trim() ?? '',
      href: link.getAttribute('href') ?? '',
    })),
  );
}

describeWithBrowser('the filter panel', () => {
  it('is closed at first, and opens itself for a shared filtered link', async () => {
    const plain = await open('/');
    expect(await plain.locator('facet-filter details').getAttribute('open')).toBeNull();
    const shared = await open('/?skill=python');
    expect(await shared.locator('facet-filter details').getAttribute('open')).toBe('');
    await plain.context().close();
    await shared.context().close();
  });
});

describeWithBrowser('search', () => {
  it('finds a case study by a word only its body contains, and the result link works', async () => {
    const page = await open('/search/');
    expect(await search(page, 'leakage')).toBe('1 result for leakage');
    const links = await resultLinks(page);
    expect(links[0]).toEqual({ text: CHURN, href: '/case-studies/full-study/' });
    // Screen readers hear the count: it is repeated in a live region.
    await page.waitForFunction(
      () => document.querySelector('[data-search-status]')?.textContent === '1 result for leakage',
    );
    await page.locator('.pagefind-ui__result-link').first().click();
    await page.waitForURL(`${valid.origin}/case-studies/full-study/`);
    expect(await page.locator('h1').textContent()).toBe(CHURN);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('searches for ?q= on load, so a search can be linked to', async () => {
    const page = await open('/search/?q=leakage');
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    expect((await resultLinks(page))[0]?.href).toBe('/case-studies/full-study/');
    await page.context().close();
  });

  it('loads its script and index under the base path and links results through it', async () => {
    const page = await open('/portfolio/search/', { server: based });
    await search(page, 'leakage');
    const [first] = await resultLinks(page);
    expect(first).toEqual({ text: CHURN, href: '/portfolio/case-studies/full-study/' });
    await page.locator('.pagefind-ui__result-link').first().click();
    await page.waitForURL(`${based.origin}/portfolio/case-studies/full-study/`);
    expect(await page.locator('h1').textContent()).toBe(CHURN);
    expect(pageErrors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript, says so and links to the full list', async () => {
    const page = await open('/search/', { javaScript: false });
    const note = page.locator('.search__note').filter({ hasText: 'Search needs JavaScript' });
    await expect(note.isVisible()).resolves.toBe(true);
    expect(await note.locator('a').getAttribute('href')).toBe('/#case-studies');
    await page.context().close();
  });

  for (const dark of [false, true]) {
    it(`passes axe after a search (${dark ? 'dark' : 'light'})`, async () => {
      const page = await open('/search/', { dark });
      await search(page, 'churn');
      expect((await resultLinks(page)).length).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(pageErrors.get(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('never finds a draft', async () => {
    const page = await open('/search/', { server: drafts });
    // The index works on this site: the published study is found...
    expect(await search(page, 'public')).toMatch(/^1 result/);
    // ...but the drafts' canary words are not.
    expect(await search(page, 'CANARY')).toBe('No results for CANARY');
    expect(await resultLinks(page)).toEqual([]);
    await page.context().close();
  });

  it('writes no trace of a draft into the index files', () => {
    const files = listFiles(path.join(draftsDir, 'pagefind'));
    expect(files.some((file) => file.startsWith('fragment/'))).toBe(true);
    // Pagefind gzips its index chunks; look inside them as well as at the raw bytes.
    const contents = files.map((file) => ({
      file,
      text: readUnzipped(path.join(draftsDir, 'pagefind', file)).toString('latin1'),
    }));
    // The published study is in there, so the search below is meaningful.
    expect(contents.some(({ text }) => text.includes('Public body'))).toBe(true);
    expect(
      contents.filter(({ text }) => /7781|canary/i.test(text)).map(({ file }) => file),
    ).toEqual([]);
  });
});
