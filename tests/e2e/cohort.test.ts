import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  axeViolations,
  describeWithBrowser,
  openPage,
  type OpenOptions,
} from '../helpers/browser.ts';
import { browseSite, type BrowsedSite } from '../helpers/served-site.ts';

/**
 * The sample cohort (tests/fixtures/cohort) in a real browser: the cohort
 * home's facets (two skills at once, the URL shared and opened again, the
 * selection removed again), the keyboard, sorting, the page without
 * JavaScript, and axe in light and dark on the cohort's pages.
 */

let site: BrowsedSite;

beforeAll(async () => {
  site = await browseSite({ fixture: 'cohort' });
});

afterAll(async () => {
  await site?.close();
});

async function open(url: string, options: OpenOptions = {}) {
  const opened = await openPage(site.browser, `${site.server.origin}${url}`, options);
  return opened;
}

/** The names on the people cards a reader sees, in order. */
function visibleNames(page: Page): Promise<string[]> {
  return page
    .locator('.members > li:not([hidden]) .member__name')
    .evaluateAll((names) => names.map((name) => name.textContent?.trim() ?? ''));
}

/** Every card's name and skill slugs, as the server wrote them. */
function cards(page: Page): Promise<{ name: string; skills: string[]; track: string }[]> {
  return page.locator('.members > li').evaluateAll((items) =>
    items.map((item) => ({
      name: item.querySelector('.member__name')?.textContent?.trim() ?? '',
      skills: (item.getAttribute('data-facet-skill') ?? '').split(' ').filter(Boolean),
      track: item.querySelector('.member__track')?.textContent?.replace('Track:', '').trim() ?? '',
    })),
  );
}

/** Two skills that some people share and not everyone has: what a recruiter would narrow by. */
async function twoSkills(page: Page): Promise<{ skills: [string, string]; expected: string[] }> {
  const all = await cards(page);
  const slugs = [...new Set(all.flatMap((card) => card.skills))];
  for (const first of slugs) {
    for (const second of slugs) {
      if (first >= second) continue;
      const expected = all
        .filter((card) => card.skills.includes(first) && card.skills.includes(second))
        .map((card) => card.name);
      if (expected.length > 0 && expected.length < all.length - 1) {
        return { skills: [first, second], expected };
      }
    }
  }
  throw new Error('the sample cohort has no two skills that narrow the people');
}

const option = (page: Page, kind: string, value: string) =>
  page.locator(`facet-filter button[data-filter="${kind}"][value="${value}"]`);

describeWithBrowser('the cohort home', () => {
  it('narrows the people to those with both of two skills, in a URL that opens the same grid', async () => {
    const { page, context, errors } = await open('/');
    const everyone = await visibleNames(page);
    expect(everyone.length).toBeGreaterThanOrEqual(12);
    const { skills, expected } = await twoSkills(page);
    await page.locator('facet-filter summary').click();
    await option(page, 'skill', skills[0]).click();
    await option(page, 'skill', skills[1]).click();
    expect(await visibleNames(page)).toEqual(expected);
    await expect(page.locator('facet-filter [role="status"]').textContent()).resolves.toBe(
      `Showing ${expected.length} of ${everyone.length} people`,
    );
    // The pressed options' counts say how many show; the selection is listed, each removable.
    await expect(
      option(page, 'skill', skills[0]).locator('[data-count]').textContent(),
    ).resolves.toBe(String(expected.length));
    await expect(page.locator('[data-filter-active] button').count()).resolves.toBe(2);
    const shared = page.url();
    expect(new URL(shared).searchParams.getAll('skill').sort()).toEqual([...skills].sort());

    // Opened by someone else: the same filtered grid, the options shown pressed.
    const other = await open(new URL(shared).pathname + new URL(shared).search);
    expect(await visibleNames(other.page)).toEqual(expected);
    for (const skill of skills) {
      await expect(option(other.page, 'skill', skill).getAttribute('aria-pressed')).resolves.toBe(
        'true',
      );
    }
    expect(await other.page.locator('facet-filter details').getAttribute('open')).toBe('');
    await other.context.close();

    // Removing one from the list of selected filters widens the grid again.
    const chip = page.locator('[data-filter-active] button').first();
    const removed = await chip.getAttribute('value');
    await chip.click();
    expect(new URL(page.url()).searchParams.getAll('skill')).toEqual(
      skills.filter((skill) => skill !== removed),
    );
    expect((await visibleNames(page)).length).toBeGreaterThanOrEqual(expected.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is used from the keyboard alone', async () => {
    const { page, context } = await open('/');
    await page.locator('facet-filter summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = page.locator('facet-filter button[data-filter]:focus');
    await expect(focused.count()).resolves.toBe(1);
    await page.keyboard.press('Space');
    await expect(focused.getAttribute('aria-pressed')).resolves.toBe('true');
    const narrowed = await visibleNames(page);
    // The selected filter's remove button is reachable and works from the keyboard.
    const remove = page.locator('[data-filter-active] button');
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('facet-filter [aria-pressed="true"]').count()).resolves.toBe(0);
    expect((await visibleNames(page)).length).toBeGreaterThanOrEqual(narrowed.length);
    await context.close();
  });

  it('sorts by track, and keeps the order in the URL', async () => {
    const { page, context } = await open('/');
    const all = await cards(page);
    await page.locator('facet-filter summary').click();
    await page.locator('select[data-filter-sort]').selectOption('track');
    const byTrack = await visibleNames(page);
    const tracks = byTrack.map((name) => all.find((card) => card.name === name)?.track ?? '');
    const named = tracks.filter(Boolean);
    expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b, 'en')));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('track');
    await context.close();
  });

  it('shows everyone and links to the skill pages without JavaScript', async () => {
    const { page, context } = await open('/', { javaScript: false });
    const all = await cards(page);
    expect(await visibleNames(page)).toEqual(all.map((card) => card.name));
    await expect(page.locator('facet-filter .filter').isVisible()).resolves.toBe(false);
    await expect(
      page.locator('#browse ~ * a[href^="/skills/"], #browse + * a[href^="/skills/"]').count(),
    ).resolves.toBeGreaterThan(0);
    await context.close();
  });
});

