import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from '../../../src/dev/debounce.ts';

describe('settle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, after a burst of calls has been quiet for the given time', () => {
    const run = vi.fn();
    const trigger = settle(run, 100);
    trigger();
    vi.advanceTimersByTime(60);
    trigger();
    vi.advanceTimersByTime(60);
    trigger();
    vi.advanceTimersByTime(99);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs again for a later burst', () => {
    const run = vi.fn();
    const trigger = settle(run, 50);
    trigger();
    vi.advanceTimersByTime(50);
    trigger();
    vi.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
