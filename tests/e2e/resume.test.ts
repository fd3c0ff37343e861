import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithBrowser,
  axeViolations,
  openPage,
  type StaticServer,
} from '../helpers/browser.ts';
import { browseSite, type BrowsedSite } from '../helpers/served-site.ts';

let site: BrowsedSite | undefined;
let browser: Browser;
let server: StaticServer;

// The sample portfolio (tests/fixtures/sample): the résumé must fit it on one sheet.
beforeAll(async () => {
  site = await browseSite();
  ({ browser, server } = site);
});

afterAll(() => site?.close());

async function openResume(options: { dark?: boolean; width?: number } = {}): Promise<Page> {
  const opened = await openPage(browser, `${server.origin}/resume/`, options);
  expect(opened.errors).toEqual([]);
  return opened.page;
}

/**
 * The pages of a PDF, read two ways: the page objects (`/Type /Page`, not the
 * `/Pages` tree nodes) and the page tree's `/Count`. Chromium writes both as
 * plain text outside its compressed content streams.
 */
function pdfPageCounts(pdf: Buffer): { objects: number; count: number | undefined } {
  const text = pdf.toString('latin1');
  const objects = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  const root =
    /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(text) ??
    /\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/.exec(text);
  return { objects, count: root?.[1] === undefined ? undefined : Number(root[1]) };
}

describeWithBrowser('printing the résumé', () => {
  for (const format of ['A4', 'Letter'] as const) {
    it(`fits the sample content on one ${format} page`, async () => {
      const page = await openResume();
      const pdf = await page.pdf({ format, printBackground: false });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfPageCounts(pdf)).toEqual({ objects: 1, count: 1 });
      await page.context().close();
    });
  }

  it('prints the résumé alone: no site header, navigation, footer or download links', async () => {
    const page = await openResume();
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.site-header', '.site-footer', '.skip-link', '.resume-downloads'].map((selector) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).display : 'missing';
      }),
    );
    expect(hidden).toEqual(['none', 'none', 'none', 'none']);
    const fontSize = await page.evaluate(
      () => getComputedStyle(document.querySelector('.resume')!).fontSize,
    );
    // 9.5pt: compact, still readable.
    expect(fontSize).toBe('12.6667px');
    // Skills sit in two columns on paper.
    const columns = await page.evaluate(
      () => getComputedStyle(document.querySelector('.resume__skills')!).gridTemplateColumns,
    );
    expect(columns.split(' ')).toHaveLength(2);
    await page.context().close();
  });

  it('catches a résumé that does not fit (the page count is real)', async () => {
    const page = await openResume();
    await page.addStyleTag({ content: '@media print { .resume { font-size: 20pt !important; } }' });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const { objects, count } = pdfPageCounts(pdf);
    expect(objects).toBeGreaterThan(1);
    expect(count).toBe(objects);
    await page.context().close();
  });
});

describeWithBrowser('the résumé on screen', () => {
  for (const dark of [false, true]) {
    it(`has no axe WCAG 2.1 A/AA violations (${dark ? 'dark' : 'light'})`, async () => {
      const page = await openResume({ dark });
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('has no horizontal scrolling on a 320 px phone', async () => {
    const page = await openResume({ width: 320 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.context().close();
  });
});
