import { readFileSync } from 'node:fs';
import path from 'node:path';
import Color from 'color';
import { createCssVariablesTheme } from 'shiki';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../helpers/build.ts';

/** The `--astro-code-*: light-dark(light, dark)` pairs that src/styles/code.css declares. */
function codeColours(): Map<string, { light: string; dark: string }> {
  const css = readFileSync(path.join(projectRoot, 'src/styles/code.css'), 'utf8');
  const pairs = new Map<string, { light: string; dark: string }>();
  for (const match of css.matchAll(
    /--astro-code-([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/g,
  )) {
    pairs.set(match[1] ?? '', { light: match[2] ?? '', dark: match[3] ?? '' });
  }
  return pairs;
}

/**
 * Every variable Astro's css-variables theme colours tokens with, read from
 * the theme itself (Astro creates it with this prefix), so a variable a new
 * Shiki adds fails here instead of showing as uncoloured text.
 */
const TOKEN_VARIABLES = [
  ...new Set(
    JSON.stringify(createCssVariablesTheme({ variablePrefix: '--astro-code-' }).tokenColors).match(
      /(?<=var\(--astro-code-)[\w-]+(?=\))/g,
    ),
  ).add('foreground'),
];

describe('code block colours', () => {
  it('colours each token class with its variable', () => {
    const css = readFileSync(path.join(projectRoot, 'src/styles/code.css'), 'utf8');
    for (const name of TOKEN_VARIABLES) {
      expect(css, name).toMatch(
        new RegExp(`\\.code-${name} \\{\\s*color: var\\(--astro-code-${name}\\);`),
      );
    }
  });

  it('sets every variable of the css-variables theme, and the background, for both schemes', () => {
    expect([...codeColours().keys()].sort()).toEqual([...TOKEN_VARIABLES, 'background'].sort());
  });

  it('gives every token colour 4.5:1 on the code background, in light and in dark', () => {
    const colours = codeColours();
    const background = colours.get('background');
    expect(background).toBeDefined();
    for (const name of TOKEN_VARIABLES) {
      const pair = colours.get(name);
      expect(
        Color(pair?.light ?? '').contrast(Color(background?.light ?? '')),
        `${name} light`,
      ).toBeGreaterThanOrEqual(4.5);
      expect(
        Color(pair?.dark ?? '').contrast(Color(background?.dark ?? '')),
        `${name} dark`,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });
});
