// Issue 22's "done when", as one build: a German portfolio
// (tests/fixtures/languages, casefolio({ locale: 'de' })) with a BibTeX file,
// a case study linked to its paper and analytics on. Every string the engine
// writes is German, the publications are on the home page and the résumé,
// the analytics origin is in the policy, and neither the publications nor the
// translations add JavaScript: the German build ships exactly the scripts of
// an English build of the same content without publications. (The Nu HTML Checker validates this fixture in German in
// html-validity.test.ts, axe its pages in tests/e2e/languages.test.ts.)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  listFiles,
  loadPage,
  projectRoot,
  textOf,
  type BuildResult,
} from '../helpers/build.ts';
import { policyOf } from '../helpers/csp.ts';
import { ENGLISH_PHRASES, readable } from '../helpers/languages.ts';
import { runTogetherOnEveryPage } from '../helpers/run-together.ts';

const ANALYTICS = { provider: 'plausible', domain: 'lena.github.io' };
const ARABIC_PAGE = 'case-studies/tawaqqu-al-talab/index.html';

let german: BuildResult;
let english: BuildResult;

beforeAll(async () => {
  german = await buildSite({
    fixture: 'languages',
    env: { CASEFOLIO_TEST_OPTIONS: JSON.stringify({ locale: 'de', analytics: ANALYTICS }) },
  });
  // The same content on an English site and without publications: the German
  // case study says it is German (or the sections lint would ask it for
  // English headings) and cites no paper.
  const content = mkdtempSync(path.join(os.tmpdir(), 'casefolio-english-'));
  cpSync(path.join(projectRoot, 'tests', 'fixtures', 'languages', 'content'), content, {
    recursive: true,
  });
  const study = path.join(content, 'case-studies', 'kundenabwanderung', 'index.mdx');
  writeFileSync(
    study,
    readFileSync(study, 'utf8')
      .replace(/^paper: .*\n/m, '')
      .replace('\n---\n', '\nlocale: de\n---\n'),
  );
  rmSync(path.join(content, 'publications.bib'));
  english = await buildSite({
    label: 'german-research-english',
    fresh: true,
    env: {
      CASEFOLIO_CONTENT_DIR: content,
      CASEFOLIO_TEST_OPTIONS: JSON.stringify({ analytics: ANALYTICS }),
    },
  });
  rmSync(content, { recursive: true, force: true });
}, 600_000);

/** Every script a page loads or holds: external ones by address, inline ones by text. */
function scriptsOf(build: BuildResult, page: string): string[] {
  const $ = loadPage(build.outDir, page);
  return $('script')
    .toArray()
    .map((script) => $(script).attr('src') ?? `inline:${$(script).attr('type') ?? ''}`)
    .sort();
}

describe('a German research portfolio with publications and analytics', () => {
  it('builds, in German on every page but the Arabic case study', () => {
    expect(german.code, german.stderr).toBe(0);
    const pages = listFiles(german.outDir).filter(
      (file) => file.endsWith('.html') && file !== ARABIC_PAGE,
    );
    const left = pages.flatMap((page) => {
      const text = readable(loadPage(german.outDir, page));
      return ENGLISH_PHRASES.filter((phrase) => text.includes(phrase)).map(
        (phrase) => `${page}: "${phrase}"`,
      );
    });
    expect(left, left.join('\n')).toEqual([]);
  });

  it('keeps a space wherever a sentence or a label meets a link, on every page', () => {
    const found = runTogetherOnEveryPage(german.outDir);
    expect(found, found.join('\n')).toEqual([]);
  });

  it('lists the publications on the home page, in German, the owner in bold', () => {
    const $ = loadPage(german.outDir, '');
    const section = $('section[aria-labelledby="publications"]');
    expect(textOf(section.find('h2'))).toBe('Publikationen');
    expect(
      section
        .find('.publication__type')
        .toArray()
        .map((type) => $(type).text()),
    ).toEqual(['Artikel', 'Poster']);
    expect(textOf(section.find('.publication__authors').eq(1))).toBe(
      'L. Beispiel, Anna Schmidt, et al.',
    );
    expect(
      section
        .find('.publication__authors strong')
        .toArray()
        .map((name) => $(name).text()),
    ).toEqual(['Lena Beispiel', 'L. Beispiel']);
    expect(textOf(section.find('.publication__studies'))).toBe(
      'Fallstudie: Kundenabwanderung sechs Wochen im Voraus erkennen',
    );
    expect(textOf(section.find('summary').first())).toBe(
      'BibTeX zu Kundenabwanderung mit kalibriertem Gradient Boosting vorhersagen',
    );
  });

  it('lists them on the résumé and in its JSON Resume, and cites the paper on the case study', () => {
    const resume = loadPage(german.outDir, 'resume/');
    expect(textOf(resume('#resume-publications'))).toBe('Publikationen');
    expect(
      resume('section[aria-labelledby="resume-publications"] .publication__title'),
    ).toHaveLength(2);
    const json = JSON.parse(readFileSync(path.join(german.outDir, 'resume.json'), 'utf8')) as {
      publications: { summary: string }[];
    };
    expect(json.publications[0]?.summary).toBe('Artikel von Lena Beispiel, Jonas Müller');
    const study = loadPage(german.outDir, 'case-studies/kundenabwanderung/');
    expect(textOf(study('.cited-paper'))).toMatch(
      /^Artikel: Kundenabwanderung mit kalibriertem Gradient Boosting vorhersagen \(Tagungsband der GI-Jahrestagung 2025, 2025\) · DOI · Code$/,
    );
  });

  it('puts the analytics script on every page and its origin in the policy', () => {
    const policy = policyOf(german.outDir, '');
    expect(policy.get('script-src')).toContain('https://plausible.io');
    expect(policy.get('connect-src')).toContain('https://plausible.io');
    for (const page of ['', 'resume/', 'case-studies/kundenabwanderung/']) {
      expect(
        loadPage(german.outDir, page)('script[src="https://plausible.io/js/script.js"]'),
      ).toHaveLength(1);
    }
  });

  it('adds no JavaScript for publications or translations: the scripts of English without them', () => {
    expect(english.code, english.stderr).toBe(0);
    expect(loadPage(english.outDir, '')('.publication')).toHaveLength(0);
    for (const page of ['', 'resume/', 'case-studies/kundenabwanderung/', 'search/', '404.html']) {
      expect(scriptsOf(german, page), page).toEqual(scriptsOf(english, page));
    }
    const js = (build: BuildResult) =>
      listFiles(build.outDir)
        .filter((file) => file.endsWith('.js') && !file.startsWith('pagefind/'))
        .map((file) => readFileSync(path.join(build.outDir, file)).length)
        .reduce((sum, bytes) => sum + bytes, 0);
    expect(js(german)).toBe(js(english));
    expect(
      loadPage(german.outDir, '')('section[aria-labelledby="publications"] script'),
    ).toHaveLength(0);
  });
});
