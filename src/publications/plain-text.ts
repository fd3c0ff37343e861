import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

/**
 * The text of a field the BibTeX reader returns as an HTML fragment
 * (`Predicting <i>Churn</i>`, `α<1`): read by an HTML parser, which keeps a
 * `<` that starts no tag as text, then the text alone. Pages show
 * publications as plain text, so nothing a .bib file holds becomes markup.
 * Accents come back composed (`{\"u}` is one ü, as typed), so the text
 * matches what a reader searches for.
 */
export function htmlFragmentText(fragment: string): string {
  const text = /[<&]/.test(fragment) ? toString(fromHtml(fragment, { fragment: true })) : fragment;
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
