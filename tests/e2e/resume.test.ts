import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { checkResumePdf } from '../../src/content/resume-pdf.ts';
import { formatFinding } from '../../src/problems/problem.ts';
import { displayUrl } from '../../src/resume/resume.ts';
import { projectRoot } from '../helpers/build.ts';
import { describeWithBrowser, axeViolations, openPage } from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { readPdf, type PdfLine } from '../helpers/pdf-text.ts';
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

/** The sample's profile, as the intern wrote it. */
const profile = jsYaml.load(
  readFileSync(path.join(projectRoot, 'tests/fixtures/sample/content/profile.yaml'), 'utf8'),
) as { name: string; email: string; links: { label: string; url: string }[] };

/** What the printed page says, read from the page itself with print styles applied. */
interface PrintedPage {
  headings: string[];
  /** Each entry (project, job, degree) as one run of words. */
  entries: string[];
  /** Each skill group as `Group: item, item`. */
  skills: string[];
  /** Every link's target, absolute, in page order. */
  links: string[];
}

async function printedPage(page: Page): Promise<PrintedPage> {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => {
    const words = (element: Element | null) =>
      ((element as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();
    const all = (selector: string) => [...document.querySelectorAll(selector)];
    return {
      headings: all('.resume h2').map(words),
      entries: all('.resume .entry').map(words),
      skills: all('.resume__skills > div').map(
        (group) => `${words(group.querySelector('dt'))}: ${words(group.querySelector('dd'))}`,
      ),
      links: all('.resume a[href]').map((a) => (a as HTMLAnchorElement).href),
    };
  });
}

/** `May 2025 – Aug 2025`, `Sep 2025 – Present`: the dates an entry shows at its right. */
const PERIOD = /^[A-Z][a-z]{2} \d{4}(?: – (?:[A-Z][a-z]{2} \d{4}|Present))?$/;

describeWithBrowser('the printed résumé, read as an applicant-tracking system reads it', () => {
  for (const format of ['A4', 'Letter'] as const) {
    it(`gives name, email and every link as text and as links (${format}), under 2.5 MB`, async () => {
      const page = await openResume();
      const pdf = await page.pdf({ format, printBackground: false });
      const printed = await printedPage(page);
      await page.context().close();
      expect(pdf.length).toBeLessThan(2.5 * 1024 * 1024);

      const read = await readPdf(pdf);
      expect(read.pages).toBe(1);
      const text = read.lines.map((line) => line.text).join('\n');
      // Text, not pictures of text: the name opens the first page.
      expect(read.lines[0]?.text).toBe(profile.name);
      expect(text).toContain(profile.email);
      expect(read.links).toContain(`mailto:${profile.email}`);
      expect(profile.links.length).toBeGreaterThan(1);
      for (const link of profile.links) {
        expect(text).toContain(displayUrl(link.url));
        expect(read.links).toContain(link.url);
      }
      // Every link on the page stays a link on paper: the profiles and each case study.
      expect(read.links).toEqual(printed.links);
      expect(printed.links.filter((link) => link.includes('/case-studies/'))).toHaveLength(4);
    });

    it(`passes npm run check's resume-pdf rule, as the README promises (${format})`, async () => {
      const page = await openResume();
      const pdf = await page.pdf({ format, printBackground: false });
      await page.context().close();
      const root = mkdtempSync(path.join(os.tmpdir(), 'casefolio-printed-resume-'));
      try {
        const contentDir = path.join(root, 'content');
        cpSync(
          path.join(projectRoot, 'tests/fixtures/sample/content/profile.yaml'),
          path.join(contentDir, 'profile.yaml'),
        );
        writeFileSync(path.join(contentDir, 'profile.yaml'), 'resume: ./resume.pdf\n', {
          flag: 'a',
        });
        writeFileSync(path.join(contentDir, 'resume.pdf'), pdf);
        const report = checkContent({ root, contentDir });
        expect(report.problems).toEqual([]);
        expect((await checkResumePdf(report)).map(formatFinding)).toEqual([]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it(`reads in page order in one column (${format})`, async () => {
      const page = await openResume();
      const pdf = await page.pdf({ format, printBackground: false });
      const printed = await printedPage(page);
      await page.context().close();
      const read = await readPdf(pdf);
      const lines: PdfLine[] = read.lines;
      const margin = Math.min(...lines.map((line) => line.segments[0]?.x ?? Infinity));

      // One column: every line starts at the left margin and runs on to its end,
      // except an entry's dates at its right (alone when a long title pushes them down).
      const offColumn = lines.filter((line) => {
        const [first, ...rest] = line.segments;
        if (first && Math.abs(first.x - margin) > 1) {
          return !(line.segments.length === 1 && PERIOD.test(first.text));
        }
        return rest.some((segment) => !PERIOD.test(segment.text));
      });
      expect(offColumn.map((line) => line.text)).toEqual([]);

      // A parser reading the file's drawing order and one reading by position agree.
      expect(read.drawn).toBe(lines.map((line) => line.text).join(' '));

      // The sections in the page's order, each entry and skill group one unbroken run of words.
      expect(printed.headings).toEqual(['SELECTED PROJECTS', 'EXPERIENCE', 'EDUCATION', 'SKILLS']);
      expect(
        lines.filter((line) => printed.headings.includes(line.text)).map((l) => l.text),
      ).toEqual(printed.headings);
      const flowing = lines.map((line) => line.text).join(' ');
      expect(printed.entries).toHaveLength(4 + 3 + 2);
      expect(printed.skills).toHaveLength(4);
      for (const run of [...printed.entries, ...printed.skills]) {
        expect(flowing).toContain(run);
      }
      // Words as typed: no ligature glyph (ﬁ, ﬂ) stands in for two letters.
      expect(read.drawn).not.toMatch(/[\uFB00-\uFB06]/);
      expect(flowing).toContain('Airflow');
    });
  }
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
