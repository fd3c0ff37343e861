import { load, type CheerioAPI } from 'cheerio';
import { listFiles, loadPage } from './build.ts';

/** Elements that start a line of their own as a browser lays them out. */
const BLOCKS =
  'p, div, li, h1, h2, h3, h4, h5, h6, section, dt, dd, td, th, caption, summary, figcaption, header, footer, nav, ul, ol, dl, article, details, table, tr, label, button, br, figure, main, aside, blockquote, option, legend, fieldset, .visually-hidden';

/**
 * Words a reader sees run together: the end of a sentence, a colon or a
 * closing bracket glued to the next word across an inline element
 * ("JavaScript.Browse", "Paper:Predicting", "Boosting(Proceedings"). A
 * template's line break between an expression and an element is dropped
 * when Astro compresses the page, so the space must be written. The text
 * is read as a browser shows it, blocks on lines of their own, with
 * what `<noscript>` holds; code, scripts and pictures left out.
 */
function runTogetherWords(page: CheerioAPI): string[] {
  // Read as a browser without scripts would, so what <noscript> says is text too.
  const $ = load(page.html(), { scriptingEnabled: false });
  $('script, style, pre, code, svg').remove();
  $(BLOCKS).each((_, element) => {
    $(element).prepend('\n').append('\n');
  });
  const text = $('body').text();
  return [...text.matchAll(/[\p{Ll}\d)][.:!?,)][\p{Lu}(]|\p{Ll}\(\p{Lu}/gu)].map((match) =>
    text.slice(Math.max(0, match.index - 20), match.index + 20).replace(/\s+/g, ' '),
  );
}

/** `runTogetherWords` of every HTML page under `outDir`, each as `page: words`. */
export function runTogetherOnEveryPage(outDir: string): string[] {
  return listFiles(outDir)
    .filter((file) => file.endsWith('.html'))
    .flatMap((page) =>
      runTogetherWords(loadPage(outDir, page)).map((words) => `${page}: ${words}`),
    );
}
