import { bundledThemes } from 'shiki/themes';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/lib/contrast.ts';
import { readableTheme, type TextMateTheme } from '../../src/lib/readable-theme.ts';

/** The lowest contrast of token colours without their own background. */
function lowestTokenContrast(theme: TextMateTheme, background: string): number {
  const ratios = (theme.tokenColors ?? []).flatMap((rule) =>
    rule.settings?.foreground && !rule.settings.background
      ? [contrastRatio(rule.settings.foreground, background) ?? 0]
      : [],
  );
  return Math.min(...ratios);
}

async function loadTheme(name: 'github-light' | 'github-dark-dimmed'): Promise<TextMateTheme> {
  return (await bundledThemes[name]()).default as unknown as TextMateTheme;
}

describe('readableTheme', () => {
  it('lifts every GitHub Light token colour to 4.5:1 on its background', async () => {
    const theme = await loadTheme('github-light');
    const background = theme.colors?.['editor.background'] ?? '';
    expect(lowestTokenContrast(theme, background)).toBeLessThan(4.5);
    expect(lowestTokenContrast(readableTheme(theme), background)).toBeGreaterThanOrEqual(4.5);
  });

  it('lifts every GitHub Dark Dimmed token colour to 4.5:1 on its background', async () => {
    const theme = await loadTheme('github-dark-dimmed');
    const background = theme.colors?.['editor.background'] ?? '';
    expect(lowestTokenContrast(theme, background)).toBeLessThan(4.5);
    expect(lowestTokenContrast(readableTheme(theme), background)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the rest of the theme, names the copy and does not touch the original', async () => {
    const theme = await loadTheme('github-light');
    const before = structuredClone(theme);
    const readable = readableTheme(theme);
    expect(readable.name).toBe('github-light-readable');
    expect(readable.type).toBe('light');
    expect(readable.tokenColors).toHaveLength(theme.tokenColors?.length ?? -1);
    expect(readable.tokenColors?.map((rule) => rule.scope)).toEqual(
      theme.tokenColors?.map((rule) => rule.scope),
    );
    expect(theme).toEqual(before);
  });

  it('fixes foregrounds that fail and leaves the ones that pass', () => {
    const readable = readableTheme({
      name: 'mini',
      type: 'light',
      colors: { 'editor.background': '#ffffff', 'editor.foreground': '#999999' },
      tokenColors: [
        { scope: 'variable.parameter', settings: { foreground: '#e36209' } },
        { scope: 'keyword', settings: { foreground: '#d73a49' } },
        { scope: ['markup.changed'], settings: { foreground: '#e36209', background: '#ffebda' } },
        { scope: 'markup.italic' },
      ],
    });
    expect(readable).toEqual({
      name: 'mini-readable',
      type: 'light',
      colors: { 'editor.background': '#ffffff', 'editor.foreground': '#737373' },
      tokenColors: [
        { scope: 'variable.parameter', settings: { foreground: '#c15308' } },
        { scope: 'keyword', settings: { foreground: '#d73a49' } },
        { scope: ['markup.changed'], settings: { foreground: '#aa4a07', background: '#ffebda' } },
        { scope: 'markup.italic' },
      ],
    });
  });

  it('assumes #1e1e1e behind a dark theme and #ffffff behind a light one without colours', () => {
    const dark = readableTheme<TextMateTheme>({
      type: 'dark',
      tokenColors: [{ settings: { foreground: '#444444' } }],
    });
    expect(dark.name).toBe('theme-readable');
    expect(dark.tokenColors?.[0]?.settings?.foreground).toBe('#858585');
    const light = readableTheme({ tokenColors: [{ settings: { foreground: '#777777' } }] });
    const fixed = light.tokenColors?.[0]?.settings?.foreground ?? '';
    expect(contrastRatio(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('honours a stricter minimum', async () => {
    const theme = await loadTheme('github-light');
    const background = theme.colors?.['editor.background'] ?? '';
    expect(lowestTokenContrast(readableTheme(theme, 7), background)).toBeGreaterThanOrEqual(7);
  });
});
