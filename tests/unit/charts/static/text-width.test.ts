import { describe, expect, it } from 'vitest';
import { textWidthMeasure } from '../../../../src/charts/static/text-width.ts';

const measure = textWidthMeasure(process.cwd());

describe('textWidthMeasure', () => {
  it('measures Latin text in Noto Sans, kerned as a browser sets it', () => {
    // Chromium's canvas measures these at 12px Noto Sans: 56.24 and 232.67.
    expect(measure('Returning', 'normal 12px Noto Sans')).toBeCloseTo(56.24, 1);
    expect(measure('</script><script>window.__xss=1</script>', '12px x')).toBeCloseTo(232.67, 1);
  });

  it('scales with the font size and widens for bold', () => {
    const regular = measure('Validation', '12px x');
    expect(measure('Validation', '24px x')).toBeCloseTo(regular * 2, 5);
    expect(measure('Validation', 'bold 12px x')).toBeGreaterThan(regular);
  });

  it('measures other scripts from their files, and wide characters a full em', () => {
    expect(measure('Привет', '12px x')).toBeGreaterThan(30);
    expect(measure('准确率', '10px x')).toBe(30);
  });
});
