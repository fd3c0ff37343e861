import { describe, expect, it } from 'vitest';
import { isValidSlug, slugFromEntry, slugifyLabel, suggestSlug } from '../../../src/schemas/slugs.ts';

describe('slugifyLabel', () => {
  it.each([
    ['time series', 'time-series'],
    ['Time Series', 'time-series'],
    ['XGBoost', 'xgboost'],
    ['scikit-learn', 'scikit-learn'],
    ['A/B testing', 'a-b-testing'],
    ['Données', 'donnees'],
    ['Análisis de series temporales', 'analisis-de-series-temporales'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['R&D', 'r-and-d'],
  ])('%j -> %j', (label, slug) => {
    expect(slugifyLabel(label)).toBe(slug);
  });

  it('keeps C++, C# and C apart', () => {
    const slugs = ['C++', 'C#', 'C'].map(slugifyLabel);
    expect(new Set(slugs).size).toBe(3);
  });

  it('keeps the letters of scripts with no Latin transliteration', () => {
    expect(slugifyLabel('時系列')).toBe('時系列');
    expect(slugifyLabel('時系列 予測')).toBe('時系列-予測');
    expect(slugifyLabel('時系列')).not.toBe(slugifyLabel('予測'));
  });

  it('produces URL-safe slugs without leading or trailing hyphens', () => {
    for (const label of ['  churn  ', '--churn--', 'Churn!', '.NET']) {
      expect(slugifyLabel(label)).toMatch(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u);
    }
  });
});

describe('isValidSlug', () => {
  it('follows the contract pattern', () => {
    expect(isValidSlug('churn-model')).toBe(true);
    expect(isValidSlug('churn2-model')).toBe(true);
    expect(isValidSlug('a')).toBe(true);
    expect(isValidSlug('Churn-Model')).toBe(false);
    expect(isValidSlug('churn--model')).toBe(false);
    expect(isValidSlug('-churn')).toBe(false);
    expect(isValidSlug('churn-')).toBe(false);
    expect(isValidSlug('churn_model')).toBe(false);
    expect(isValidSlug('churn model')).toBe(false);
    expect(isValidSlug('')).toBe(false);
  });
});

describe('suggestSlug', () => {
  it.each([
    ['Prédiction de la demande', 'prediction-de-la-demande'],
    ['Données über Straße', 'donnees-ueber-strasse'],
    ['Churn model', 'churn-model'],
    ['XGBoost churn model', 'xgboost-churn-model'],
    ['Search & ranking', 'search-and-ranking'],
  ])('transliterates %j -> %j', (title, slug) => {
    expect(suggestSlug(title)).toBe(slug);
  });

  it.each([
    ['Prédiction 🚲 de la demande!', 'prediction-de-la-demande'],
    ['🚀 Launch: the “new” funnel (v2)?', 'launch-the-new-funnel-v2'],
    ['I ♥ 🦄 data', 'i-data'],
    ['👩‍💻 Pairing 🇫🇷 flags 1️⃣ keycaps 👍🏽', 'pairing-flags-keycaps'],
    ['Churn -- model...', 'churn-model'],
    ["Ada's model, 2025/26", 'adas-model-2025-26'],
  ])('drops emoji and punctuation: %j -> %j', (title, slug) => {
    expect(suggestSlug(title)).toBe(slug);
  });

  it('with a maximum length, cuts a long title on a word boundary', () => {
    const title =
      'Forecasting the weekly demand for shared bicycles in twelve European cities with gradient boosting';
    expect(suggestSlug(title)).toBe(
      'forecasting-the-weekly-demand-for-shared-bicycles-in-twelve-european-cities-with-gradient-boosting',
    );
    const slug = suggestSlug(title, 60);
    expect(slug).toBe('forecasting-the-weekly-demand-for-shared-bicycles-in-twelve');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(isValidSlug(slug)).toBe(true);
  });

  it('cuts a single word longer than the maximum', () => {
    const slug = suggestSlug('x'.repeat(80), 60);
    expect(slug).toBe('x'.repeat(60));
  });

  it('keeps a title of exactly the maximum length whole', () => {
    const title = `${'a'.repeat(29)} ${'b'.repeat(30)}`;
    expect(suggestSlug(title, 60)).toBe(`${'a'.repeat(29)}-${'b'.repeat(30)}`);
  });

  it.each(['', '   ', '🚲🚲', '!!! ???', '!!!', '時系列'])('falls back to case-study for %j', (title) => {
    expect(suggestSlug(title)).toBe('case-study');
  });

  it('suggests a valid slug close to a name that is not one', () => {
    expect(suggestSlug('Churn Model')).toBe('churn-model');
    expect(suggestSlug('churn_model')).toBe('churn-model');
    expect(suggestSlug('Pricing  Dashboard 2025')).toBe('pricing-dashboard-2025');
    expect(suggestSlug('Prévision')).toBe('prevision');
  });

  it('always returns a valid slug', () => {
    for (const title of [
      '-Leading hyphen-',
      'ÆØÅ',
      'A/B test #3',
      '100% uplift',
      '  spaced  out  ',
      '--x--',
      '2025 Q1',
    ]) {
      expect(isValidSlug(suggestSlug(title))).toBe(true);
    }
  });
});

describe('slugFromEntry', () => {
  it('uses the folder name for the folder form and the file name otherwise', () => {
    expect(slugFromEntry('churn-model/index.mdx')).toBe('churn-model');
    expect(slugFromEntry('pricing-dashboard.mdx')).toBe('pricing-dashboard');
    expect(slugFromEntry('index.mdx')).toBe('index');
  });
});
