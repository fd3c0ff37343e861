import { ensureContrast } from './contrast.ts';

/** The parts of a Shiki/TextMate theme this module reads and rewrites. */
export interface TextMateTheme {
  name?: string;
  type?: string;
  colors?: Record<string, string>;
  tokenColors?: {
    scope?: string | string[];
    settings?: { foreground?: string; background?: string };
  }[];
  [key: string]: unknown;
}

/**
 * A copy of a code theme whose token colours all reach WCAG AA contrast on
 * the theme's own background. Popular themes miss it for a few tokens (the
 * orange parameters of GitHub Light are 3.6:1), which axe reports on every
 * page with code.
 */
export function readableTheme<T extends TextMateTheme>(theme: T, minimum = 4.5): T {
  const background =
    theme.colors?.['editor.background'] ?? (theme.type === 'dark' ? '#1e1e1e' : '#ffffff');
  const fix = (colour: string) => ensureContrast(colour, background, minimum);
  return {
    ...theme,
    name: `${theme.name ?? 'theme'}-readable`,
    colors: {
      ...theme.colors,
      ...(theme.colors?.['editor.foreground']
        ? { 'editor.foreground': fix(theme.colors['editor.foreground']) }
        : {}),
    },
    tokenColors: theme.tokenColors?.map((rule) => {
      const { foreground, background: own } = rule.settings ?? {};
      if (!foreground) return rule;
      // Rules with their own background (diff insertions) are checked against it.
      const fixed = own ? ensureContrast(foreground, own, minimum) : fix(foreground);
      return { ...rule, settings: { ...rule.settings, foreground: fixed } };
    }),
  };
}
