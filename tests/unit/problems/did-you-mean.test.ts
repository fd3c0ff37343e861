import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../../src/problems/did-you-mean.ts';

const fields = ['name', 'description', 'source', 'url', 'rows', 'features', 'access', 'license'];

describe('didYouMean', () => {
  it('suggests the closest known word for a typo', () => {
    expect(didYouMean('acess', fields)).toBe('access');
    expect(didYouMean('licence', fields)).toBe('license');
    expect(didYouMean('feature', fields)).toBe('features');
    expect(didYouMean('descripton', fields)).toBe('description');
  });

  it('ignores case but returns the known spelling', () => {
    expect(didYouMean('Summary', ['title', 'summary'])).toBe('summary');
    expect(didYouMean('ROC auc', ['ROC AUC', 'PR AUC'])).toBe('ROC AUC');
  });

  it('suggests nothing when no word is close', () => {
    expect(didYouMean('hyperparameters', fields)).toBeUndefined();
    expect(didYouMean('github', ['repo', 'demo', 'notebook'])).toBeUndefined();
    expect(didYouMean('anything', [])).toBeUndefined();
  });

  it('allows more edits for longer words', () => {
    expect(didYouMean('clasificaton', ['classification', 'regression'])).toBe('classification');
    expect(didYouMean('rgresion', ['classification', 'regression'])).toBe('regression');
  });
});
