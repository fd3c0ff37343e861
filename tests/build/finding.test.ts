import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  casefolioCacheDir,
  listFiles,
  loadPage,
  text,
  type BuildResult,
} from '../helpers/build.ts';

/**
 * What the built HTML gives the home page filter and the search page to work
 * with: slugs on every card, controls rendered but hidden (so the page works
 * without JavaScript), and a search page that loads Pagefind from under the
 * base path.
 */

let result: BuildResult;
let based: BuildResult;
beforeAll(async () => {
  result = await buildSite({ fixture: 'valid' });
  based = await buildSite({
    fixture: 'valid',
    args: ['--base', '/portfolio/'],
  });
});

describe('the home page filter markup', () => {
  it('builds', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(based.code, based.stderr).toBe(0);
  });

  it('puts each card’s skill and topic slugs on its list item', () => {
    const $ = loadPage(result.outDir, '');
    const items = $('facet-filter .case-study-list > li')
      .map((_, li) => ({
        href: $(li).find('.card__title a').attr('href'),
        skills: $(li).attr('data-facet-skill'),
        tags: $(li).attr('data-facet-tag'),
      }))
      .get();
    expect(items).toEqual([
      {
        href: '/case-studies/full-study/',
        skills: 'python xgboost sql airflow c-plus-plus c-sharp',
        tags: 'churn classification time-series',
      },
      // `Time Series` and `時系列` keep distinct slugs; duplicates collapse.
      {
        href: '/case-studies/pricing-dashboard/',
        skills: 'sql python',
        tags: 'donnees 時系列 time-series',
      },
      {
        href: '/case-studies/hostile/',
        skills: 'script-alert-4-script',
        tags: 'svg-onload-alert-3',
      },
      { href: '/case-studies/charts-demo/', skills: '', tags: 'charts' },
      { href: '/case-studies/from-artifacts/', skills: '', tags: 'artifacts' },
    ]);
  });

  it('renders the controls hidden: toggle buttons, a hint, a live region and Clear', () => {
    const $ = loadPage(result.outDir, '');
    const controls = $('facet-filter [data-filter-controls]');
    expect(controls).toHaveLength(1);
    expect(controls.attr('hidden')).toBeDefined();
    expect(
      controls
        .find('legend')
        .map((_, legend) => $(legend).text())
        .get(),
    ).toEqual(['Skills', 'Topics']);
    expect(text($, '.filter__hint')).toContain('has all the skills and topics you select');

    const buttons = controls.find('button[data-filter]');
    expect(buttons.length).toBeGreaterThan(0);
    buttons.each((_, button) => {
      expect($(button).attr('type')).toBe('button');
      expect($(button).attr('aria-pressed')).toBe('false');
    });
    const python = controls.find('button[data-filter="skill"][value="python"]');
    // The count is spoken as "(2 case studies)", as on the chips.
    expect(python.text()).toBe('Python (2 case studies)');
    expect(python).toHaveLength(1);

    expect(controls.find('[role="status"]')).toHaveLength(1);
    expect(controls.find('button[data-filter-clear]').text()).toBe('Clear filters');
  });

  it('offers exactly the skills and topics that have pages, by the same slugs', () => {
    const $ = loadPage(result.outDir, '');
    const files = listFiles(result.outDir);
    const values = (kind: string) =>
      $(`button[data-filter="${kind}"]`)
        .map((_, button) => $(button).attr('value'))
        .get()
        .sort();
    const pages = (folder: string) =>
      files
        .filter((file) => file.startsWith(`${folder}/`) && file.endsWith('/index.html'))
        .map((file) => file.slice(folder.length + 1, -'/index.html'.length))
        .sort();
    expect(values('skill')).toEqual(pages('skills'));
    expect(values('tag')).toEqual(pages('tags'));
  });

  it('keeps the chips that link to tag and skill pages for readers without JavaScript', () => {
    const $ = loadPage(result.outDir, '');
    expect($('#browse ~ .chips a[href="/skills/python/"]')).toHaveLength(1);
    expect($('#browse ~ .chips a[href="/tags/churn/"]')).toHaveLength(1);
  });

  it('inlines the filter script on the home page only', () => {
    const home = loadPage(result.outDir, '');
    const inline = home('script[type="module"]:not([src])')
      .map((_, script) => home(script).text())
      .get();
    expect(inline.filter((code) => code.includes('facet-filter'))).toHaveLength(1);
    for (const page of ['tags/churn/', 'skills/python/', 'case-studies/full-study/', 'search/']) {
      const $ = loadPage(result.outDir, page);
      expect($('facet-filter'), page).toHaveLength(0);
      expect($.html().includes('facet-filter'), page).toBe(false);
    }
  });
});

