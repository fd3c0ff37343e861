/**
 * One formula of TeX to MathML, with Temml: the browser typesets MathML
 * itself, so a page with math needs no script, no stylesheet of the
 * renderer's and, where the reader has a math font, no font download
 * (docs/performance.md, "Math", has the measurements against KaTeX).
 */

import { createRequire } from 'node:module';
import type Temml from 'temml';
import type { Options } from 'temml';

/**
 * Temml, loaded with the first formula rather than with the integration:
 * it takes about 30 ms, most pages have no math, and a synchronous load
 * keeps the math plugin synchronous (an async plugin made Sätteri's
 * compile of every page with a dollar sign about 0.3 ms slower).
 */
let loaded: typeof Temml | undefined;

function temml(): typeof Temml {
  loaded ??= createRequire(import.meta.url)('temml') as typeof Temml;
  return loaded;
}

/**
 * The options of every render and every check, so the check refuses exactly
 * what the build could not render. `trust: false` refuses the commands that
 * would reach outside the formula (`\includegraphics`, `\style`, `\class`);
 * Temml has no `\href` or `\url` at all. `maxSize` caps what `\rule`,
 * `\kern` and `\hspace` may draw (in em), and `maxExpand` stops a macro that
 * calls itself. No shared `macros` object: a `\def` in one formula never
 * leaks into the next one, or into another page.
 */
const OPTIONS: Options = {
  throwOnError: true,
  trust: false,
  strict: false,
  maxSize: [40, 40],
  maxExpand: 1000,
};

/** Temml's MathML for a formula; throws what Temml throws. */
export function texToMathml(tex: string, display: boolean): string {
  return temml().renderToString(tex, { ...OPTIONS, displayMode: display });
}

/**
 * Parses a formula without building its MathML (the cheaper half), to ask
 * Temml whether it knows a command or an environment. Throws what Temml throws.
 */
export function parseTex(tex: string, display: boolean): void {
  temml().__parse(tex, { ...OPTIONS, displayMode: display });
}

/**
 * The HTML a formula becomes on a page: MathML; display math in a box that
 * scrolls sideways on a narrow screen instead of widening the page (and can
 * be focused, so it scrolls from the keyboard too). A `span` where the
 * formula sits in a paragraph (`$$…$$` written inline), a `div` otherwise.
 *
 * Never throws: `npm run check` and the build's own check refuse a formula
 * Temml cannot read before anything renders, and should one get here all
 * the same, its source is shown as code rather than failing the build.
 */
export function texToHtml(tex: string, display: 'inline' | 'block' | 'in-text'): string {
  const box = display === 'block' ? 'div' : 'span';
  let mathml: string;
  try {
    mathml = texToMathml(tex, display !== 'inline');
  } catch {
    const code = `<code class="math-unreadable">${escapeHtml(tex)}</code>`;
    return display === 'inline' ? code : `<${box} class="math-display">${code}</${box}>`;
  }
  return display === 'inline'
    ? mathml
    : `<${box} class="math-display" tabindex="0">${mathml}</${box}>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
