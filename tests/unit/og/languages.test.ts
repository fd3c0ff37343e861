import { describe, expect, it } from 'vitest';
import { caseStudyCard, cohortOgCard, homeCard, ogCardText } from '../../../src/og/card.ts';
import { loadOgFonts, missingGlyphs } from '../../../src/og/image.ts';
import { LOCALES } from '../../../src/i18n/locales.ts';

/** Link-preview cards in the site's language, or a case study's own, and the fonts to paint them. */
const study = {
  title: 'Churn model',
  organization: 'Acme',
  metrics: [{ name: 'AUC', value: 0.91, baseline: 0.78, goal: 'higher' as const }],
  responsible: { fairness: {} },
};

describe('Open Graph cards in other languages', () => {
  it('say their labels and numbers in the site’s language', () => {
    const card = caseStudyCard(study, 'Lena', 'de');
    expect(card.eyebrow).toBe('Fallstudie · Nach Gruppen ausgewertet');
    expect(card.metric).toEqual({
      value: 'AUC 0,91',
      delta: '+0,13 ggü. Baseline',
      verdict: 'better',
    });
    expect(homeCard({ name: 'Lena', headline: 'Data' }, 3, 'de').metric?.value).toBe(
      '3 Fallstudien',
    );
    expect(cohortOgCard({ name: 'Fellows', year: 2026 }, 1, 'de').card.eyebrow).toBe(
      'Jahrgang 2026',
    );
  });

  it('follow a case study’s own language over the site’s', () => {
    const card = caseStudyCard({ ...study, locale: 'zh-Hans' }, 'Lena', 'de');
    expect(card.eyebrow).toBe('案例研究 · 已按群体评估');
    expect(card.metric?.delta).toBe('+0.13 对比基线');
  });

  // The fonts ship for Latin, Greek, Cyrillic, Arabic and CJK.
  it.each(LOCALES)('have every glyph of their %s labels in the bundled fonts', (locale) => {
    const fonts = loadOgFonts();
    const cards = [
      caseStudyCard(study, 'Lena', locale),
      homeCard({ name: 'Lena', headline: 'Data' }, 2, locale),
      cohortOgCard({ name: 'Fellows', year: 2026 }, 2, locale).card,
    ];
    for (const card of cards) expect(missingGlyphs(ogCardText(card), fonts)).toEqual([]);
  });

  it('have every glyph of Arabic content, as a case study in Arabic writes it', () => {
    const card = caseStudyCard(
      { ...study, title: 'توقع الطلب على الكهرباء قبل أسبوع', organization: 'شركة الكهرباء' },
      'ليلى أحمد',
      'ar',
    );
    expect(missingGlyphs(ogCardText(card), loadOgFonts())).toEqual([]);
  });
});