describe('the search page markup', () => {
  it('loads Pagefind through the base path, at run time, on the search page only', () => {
    expect(loadPage(result.outDir, 'search/')('[data-search]').attr('data-bundle')).toBe(
      '/pagefind/',
    );
    expect(loadPage(based.outDir, 'search/')('[data-search]').attr('data-bundle')).toBe(
      '/portfolio/pagefind/',
    );
    for (const file of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind.js']) {
      expect(existsSync(path.join(result.outDir, 'pagefind', file)), file).toBe(true);
    }
    for (const page of ['', 'tags/churn/', 'case-studies/full-study/', '404.html']) {
      const html = readFileSync(
        path.join(result.outDir, page.endsWith('.html') ? page : `${page}index.html`),
        'utf8',
      );
      expect(html.includes('pagefind-ui'), page).toBe(false);
    }
  });

  it('tells readers without JavaScript to browse the full list instead', () => {
    const $ = loadPage(based.outDir, 'search/');
    const fallback = $('noscript').text();
    expect(fallback).toContain('Search needs JavaScript');
    expect(fallback).toContain('href="/portfolio/#case-studies"');
  });

  it('has the dev-server note ready but hidden in the built site', () => {
    const $ = loadPage(result.outDir, 'search/');
    const note = $('[data-search-dev]');
    expect(note.attr('hidden')).toBeDefined();
    expect(text($, '[data-search-dev]')).toContain(
      'Search works in the built site: npm run build && npm run preview',
    );
    expect($('[data-search-unavailable]').attr('hidden')).toBeDefined();
  });

  it('indexes only the case-study articles', () => {
    const entry = JSON.parse(
      readFileSync(path.join(result.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce(
      (sum, language) => sum + language.page_count,
      0,
    );
    const studies = listFiles(result.outDir).filter((file) =>
      /^case-studies\/[^/]+\/index\.html$/.test(file),
    );
    expect(pages).toBe(studies.length);
  });

  it('indexes chart titles and class names but not chart data or confusion counts', () => {
    const content = indexedContent(result.outDir, '/case-studies/charts-demo/');
    expect(content).toContain('Training and validation loss');
    expect(content).toContain('Validation loss flattens after epoch 25.');
    expect(content).toContain('versicolor');
    // Decimal cells of the chart tables and share cells of the confusion matrices.
    const $page = loadPage(result.outDir, 'case-studies/charts-demo/');
    const cells = $page('.chart__data td, .confusion__share')
      .map((_, cell) => $page(cell).text().trim())
      .get()
      .filter((cell) => /^\d+\.\d{2,}$|^\d+\.\d%$/.test(cell));
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter((cell) => content.includes(cell))).toEqual([]);
  });
});

describe('the build’s scratch files', () => {
  it('are gone once the index is published: only the painted cards stay in the cache', () => {
    expect(readdirSync(casefolioCacheDir('valid'))).toEqual(['og']);
  });
});

/** The text Pagefind stored for one page: its fragment is gzip, then a signature, then JSON. */
function indexedContent(outDir: string, url: string): string {
  const dir = path.join(outDir, 'pagefind', 'fragment');
  for (const file of listFiles(dir)) {
    const raw = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string };
    if (fragment.url === url) return fragment.content;
  }
  throw new Error(`no search fragment for ${url}`);
}
