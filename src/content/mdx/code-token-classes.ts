import { addClassToHast, type ShikiTransformer } from 'shiki';
import { memoize } from 'es-toolkit/function';
import type { AstroUserConfig } from 'astro';

/**
 * Shiki's css-variables theme colours each token with an inline style,
 * `color:var(--astro-code-token-keyword)`. This transformer turns those
 * styles into classes (`code-token-keyword`) that src/styles/code.css
 * colours, so code blocks carry no inline styles beyond the scrolling Astro
 * adds, and the page weighs less.
 */

type HastElement = Parameters<NonNullable<ShikiTransformer['span']>>[0];

/** Declarations with a class of their own. */
const FONT_CLASSES: Record<string, string> = {
  'font-style:italic': 'code-italic',
  'font-weight:bold': 'code-bold',
  'text-decoration:underline': 'code-underline',
  'text-decoration:line-through': 'code-strike',
};

/**
 * Splits an inline style into classes for the declarations code.css
 * covers and the declarations left inline. `drop` names properties to
 * remove outright (the block's own colours, which code.css sets on
 * `.astro-code`).
 */
export function styleToClasses(
  style: string,
  drop: readonly string[] = [],
): { classes: string[]; style: string } {
  const classes: string[] = [];
  const rest: string[] = [];
  for (const declaration of style.split(';')) {
    const compact = declaration.trim().replace(/\s*:\s*/, ':');
    if (compact === '') continue;
    const property = compact.slice(0, compact.indexOf(':'));
    if (drop.includes(property)) continue;
    const variable = /^color:var\(--astro-code-([\w-]+)\)$/.exec(compact)?.[1];
    const font = FONT_CLASSES[compact];
    if (variable) classes.push(`code-${variable}`);
    else if (font) classes.push(font);
    else rest.push(compact);
  }
  return { classes, style: rest.join(';') };
}

type StyleSplit = ReturnType<typeof styleToClasses>;

// A theme has a few dozen distinct token styles and a large site has
// hundreds of thousands of tokens: each style is split once per build.
const splitPreStyle = memoize((style: string) =>
  styleToClasses(style, ['background-color', 'color']),
);
const splitTokenStyle = memoize((style: string) => styleToClasses(style));

function moveStyleToClasses(node: HastElement, split: (style: string) => StyleSplit): void {
  const style = node.properties['style'];
  if (typeof style !== 'string') return;
  const { classes, style: rest } = split(style);
  if (rest === '') delete node.properties['style'];
  else node.properties['style'] = rest;
  if (classes.length > 0) addClassToHast(node, classes);
}

export const codeTokenClasses: ShikiTransformer = {
  name: 'casefolio:code-token-classes',
  pre(node) {
    moveStyleToClasses(node, splitPreStyle);
  },
  span(node) {
    moveStyleToClasses(node, splitTokenStyle);
  },
};

/**
 * How the site highlights code: one pass per block with the css-variables
 * theme, whose colours src/styles/code.css sets for light and dark, and
 * `codeTokenClasses`. MDX code blocks (integration/astro-config.ts) and
 * notebook cells (site/notebook-code.ts) both use it, so they look the same.
 */
export const siteShikiConfig = {
  theme: 'css-variables',
  wrap: false,
  transformers: [codeTokenClasses],
} satisfies NonNullable<NonNullable<AstroUserConfig['markdown']>['shikiConfig']>;
