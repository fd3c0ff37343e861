import { describe, expect, it } from 'vitest';
import { contrastRatio, ensureContrast } from '../../src/lib/contrast.ts';

/** The contrast of `colour` on `background`, failing the test when a colour is unreadable. */
function ratio(colour: string, background: string): number {
  const value = contrastRatio(colour, background);
  if (value === undefined) throw new Error(`unreadable colour ${colour} or ${background}`);
  return value;
}

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000', '#fff')).toBe(21);
    expect(contrastRatio('#000000', '#FFFFFF')).toBe(21);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    expect(contrastRatio('#3a7bd5', '#3a7bd5')).toBe(1);
  });

  it('does not depend on the order of the colours', () => {
    expect(contrastRatio('#fff', '#000')).toBe(21);
    expect(contrastRatio('#e36209', '#ffffff')).toBe(contrastRatio('#ffffff', '#e36209'));
  });

  it('matches known WCAG values', () => {
    // #767676 is the lightest grey that passes AA on white; #777777 just misses.
    expect(ratio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(ratio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(ratio('#ff0000', '#ffffff')).toBeCloseTo(4.0, 2);
    expect(ratio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
    // GitHub Light's orange parameters, the reason readable themes exist.
    expect(ratio('#e36209', '#ffffff')).toBeCloseTo(3.49, 2);
  });

  it('reads 3-digit shorthand and ignores an alpha channel', () => {
    expect(contrastRatio('#777', '#fff')).toBe(contrastRatio('#777777', '#ffffff'));
    expect(contrastRatio('777', 'fff')).toBe(contrastRatio('#777777', '#ffffff'));
    expect(contrastRatio('#fff8', '#000')).toBe(21);
    expect(contrastRatio('#ffffff80', '#000000')).toBe(21);
  });

  it('is undefined for colours it cannot read', () => {
    expect(contrastRatio('red', '#fff')).toBeUndefined();
    expect(contrastRatio('#fff', 'rgb(0, 0, 0)')).toBeUndefined();
    expect(contrastRatio('#ggg', '#fff')).toBeUndefined();
    expect(contrastRatio('#12345', '#fff')).toBeUndefined();
  });
});

describe('ensureContrast', () => {
  it('leaves a colour that already passes unchanged', () => {
    expect(ensureContrast('#24292e', '#ffffff')).toBe('#24292e');
    expect(ensureContrast('#767676', '#ffffff')).toBe('#767676');
  });

  it('darkens a colour on a light background until it reaches 4.5:1, keeping its hue', () => {
    const fixed = ensureContrast('#e36209', '#ffffff');
    expect(fixed).toBe('#c15308');
    expect(ratio(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(ratio(fixed, '#ffffff')).toBeLessThan(5);
  });

  it('lightens a colour on a dark background until it reaches 4.5:1', () => {
    const fixed = ensureContrast('#444444', '#1e1e1e');
    expect(fixed).toBe('#858585');
    expect(ratio(fixed, '#1e1e1e')).toBeGreaterThanOrEqual(4.5);
  });

  it('moves #777 one small step darker on white, not all the way to black', () => {
    const fixed = ensureContrast('#777777', '#ffffff');
    expect(fixed).toBe('#717171');
    expect(ratio(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(ratio(fixed, '#ffffff')).toBeLessThan(5);
  });

  it('honours a stricter minimum (AAA 7:1)', () => {
    const fixed = ensureContrast('#e36209', '#ffffff', 7);
    expect(ratio(fixed, '#ffffff')).toBeGreaterThanOrEqual(7);
  });

  it('reaches 4.5:1 for a range of colours on the GitHub light and dark backgrounds', () => {
    const colours = ['#e36209', '#22863a', '#6a737d', '#005cc5', '#d73a49', '#6f42c1', '#ffab70'];
    for (const background of ['#ffffff', '#f6f8fa', '#24292e', '#22272e']) {
      for (const colour of colours) {
        expect(ratio(ensureContrast(colour, background), background)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('returns colours it cannot read unchanged', () => {
    expect(ensureContrast('red', '#ffffff')).toBe('red');
    expect(ensureContrast('#777777', 'transparent')).toBe('#777777');
  });

  it('reaches 4.5:1 on mid-tone backgrounds by moving toward black', () => {
    for (const background of ['#3a7bd5', '#808080']) {
      expect(ratio(ensureContrast('#999999', background), background)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
