import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

/**
 * A `<` that opens none of the tags the reader writes for LaTeX's markup
 * (`\emph` is `<i>`, `\textsc` a `<span>`, `\href` an `<a>`): the reader
 * leaves a formula's `<` as it is, so `$x<y>z$` would read as a tag `<y>`
 * and lose its letters.
 */
const NOT_MARKUP =
  /<(?!\/?(?:i|b|em|strong|sup|sub|code|span|a|p|ul|ol|li|blockquote|h[1-6])[\s>])/g;

/**
 * The text of a field the BibTeX reader returns as an HTML fragment
 * (`Predicting <i>Churn</i>`, `α<1`): read by an HTML parser, which keeps a
 * `<` that starts no tag as text, then the text alone. Pages show
 * publications as plain text, so nothing a .bib file holds becomes markup.
 * Accents come back composed (`{\"u}` is one ü, as typed), so the text
 * matches what a reader searches for.
 */
export function htmlFragmentText(fragment: string): string {
  const text = /[<&]/.test(fragment)
    ? toString(fromHtml(fragment.replace(NOT_MARKUP, '&lt;'), { fragment: true }))
    : fragment;
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
