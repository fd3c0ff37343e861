import { describe, expect, it } from 'vitest';
import { isValidSlug, slugifyLabel, suggestSlug } from '../../../src/content/slugs.ts';

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
  it('suggests a valid slug close to the name', () => {
    expect(suggestSlug('Churn Model')).toBe('churn-model');
    expect(suggestSlug('churn_model')).toBe('churn-model');
    expect(suggestSlug('Pricing  Dashboard 2025')).toBe('pricing-dashboard-2025');
    expect(suggestSlug('Prévision')).toBe('prevision');
  });

  it('falls back to a placeholder when nothing is left', () => {
    expect(suggestSlug('時系列')).toBe('case-study');
    expect(suggestSlug('!!!')).toBe('case-study');
  });

  it('always returns a valid slug', () => {
    for (const name of ['Churn Model', '--x--', 'A/B test', 'ÅÄÖ', '時系列', '2025 Q1']) {
      expect(isValidSlug(suggestSlug(name))).toBe(true);
    }
  });
});
