import { describe, expect, it } from 'vitest';
import { readsLowerIsBetter } from '../../../src/content/fairness-lints.ts';

describe('readsLowerIsBetter', () => {
  it('knows error and miss rates, losses and calibration error, as fairlearn and scikit-learn name them', () => {
    for (const column of [
      'false_positive_rate',
      'false_negative_rate',
      'False positive rate',
      'false-discovery-rate',
      'fpr',
      'FNR',
      'error_rate',
      'zero_one_loss',
      'log_loss',
      'mean_absolute_error',
      'rmse',
      'MAE',
      'brier_score',
      'miss_rate',
    ]) {
      expect(readsLowerIsBetter(column), column).toBe(true);
    }
  });

  it('leaves metrics where higher is better, and words that only contain such names', () => {
    for (const column of [
      'recall',
      'precision',
      'selection_rate',
      'true_positive_rate',
      'accuracy',
      'roc_auc',
      'f1',
      'count',
      'terrain',
      'fprint',
      'glossary',
    ]) {
      expect(readsLowerIsBetter(column), column).toBe(false);
    }
  });
});
