import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  listFiles,
  loadPage,
  projectRoot,
  readUnzipped,
  type BuildResult,
} from '../helpers/build.ts';
import { checkContent, checkFixture } from '../helpers/check-lines.ts';
import { ENGLISH_PHRASES, readable, strings } from '../helpers/languages.ts';
import { de } from '../../src/i18n/de.ts';

/**
 * A portfolio with `casefolio({ locale: 'de' })` (tests/fixtures/languages):
 * German content, one case study in Arabic (`locale: ar`). Every string the
 * engine writes must be German, or Arabic on that page; the content is
 * German and Arabic too, so any English phrase left is the engine's.
 */
const GERMAN = { CASEFOLIO_TEST_OPTIONS: JSON.stringify({ locale: 'de' }) };
const ARABIC_PAGE = 'case-studies/tawaqqu-al-talab/index.html';

let built: BuildResult;

beforeAll(async () => {
  built = await buildSite({ fixture: 'languages', env: GERMAN });
}, 600_000);

describe('a portfolio in German (casefolio({ locale: "de" }))', () => {
  const pages = () =>
    listFiles(built.outDir).filter((file) => file.endsWith('.html') && file !== ARABIC_PAGE);

  it('builds', () => {
    expect(built.code, built.stderr).toBe(0);
    expect(pages().length).toBeGreaterThan(10);
  });

  it('writes <html lang="de" dir="ltr"> on every page but the Arabic case study', () => {
    for (const page of pages()) {
      const $ = loadPage(built.outDir, page);
      expect($('html').attr('lang'), page).toBe('de');
      expect($('html').attr('dir'), page).toBe('ltr');
    }
  });

  it('leaves no English phrase of the dictionary in any page’s text', () => {
    expect(ENGLISH_PHRASES).toContain('Key results');
    expect(ENGLISH_PHRASES).toContain('vs baseline');
    const left = pages().flatMap((page) => {
      const text = readable(loadPage(built.outDir, page));
      return ENGLISH_PHRASES.filter((phrase) => text.includes(phrase)).map(
        (phrase) => `${page}: ${phrase}`,
      );
    });
    expect(left).toEqual([]);
  });

  it('says the home page’s words in German', () => {
    const text = readable(loadPage(built.outDir, ''));
    for (const words of [
      'Zum Inhalt springen',
      'Fallstudien',
      'Lebenslauf',
      'Nach Fähigkeit oder Thema stöbern',
      'Portfolio erstellt mit Casefolio',
      'ggü. Baseline 0,78',
      'Juni 2025 – Aug. 2025',
      'Nach Gruppen ausgewertet',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('writes a case study’s headings, numbers, dates and verdicts in German', () => {
    const $ = loadPage(built.outDir, 'case-studies/kundenabwanderung/');
    const text = readable($);
    for (const words of [
      'Auf einen Blick',
      'Wichtigste Ergebnisse',
      '+0,13 (+16,7 %)',
      'besser',
      'schlechter',
      '+23 Pp.',
      'Juni 2025 – Aug. 2025 · 3 Monate',
      '1.200.000',
      'Datensatz',
      'Hyperparameter',
      'Verantwortungsvolles ML',
      'Recall ist am niedrigsten für abroad: 0,6111, gegenüber 0,8636 für domestic (Abstand 0,2525).',
      'Beteiligte',
      'Geschäftlicher Nutzen',
      'Erkenntnis',
      'Datentabelle (2 Zeilen)',
      'Weitere Fallstudien',
    ]) {
      expect(text).toContain(words);
    }
    // The charts drawn at build time label their axes in German numbers too.
    expect($('[data-chart-frame] svg').text()).toMatch(/0,\d/);
  });

  it('writes the résumé, the 404 page, the search page and a topic page in German', () => {
    const resume = readable(loadPage(built.outDir, 'resume/'));
    for (const words of ['Ausgewählte Projekte', 'Berufserfahrung', 'Ausbildung', 'Kenntnisse']) {
      expect(resume).toContain(words);
    }
    expect(resume).toContain('Juni 2025 – Aug. 2025');
    expect(resume).toContain('Okt. 2025 – heute');
    const missing = readable(loadPage(built.outDir, '404.html'));
    expect(missing).toContain('Seite nicht gefunden');
    expect(missing).toContain('Zur Startseite, dort sind alle Fallstudien zu finden.');
    const search = readable(loadPage(built.outDir, 'search/'));
    expect(search).toContain('Fallstudien durchsuchen');
    expect(search).toContain('Die Suche braucht JavaScript.');
    const topic = readable(loadPage(built.outDir, 'tags/abwanderung/'));
    expect(topic).toContain('Thema: Abwanderung');
    expect(topic).toContain('1 Fallstudie');
  });

  it('gives the browser’s scripts their German words as attributes, never as JavaScript', () => {
    const $ = loadPage(built.outDir, '');
    expect($('[data-theme-toggle]').attr('data-label-dark')).toBe(de.theme.toDark);
    expect($('facet-filter').attr('data-showing')).toBe(de.filter.showing);
    // No script the site ships, as a file or inline in a page, holds a German phrase of the dictionary.
    const phrases = strings(de)
      .map(([, phrase]) => phrase)
      .filter((phrase) => /\p{L}\s+\p{L}/u.test(phrase) && !/[{}<]/.test(phrase));
    const files = listFiles(built.outDir);
    const scripts: [string, string][] = [
      ...files
        .filter((file) => file.endsWith('.js'))
        .map((file): [string, string] => [
          file,
          readUnzipped(path.join(built.outDir, file)).toString('utf8'),
        ]),
      ...files
        .filter((file) => file.endsWith('.html'))
        .flatMap((file) => {
          const page = loadPage(built.outDir, file);
          // Data islands (chart data, JSON-LD) hold content, not code.
          return page('script:not([type="application/json"], [type="application/ld+json"])')
            .toArray()
            .map((script, index): [string, string] => [
              `${file} script ${index}`,
              page(script).text(),
            ]);
        }),
    ];
    expect(scripts.length).toBeGreaterThan(0);
    const inScripts = scripts.flatMap(([file, code]) =>
      phrases.filter((phrase) => code.includes(phrase)).map((phrase) => `${file}: ${phrase}`),
    );
    expect(inScripts).toEqual([]);
  });

  it('indexes every case study for search in the site’s language', () => {
    const entries = listFiles(path.join(built.outDir, 'pagefind')).filter((file) =>
      file.startsWith('pagefind-entry'),
    );
    const entry = JSON.parse(
      readFileSync(path.join(built.outDir, 'pagefind', entries[0] ?? ''), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['de']);
    expect(entry.languages['de']?.page_count).toBe(2);
  });
});

describe('a case study in Arabic (locale: ar) in a German portfolio', () => {
  it('is written right to left in Arabic, with the site around it unchanged', () => {
    const $ = loadPage(built.outDir, ARABIC_PAGE);
    expect($('html').attr('lang')).toBe('ar');
    expect($('html').attr('dir')).toBe('rtl');
    const text = readable($);
    for (const words of ['أهم النتائج', 'أفضل', 'مقارنةً بخط الأساس', 'يناير 2025 – مارس 2025']) {
      expect(text).toContain(words);
    }
    const left = ENGLISH_PHRASES.filter((phrase) => text.includes(phrase));
    expect(left).toEqual([]);
    // Its structured data says so too.
    // (readable() took the page's scripts out: read it again.)
    const fresh = loadPage(built.outDir, ARABIC_PAGE);
    const article = JSON.parse(fresh('script[type="application/ld+json"]').text()) as {
      inLanguage?: string;
    };
    expect(article.inLanguage).toBe('ar');
    // Its card on the German home page is in German, its own words marked as Arabic.
    const page = loadPage(built.outDir, '');
    expect(readable(loadPage(built.outDir, ''))).toContain('Jan. 2025 – März 2025');
    const title = page('.card__title[lang="ar"][dir="rtl"]');
    expect(title.text()).toBe('توقّع الطلب على الدراجات المشتركة');
    expect(page('.card__title:not([lang])')).toHaveLength(1);
  });
});

describe('the sections lint in the case study’s language', () => {
  const saved = process.env['CASEFOLIO_TEST_OPTIONS'];
  afterAll(() => {
    if (saved === undefined) delete process.env['CASEFOLIO_TEST_OPTIONS'];
    else process.env['CASEFOLIO_TEST_OPTIONS'] = saved;
  });

  it('asks German case studies for German headings and Arabic ones for Arabic', () => {
    process.env['CASEFOLIO_TEST_OPTIONS'] = GERMAN.CASEFOLIO_TEST_OPTIONS;
    expect(checkFixture('languages')).toEqual({ status: 0, lines: [] });
  });

  it('asks for English headings when the site is English', () => {
    delete process.env['CASEFOLIO_TEST_OPTIONS'];
    expect(checkFixture('languages')).toEqual({
      status: 1,
      lines: [
        'tests/fixtures/languages/content/case-studies/kundenabwanderung/index.mdx:59: missing sections "## Approach", "## Results", "## Impact" (every case study has Problem, Approach, Results, Impact)',
      ],
    });
  });
});

describe('an unknown locale in a case study', () => {
  const copy = path.join(projectRoot, '.tmp', 'languages-unknown-locale');
  const saved = process.env['CASEFOLIO_TEST_OPTIONS'];
  afterAll(() => {
    rmSync(copy, { recursive: true, force: true });
    if (saved === undefined) delete process.env['CASEFOLIO_TEST_OPTIONS'];
    else process.env['CASEFOLIO_TEST_OPTIONS'] = saved;
  });

  it('is one line naming the languages there are', () => {
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy, { recursive: true });
    cpSync(path.join(projectRoot, 'tests/fixtures/languages/content'), copy, { recursive: true });
    const file = path.join(copy, 'case-studies/tawaqqu-al-talab/index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('locale: ar', 'locale: arabic'));
    process.env['CASEFOLIO_TEST_OPTIONS'] = GERMAN.CASEFOLIO_TEST_OPTIONS;
    const result = checkContent(path.relative(projectRoot, copy));
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      '.tmp/languages-unknown-locale/case-studies/tawaqqu-al-talab/index.mdx:7: locale: expected one of "en" | "de" | "es" | "fr" | "pt" | "zh-Hans" | "ar", got "arabic"',
    ]);
  });
});
