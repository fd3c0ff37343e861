import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, describeWithBrowser } from '../helpers/browser.ts';
import { COMMENTS_BUILD, GISCUS } from '../helpers/comments.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { browseSite, type BrowsedSite } from '../helpers/served-site.ts';

/**
 * giscus in Chromium, without the network: https://giscus.app/** is routed to
 * stand-ins. The client script does what giscus's client.ts does to the page
 * (its stylesheet first in the head, its frame in the `.giscus` box) and
 * records the attributes it was given; the frame records the messages the
 * page sends it.
 */

const CLIENT_STUB = `(() => {
  const script = document.currentScript;
  window.__giscus = { attributes: { ...script.dataset } };
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = 'https://giscus.app/default.css';
  document.head.prepend(style);
  const frame = document.createElement('iframe');
  frame.className = 'giscus-frame';
  frame.title = 'Comments';
  frame.src = 'https://giscus.app/widget?theme=' + encodeURIComponent(script.dataset.theme);
  document.querySelector('.giscus').append(frame);
})();`;

const WIDGET_STUB = `<!doctype html><html lang="en"><title>Comments</title><p>No comments yet.</p>
<script>window.received = []; addEventListener('message', (event) => window.received.push(event.data));</script>`;

const PAGE = '/case-studies/full-study/';

let site: BrowsedSite | undefined;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  site = await browseSite(COMMENTS_BUILD);
  ({ browser, server } = site);
});

afterAll(() => site?.close());

interface CommentsPage {
  page: Page;
  context: BrowserContext;
  /** Every URL of giscus.app the page asked for, in order. */
  requested: string[];
  /** Uncaught exceptions, console errors and refusals of the Content-Security-Policy. */
  errors: string[];
}

/** Opens the case study with giscus.app routed to the stand-ins, before the page's first request. */
async function open(options: { javaScript?: boolean; giscusDown?: boolean } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
  const requested: string[] = [];
  await context.route('https://giscus.app/**', (route) => {
    const url = new URL(route.request().url());
    requested.push(url.href);
    if (options.giscusDown) return route.abort('internetdisconnected');
    const [contentType, body] =
      url.pathname === '/client.js'
        ? ['text/javascript', CLIENT_STUB]
        : url.pathname === '/default.css'
          ? ['text/css', '.giscus-frame { width: 100%; border: 0; }']
          : ['text/html', WIDGET_STUB];
    return route.fulfill({
      contentType,
      body,
      headers: { 'access-control-allow-origin': '*' },
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.origin}${PAGE}`);
  return { page, context, requested, errors } satisfies CommentsPage;
}

const button = (page: Page) => page.locator('button[data-comments-open]');

describeWithBrowser('comments with giscus', () => {
  it('ask nothing of giscus.app until the button is pressed, from the keyboard', async () => {
    const { page, context, requested, errors } = await open();
    await page.waitForLoadState('networkidle');
    expect(requested).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await button(page).getAttribute('aria-expanded')).toBe('false');

    await button(page).focus();
    await page.keyboard.press('Enter');
    await page.locator('iframe.giscus-frame').waitFor();

    expect(requested[0]).toBe('https://giscus.app/client.js');
    expect(requested).toContain('https://giscus.app/default.css');
    const { attributes } = await page.evaluate(
      () => (window as unknown as { __giscus: { attributes: Record<string, string> } }).__giscus,
    );
    expect(attributes).toEqual({
      repo: GISCUS.repo,
      repoId: GISCUS.repoId,
      category: GISCUS.category,
      categoryId: GISCUS.categoryId,
      mapping: 'pathname',
      strict: '0',
      reactionsEnabled: '1',
      emitMetadata: '0',
      inputPosition: 'bottom',
      // No language chosen: the page's.
      lang: 'en',
      // No theme chosen on the site: giscus follows the system, as the site does.
      theme: 'preferred_color_scheme',
    });
    expect(await button(page).getAttribute('aria-expanded')).toBe('true');
    expect(await button(page).isDisabled()).toBe(true);
    // The disabled button hands focus to the comments, not to the page's top.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comments-thread');
    expect(await page.locator('#comments-thread').getAttribute('aria-busy')).toBeNull();
    // Script, stylesheet and frame all passed the Content-Security-Policy.
    expect(errors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('tell giscus the theme the reader toggles to', async () => {
    const { page, context, errors } = await open();
    await button(page).click();
    await page.locator('iframe.giscus-frame').waitFor();
    const frame = page.frameLocator('iframe.giscus-frame');
    await frame.locator('p').waitFor();
    await page.locator('[data-theme-toggle]').click();
    const widget = page.frames().find((each) => each.url().startsWith('https://giscus.app/widget'));
    await expect
      .poll(() => widget?.evaluate(() => (window as unknown as { received: unknown[] }).received))
      .toContainEqual({ giscus: { setConfig: { theme: 'dark' } } });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('say so, link the discussions and let the reader try again when giscus.app cannot be reached', async () => {
    const { page, context } = await open({ giscusDown: true });
    await button(page).click();
    await page.locator('[data-comments-failed]').waitFor();
    expect(await button(page).isDisabled()).toBe(false);
    expect(await button(page).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-comments-failed] a').getAttribute('href')).toBe(
      `https://github.com/${GISCUS.repo}/discussions`,
    );
    expect(
      await page.evaluate(() => document.activeElement?.hasAttribute('data-comments-open')),
    ).toBe(true);
    await context.close();
  });

  it('are left off paper', async () => {
    const { page, context } = await open();
    expect(await page.locator('section[data-comments]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('section[data-comments]').isVisible()).toBe(false);
    await context.close();
  });

  it('link the repository’s Discussions without JavaScript, and show no button that could do nothing', async () => {
    const { page, context, requested } = await open({ javaScript: false });
    const noScript = page.locator('.comments__no-script');
    expect(await noScript.isVisible()).toBe(true);
    expect(await noScript.textContent()).toContain('Comments need JavaScript');
    expect(await noScript.locator('a').getAttribute('href')).toBe(
      `https://github.com/${GISCUS.repo}/discussions`,
    );
    expect(await button(page).isVisible()).toBe(false);
    expect(requested).toEqual([]);
    await context.close();
  });
});
