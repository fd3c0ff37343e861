import { describe, expect, it } from 'vitest';
import { dictionary, plural } from '../../../src/i18n/dictionaries.ts';
import { en } from '../../../src/i18n/en.ts';
import { LOCALES, textDirection } from '../../../src/i18n/locales.ts';

/**
 * Every key path of a dictionary, with what kind of value it holds: a string,
 * a function (and how many arguments it takes), a list, or plural forms.
 */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (typeof value === 'string') return [`${path}: string`];
  if (Array.isArray(value)) return [`${path}: list`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => shape(item, `${path}.${key}`));
  }
  return [`${path}: ${typeof value}`];
}

/** Every plain string of a dictionary (plural forms and list items included), by key path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  }
  return [];
}

describe('dictionaries', () => {
  const others = LOCALES.filter((locale) => locale !== 'en');

  it('cover English, Spanish, French, German, Portuguese, Simplified Chinese and Arabic', () => {
    expect([...LOCALES].sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'pt', 'zh-Hans']);
  });

  it.each(others)('%s has exactly the English keys, each of the same kind', (locale) => {
    // Plural forms differ by language by design (Chinese has one, Arabic six): compared as one key.
    const withoutForms = (lines: string[]) => [
      ...new Set(
        lines.map((line) =>
          line.replace(/\.(zero|one|two|few|many|other): string$/, ': plural forms'),
        ),
      ),
    ];
    expect(withoutForms(shape(dictionary(locale)))).toEqual(withoutForms(shape(en)));
  });

  it.each(others)('%s has no empty string and every plural form it needs', (locale) => {
    const words = dictionary(locale);
    for (const [path, text] of strings(words)) expect(text.trim(), path).not.toBe('');
    // Each category the language's plural rules use has its own form.
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const forms of [words.labels.caseStudies, words.chart.tableSummary, words.chart.points]) {
      for (const category of categories)
        expect(forms[category], `${locale} ${category}`).toBeDefined();
    }
  });

  it.each(others)('%s translates the headings a recruiter reads', (locale) => {
    const words = dictionary(locale);
    for (const [path, text] of [
      ['caseStudy.keyResults', words.caseStudy.keyResults],
      ['metric.better', words.metric.better],
      ['resume.experience', words.resume.experience],
      ['notFound.title', words.notFound.title],
      ['search.heading', words.search.heading],
    ] as const) {
      expect(text, path).not.toBe(strings(en).find(([key]) => key === `.${path}`)?.[1]);
    }
    expect(words.sections).toHaveLength(en.sections.length);
  });

  it('recommends German section headings for German case studies', () => {
    expect(dictionary('de').sections).toEqual(['Problem', 'Vorgehen', 'Ergebnisse', 'Wirkung']);
  });

  it('picks plural forms by the language’s rules', () => {
    expect(plural(en.labels.caseStudies, 1, '1', 'en')).toBe('1 case study');
    expect(plural(en.labels.caseStudies, 3, '3', 'en')).toBe('3 case studies');
    expect(plural(dictionary('de').labels.caseStudies, 1, '1', 'de')).toBe('1 Fallstudie');
    expect(plural(dictionary('zh-Hans').labels.caseStudies, 1, '1', 'zh-Hans')).toBe(
      '1 个案例研究',
    );
    const arabic = dictionary('ar').labels.caseStudies;
    expect(plural(arabic, 2, '2', 'ar')).toBe('دراستا حالة');
    expect(plural(arabic, 5, '5', 'ar')).toBe('5 دراسات حالة');
    expect(plural(arabic, 11, '11', 'ar')).toBe('11 دراسة حالة');
  });

  it('reads Arabic right to left and the others left to right', () => {
    for (const locale of LOCALES) {
      expect(textDirection(locale), locale).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    }
    expect(textDirection('he')).toBe('rtl');
  });
});
