import { describe, expect, it } from 'vitest';
import { isDisplayDollars, isProseDollars } from '../../../src/math/dollars.ts';

/** Whether the first `$…$` span in `text`, as a parser would pair it, is prose. */
function prose(text: string): boolean {
  const start = text.indexOf('$');
  const end = text.indexOf('$', start + 1) + 1;
  return isProseDollars(text, start, end);
}

describe("isProseDollars: Pandoc's rule for telling money from math", () => {
  it('takes a span with a space inside a dollar sign for prose', () => {
    expect(prose('costs $5 and $10')).toBe(true);
    expect(prose('$94,000 a quarter; a review costs $5')).toBe(true);
    expect(prose('text $ x$ text')).toBe(true);
  });

  it('takes a span whose closing dollar sign is followed by a digit for prose', () => {
    expect(prose('a fee of $5-$10')).toBe(true);
    expect(prose('$5/$10')).toBe(true);
  });

  it('takes everything else for math', () => {
    expect(prose('the loss $L$ here')).toBe(false);
    expect(prose('$x$, then')).toBe(false);
    expect(prose('$\\frac{1}{2}$.')).toBe(false);
  });

  it('always takes $$…$$ for math', () => {
    expect(isProseDollars('$$ x $$', 0, 7)).toBe(false);
    expect(isDisplayDollars('a $$x$$', 2)).toBe(true);
    expect(isDisplayDollars('a $x$', 2)).toBe(false);
  });
});
