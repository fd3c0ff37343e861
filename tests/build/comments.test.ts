import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetProblems, weighPage } from '../../bench/size.ts';
import { buildSite, listFiles, loadPage, type BuildResult } from '../helpers/build.ts';
import { COMMENTS_BUILD } from '../helpers/comments.ts';
import { policyOf } from '../helpers/csp.ts';

let plain: BuildResult;
let commented: BuildResult;

beforeAll(async () => {
  plain = await buildSite({ fixture: 'valid' });
  commented = await buildSite(COMMENTS_BUILD);
}, 600_000);

const pagesOf = (outDir: string) => listFiles(outDir).filter((file) => file.endsWith('.html'));
const isCaseStudy = (page: string) => /^case-studies\/[^/]+\/index\.html$/.test(page);
/** JavaScript a page loads before a reader touches it, in gzip bytes (bench/size.ts). */
const loadJs = (outDir: string, page: string) => weighPage(outDir, path.join(outDir, page)).js;
/** The code of a page's scripts, inline or loaded (modules they import aside). */
function scriptsOf(outDir: string, page: string): string {
  const $ = loadPage(outDir, page.replace(/index\.html$/, ''));
  return $('script')
    .toArray()
    .map((element) => {
      const src = $(element).attr('src');
      return src ? readFileSync(path.join(outDir, src), 'utf8') : $(element).text();
    })
    .join('\n');
}

describe('comments', () => {
  it('are off by default: no section, no script, no giscus anywhere in the site', () => {
    expect(plain.code).toBe(0);
    for (const file of listFiles(plain.outDir)) {
      if (!/\.(html|js|css|json|xml|txt)$/.test(file)) continue;
      expect(readFileSync(path.join(plain.outDir, file), 'utf8'), file).not.toMatch(/giscus/i);
    }
    const policy = policyOf(plain.outDir, 'case-studies/full-study/');
    expect(policy.has('frame-src')).toBe(false);
    expect(policy.get('style-src')).not.toContain('https:');
  });

  it('end every case study with a button, giscus’s options, and the discussions’ link', () => {
    expect(commented.code, commented.stderr).toBe(0);
    const studies = pagesOf(commented.outDir).filter(isCaseStudy);
    expect(studies.length).toBeGreaterThan(3);
    for (const page of studies) {
      const $ = loadPage(commented.outDir, page.replace(/index\.html$/, ''));
      const section = $('main > section[data-comments]');
      expect(section, page).toHaveLength(1);
      // After the case study itself, out of the search index's body.
      expect(section.prev().is('article.case-study'), page).toBe(true);
      expect(section.attr('data-comments-script')).toBe('https://giscus.app/client.js');
      expect(section.attr('data-giscus-repo')).toBe('ada/portfolio');
      expect(section.attr('data-giscus-repo-id')).toBe('R_kgDOLx4sbw');
      expect(section.attr('data-giscus-category')).toBe('Comments');
      expect(section.attr('data-giscus-category-id')).toBe('DIC_kwDOLx4sb84CeZ3x');
      expect(section.attr('data-giscus-mapping')).toBe('pathname');
      expect(section.attr('data-giscus-emit-metadata')).toBe('0');
      // No fixed theme: the script gives giscus the site's.
      expect(section.attr('data-giscus-theme')).toBeUndefined();
      const button = section.find('button[data-comments-open]');
      expect(button.attr('type')).toBe('button');
      expect(button.attr('aria-expanded')).toBe('false');
      expect(button.text().trim()).toBe('Show comments');
      expect(section.find('a[href="https://github.com/ada/portfolio/discussions"]').length).toBe(2);
      // Nothing from giscus.app until a reader asks.
      expect($('script[src*="giscus"]'), page).toHaveLength(0);
      expect($('link[href*="giscus"], iframe'), page).toHaveLength(0);
    }
  });

  it('add JavaScript to case studies only, within the budget, and none to other pages', () => {
    const pages = pagesOf(commented.outDir);
    const weights = pages.map((page) =>
      weighPage(commented.outDir, path.join(commented.outDir, page)),
    );
    expect(budgetProblems(weights)).toEqual([]);
    for (const page of pages) {
      const added = loadJs(commented.outDir, page) - loadJs(plain.outDir, page);
      if (isCaseStudy(page)) {
        expect(added, page).toBeGreaterThan(0);
        expect(added, page).toBeLessThan(1024);
        expect(scriptsOf(commented.outDir, page), page).toContain('[data-comments]');
      } else {
        expect(added, page).toBe(0);
        // Not even the same weight of other code: the comments module is not there at all.
        expect(scriptsOf(commented.outDir, page), page).not.toContain('[data-comments]');
        expect(loadPage(commented.outDir, page)('[data-comments]'), page).toHaveLength(0);
      }
    }
  });

  it('let giscus’s script, stylesheet and frame through the policy, and nothing else', () => {
    for (const page of ['', 'case-studies/full-study/']) {
      const policy = policyOf(commented.outDir, page);
      expect(policy.get('script-src')?.split(' ')).toContain('https://giscus.app');
      expect(policy.get('style-src')?.split(' ')).toContain('https://giscus.app');
      expect(policy.get('frame-src')).toBe("'self' https://giscus.app");
      expect(policy.get('default-src')).toBe("'self'");
      expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
      expect(policy.has('connect-src')).toBe(false);
    }
  });
});
