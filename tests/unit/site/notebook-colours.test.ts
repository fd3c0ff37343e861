import { readFileSync } from 'node:fs';
import path from 'node:path';
import Color from 'color';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/build.ts';

const css = readFileSync(path.join(projectRoot, 'src/styles/notebook.css'), 'utf8');

/** The `--name: light-dark(light, dark)` pairs notebook.css declares. */
function pairs(): Map<string, { light: string; dark: string }> {
  const found = new Map<string, { light: string; dark: string }>();
  for (const match of css.matchAll(
    /--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/g,
  )) {
    found.set(match[1] ?? '', { light: match[2] ?? '', dark: match[3] ?? '' });
  }
  return found;
}

const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const FOREGROUNDS = [...NAMES, ...NAMES.map((name) => `bright-${name}`)];

function contrast(a: string | undefined, b: string | undefined): number {
  return Color(a ?? '').contrast(Color(b ?? ''));
}

describe('notebook output colours', () => {
  const colours = pairs();
  const panel = colours.get('notebook-output-bg');
  const text = colours.get('notebook-output-fg');

  it('colour every ANSI class, foreground and background, with its variable', () => {
    for (const name of FOREGROUNDS) {
      expect(css, name).toMatch(
        new RegExp(`\\.ansi-${name}-fg \\{\\s*color: var\\(--ansi-${name}\\);`),
      );
    }
    for (const name of NAMES) {
      expect(css, name).toMatch(
        new RegExp(
          `\\.ansi-${name}-bg,\\s*\\.ansi-bright-${name}-bg \\{\\s*background: var\\(--ansi-${name}-bg\\);`,
        ),
      );
    }
  });

  it('give the panel text and every ANSI colour 4.5:1 on the panel, in light and in dark', () => {
    for (const name of ['notebook-output-fg', ...FOREGROUNDS.map((name) => `ansi-${name}`)]) {
      const pair = colours.get(name);
      expect(pair, name).toBeDefined();
      expect(contrast(pair?.light, panel?.light), `${name} light`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(pair?.dark, panel?.dark), `${name} dark`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('give the panel text 4.5:1 on every ANSI background, in light and in dark', () => {
    for (const name of NAMES.map((name) => `ansi-${name}-bg`)) {
      const pair = colours.get(name);
      expect(pair, name).toBeDefined();
      expect(contrast(text?.light, pair?.light), `${name} light`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(text?.dark, pair?.dark), `${name} dark`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