describeWithBrowser("the cohort's pages", () => {
  it('pass axe in light and dark: the cohort home, every case study, a member and their case study', async () => {
    const probe = await open('/');
    const member = await probe.page.locator('.member__name a').first().getAttribute('href');
    await probe.context.close();
    expect(member).toMatch(/^\/people\/[a-z0-9-]+\/$/);
    const memberPage = await open(member ?? '/');
    const study = await memberPage.page.locator('.card__title a').first().getAttribute('href');
    await memberPage.context.close();
    for (const dark of [false, true]) {
      for (const url of ['/', '/case-studies/', member ?? '/', study ?? '/']) {
        const { page, context, errors } = await open(url, { dark });
        const label = `${url} ${dark ? 'dark' : 'light'}`;
        expect(await axeViolations(page), label).toEqual([]);
        // Dark mode is dark: the page's background follows the reader's setting.
        const background = await page.evaluate(() => {
          const body = getComputedStyle(document.body).backgroundColor;
          const transparent = body === 'rgba(0, 0, 0, 0)' || body === 'transparent';
          return transparent ? getComputedStyle(document.documentElement).backgroundColor : body;
        });
        const [red = 0] = /\d+/.exec(background) ?? [];
        expect(Number(red) < 80, `${label}: ${background}`).toBe(dark);
        expect(errors, label).toEqual([]);
        await context.close();
      }
    }
  });

  it('say whose work a case study is, and lead back to them and the cohort', async () => {
    const { page, context } = await open('/case-studies/');
    const byline = page.locator('.card__byline a').first();
    const owner = (await byline.textContent())?.trim() ?? '';
    await page.locator('.card__title a').first().click();
    await expect(page.locator('.case-study__byline').textContent()).resolves.toContain(owner);
    await page.locator('.case-study__byline a').click();
    await expect(page.locator('h1').textContent()).resolves.toBe(owner);
    await page.locator('.profile__cohort a').click();
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });
  it('searches everyone: a member is found by name, and results narrow by member, track and skill', async () => {
    const probe = await open('/');
    const name = (await probe.page.locator('.member__name a').first().textContent())?.trim() ?? '';
    await probe.context.close();
    const { page, context, errors } = await open(`/search/?q=${encodeURIComponent(name)}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    const titles = await page
      .locator('.pagefind-ui__result-link')
      .evaluateAll((links) => links.map((link) => link.textContent?.trim() ?? ''));
    expect(titles).toContain(name);
    const panel = (await page.locator('.pagefind-ui__filter-panel').textContent()) ?? '';
    for (const filter of ['member', 'track', 'skill']) expect(panel).toContain(filter);
    expect(errors).toEqual([]);
    await context.close();
  });
});
