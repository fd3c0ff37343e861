import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { caseStudyCard, cohortOgCard, homeCard, ogCardText } from '../../../src/og/card.ts';
import { loadOgFonts, missingGlyphs, ogCardPng } from '../../../src/og/image.ts';
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

  /** Where the card's ink is, column by column: the share of the picture's columns left of its centre that hold any. */
  async function inkLeftOfCentre(
    png: Uint8Array,
  ): Promise<{ bar: 'left' | 'right'; left: number }> {
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) =>
      data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3);
    const background = [...at(600, 5)].join();
    // The accent bar runs the card's full height along one edge.
    const bar = [...at(4, 300)].join() === background ? 'right' : 'left';
    let left = 0;
    let right = 0;
    for (let y = 40; y < info.height - 40; y += 2) {
      for (let x = 40; x < info.width - 40; x += 2) {
        if ([...at(x, y)].join() === background) continue;
        if (x < info.width / 2) left += 1;
        else right += 1;
      }
    }
    return { bar, left: left / (left + right) };
  }

  it('are mirrored in a language written right to left', async () => {
    const arabic = { ...study, title: 'توقع الطلب على الكهرباء', organization: 'شركة الكهرباء' };
    const rtl = await inkLeftOfCentre(ogCardPng(caseStudyCard(arabic, 'ليلى', 'ar')));
    const ltr = await inkLeftOfCentre(ogCardPng(caseStudyCard(arabic, 'ليلى', 'de')));
    expect(rtl.bar).toBe('right');
    expect(ltr.bar).toBe('left');
    // The short lines sit against the right edge: most of the text is right of centre.
    expect(rtl.left).toBeLessThan(0.4);
    expect(ltr.left).toBeGreaterThan(0.6);
  });

  it('keep a number’s sign and percent with it in right-to-left text', () => {
    const card = caseStudyCard(
      {
        ...study,
        metrics: [{ name: 'MAPE', value: 6.1, baseline: 9.4, goal: 'lower' as const, unit: '%' }],
      },
      'ليلى',
      'ar',
    );
    expect(card.metric?.value).toBe('MAPE 6.1\u200e%\u200e');
    expect(card.metric?.delta?.startsWith('\u200e\u2212')).toBe(true);
  });
});
